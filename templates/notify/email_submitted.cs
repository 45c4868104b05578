您的投诉已收到（受理编号 <?cs var:Msg.tracking_no ?>）

您好：

您的投诉已收到，受理编号 <?cs var:Msg.tracking_no ?>。商务部门将在 <?cs var:Msg.accept_due ?> 前决定是否受理。

查询处理进度：<?cs var:Msg.url ?>
（查询时还要填写投诉回执上的查询码。本邮件不含查询码，请妥善保管回执。）

家电下乡公共服务网（本邮件由系统发送，请不要回复）
