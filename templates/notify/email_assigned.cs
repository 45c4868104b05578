指定您承办投诉 <?cs var:Msg.tracking_no ?>

<?cs var:Msg.name ?>：

投诉 <?cs var:Msg.tracking_no ?>（被投诉商店：<?cs var:Msg.outlet ?>）已指定由您承办，当前期限 <?cs var:Msg.due ?>。

处理：<?cs var:Msg.staff_url ?>

家电下乡公共服务网（本邮件由系统发送，请不要回复）
