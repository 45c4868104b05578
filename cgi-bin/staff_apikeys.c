/* Keys for Open311 clients, for admins: each is shown once when made,
 * only its hash is kept, and it can be revoked. A key reads and files
 * complaints of the region of the account that made it, and an account
 * sees and revokes only the keys inside its own region. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "domain/apikey.h"
#include "staff.h"
#include "web/apikey_view.h"
#include "web/domain_answer.h"
#include "web/view.h"

const struct param_spec apikey_params[AK_COUNT] = {
	[AK_NAME] = { "name", "名称", P_TEXT, 1, APIKEY_NAME_MAX, 0 },
	[AK_PAGE] = PARAM_PAGE,
};

/* The keys, newest first, a page at a time: after a new key, the first. */
static int
keys_page(struct ctx *c)
{
	const struct param_value *p = &c->req->param[AK_PAGE];
	long			 page = c->req->method != M_POST &&
	    p->present && p->valid ? (long)p->n : 1;
	struct arena_list	 keys;
	enum domain_status	 ds;
	long long		 total;

	hset(c->hdf, "Page.Title", "Open311 接口密钥");
	if ((ds = apikey_list(&c->arena, c->user->region, page, &keys,
	    &total)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	apikey_view_rows(c->hdf, "Keys", &keys);
	ctx_paging(c, page, total, APIKEY_PAGE_SIZE);
	ctx_query_string(c, "Query.all", "page,name");
	return ctx_render(c, "staff/apikeys.cs");
}

int
handle_apikeys(struct ctx *c)
{
	const char		*name = ctx_text(c, AK_NAME);
	char			 key[APIKEY_LEN + 1];
	unsigned long long	 id = 0;
	enum domain_status	 ds;
	struct audit_by		 by = { .user = c->user,
	    .address = staff_address(c) };

	if (c->req->param_errors > 0)
		c->resp->status = 400;
	if (c->req->method != M_POST)
		return keys_page(c);
	if (c->resp->status == 200 && name[0] == '\0')
		ctx_field_error(c, "name", "请填写名称，例如使用这个密钥的单位或应用");
	if (c->resp->status != 200)
		return keys_page(c);
	if ((ds = apikey_create(name, &by, key, &id)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	/* The only time the key is seen: not kept, not cached. */
	hset(c->hdf, "NewKey.key", key);
	hset(c->hdf, "NewKey.name", name);
	hset(c->hdf, "NewKey.region", c->user->region);
	hseti(c->hdf, "NewKey.id", (long long)id);
	sodium_memzero(key, sizeof(key));
	hset(c->hdf, "Form.name", "");
	response_header(c->resp, "Cache-Control", "no-store");
	return keys_page(c);
}

int
handle_apikey_revoke(struct ctx *c)
{
	long long	 id = c->req->path_id;
	struct apikey_record key;
	enum domain_status ds;
	struct audit_by	 by = { .user = c->user,
	    .address = staff_address(c) };

	if ((ds = apikey_get(&c->arena, id, &key)) != DOMAIN_OK)
		return domain_answer_error(c, ds);
	/* A key outside the account's region is not there for it. */
	if (!staff_in_region(c, key.region_code))
		return H_NOT_FOUND;
	return domain_answer_saved(c, apikey_revoke(id, key.name != NULL ?
	    key.name : "", &by), "/staff/apikeys#key-%lld", id);
}
