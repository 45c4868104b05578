您的投诉已办结（受理编号 <?cs var:Msg.tracking_no ?>）

您好：

您的投诉（受理编号 <?cs var:Msg.tracking_no ?>）已办结。

处理结果：<?cs var:Msg.reply ?>

您可以在查询页评价处理结果，或在办结后 15 天内要求重新办理一次：<?cs var:Msg.url ?>
（查询时还要填写投诉回执上的查询码。）

家电下乡公共服务网（本邮件由系统发送，请不要回复）
