<?cs # How the complainant hears of the steps: the public form's and staff intake's, the same. ?><?cs def:notify_choice(code, label) ?><label><input type="radio" name="notify" value="<?cs var:code ?>"<?cs if:Form.notify == code || (!Form.notify && code == "none") ?> checked<?cs /if ?>> <?cs var:label ?></label><?cs /def ?>
<fieldset class="choice" id="notify"<?cs if:Errors.notify ?> aria-describedby="notify-error"<?cs /if ?>><legend>通知方式（投诉有进展时告诉投诉人）</legend>
<?cs call:notify_choice("sms", "短信") ?> <?cs call:notify_choice("email", "电子邮件") ?> <?cs call:notify_choice("none", "不通知") ?><?cs call:field_error("notify") ?></fieldset>
<div class="field"><label for="email">电子邮箱（选择电子邮件通知时填写）</label>
<input id="email" name="email" type="email" maxlength="254" autocomplete="email" value="<?cs var:Form.email ?>"<?cs if:Errors.email ?> aria-invalid="true" aria-describedby="email-error"<?cs /if ?>><?cs call:field_error("email") ?></div>
