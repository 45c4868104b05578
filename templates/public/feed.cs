<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title><?cs var:Site.Name ?> 通知公告</title>
<id>tag:jdxx,2008:notices</id>
<link rel="self" type="application/atom+xml" href="/notices.atom"/>
<link rel="alternate" type="text/html" href="/notices"/>
<updated><?cs if:Notices.0.updated_at ?><?cs var:Notices.0.updated_at ?><?cs else ?>2008-12-01T00:00:00+08:00<?cs /if ?></updated>
<author><name><?cs var:Site.Name ?></name></author>
<?cs each:n = Notices ?><entry>
<title><?cs var:n.title ?></title>
<id>tag:jdxx,2008:notice-<?cs var:n.id ?></id>
<link rel="alternate" type="text/html" href="/notices/<?cs var:n.id ?>"/>
<published><?cs var:n.published_at ?></published>
<updated><?cs var:n.updated_at ?></updated>
<category term="<?cs var:n.kind ?>" label="<?cs var:n.kind_name ?>"/>
<?cs if:n.issuer ?><author><name><?cs var:n.issuer ?></name></author>
<?cs /if ?><content type="html"><?cs var:n.Full.body_html ?></content>
</entry>
<?cs /each ?></feed>
