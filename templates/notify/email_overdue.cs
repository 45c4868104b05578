投诉 <?cs var:Msg.tracking_no ?> 已超过期限

<?cs var:Msg.name ?>：

您所在地区的投诉 <?cs var:Msg.tracking_no ?>（被投诉商店：<?cs var:Msg.outlet ?>）的期限 <?cs var:Msg.due ?> 已过，还没有处理完，请尽快处理。

处理：<?cs var:Msg.staff_url ?>

家电下乡公共服务网（本邮件由系统发送，请不要回复）
