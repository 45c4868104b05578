已收到您重新办理的要求（受理编号 <?cs var:Msg.tracking_no ?>）

您好：

已收到您对投诉（受理编号 <?cs var:Msg.tracking_no ?>）重新办理的要求，将在 <?cs var:Msg.resolve_due ?> 前办结。

查询处理进度：<?cs var:Msg.url ?>
（查询时还要填写投诉回执上的查询码。）

家电下乡公共服务网（本邮件由系统发送，请不要回复）
