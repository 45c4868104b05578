您的投诉不予受理（受理编号 <?cs var:Msg.tracking_no ?>）

您好：

您的投诉（受理编号 <?cs var:Msg.tracking_no ?>）不予受理。

理由：<?cs var:Msg.reply ?>

查询：<?cs var:Msg.url ?>
（查询时还要填写投诉回执上的查询码。）

家电下乡公共服务网（本邮件由系统发送，请不要回复）
