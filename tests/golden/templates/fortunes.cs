<table>
<tr><th>id</th><th>message</th></tr>
<?cs each:f = Fortunes ?><tr><td><?cs var:f.id ?></td><td><?cs var:f.message ?></td></tr>
<?cs /each ?></table>
<p title="<?cs var:Attr ?>"><?cs var:Attr ?></p>
