您的投诉已转办（受理编号 <?cs var:Msg.tracking_no ?>）

您好：

您的投诉（受理编号 <?cs var:Msg.tracking_no ?>）已转办：

<?cs var:Msg.reply ?>

查询处理进度：<?cs var:Msg.url ?>
（查询时还要填写投诉回执上的查询码。）

家电下乡公共服务网（本邮件由系统发送，请不要回复）
