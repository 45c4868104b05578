/* The product catalogue. */
#include <stdio.h>
#include <string.h>

#include "domain/caps.h"
#include "db/filtered.h"
#include "base/money.h"
#include "domain/product.h"
#include "db/search.h"

#define PRODUCT_COLUMNS \
    "SELECT p.id, p.category_code, c.name AS category, p.brand, " \
    "p.manufacturer, p.model, p.spec, p.bid_price_fen, p.bid_batch, " \
    "p.status, p.is_demo "

#define PRODUCT_JOINS "JOIN category c ON c.code = p.category_code "

/* (category_code, brand, model) is unique, so this order is total. An
 * id after it, or the category or brand when the WHERE fixes it (their
 * collation keeps MariaDB from treating them as constant), makes MariaDB
 * sort every matching row instead of reading an index in order. */
#define ORDER		"p.category_code, p.brand, p.model"
#define ORDER_IN_CATEGORY "p.brand, p.model"
#define ORDER_IN_BRAND	"p.category_code, p.model"
#define PAGE_JOIN	") pg JOIN product p ON p.id = pg.id " PRODUCT_JOINS

/* Full-text matches, or the model number itself. */
#define KEYWORD_HITS \
    "(SELECT product_id AS id FROM product_search " \
    "WHERE MATCH(body) AGAINST(? IN BOOLEAN MODE) " \
    "UNION SELECT id FROM product WHERE model_key = ?) hit " \
    "JOIN product p ON p.id = hit.id "

enum { PF_CATEGORY = 1, PF_BRAND = 2, PF_STATUS = 4 };

static const struct sql_fragment filter_fragments[] = {
	{ PF_CATEGORY, " AND p.category_code = ?" },
	{ PF_BRAND, " AND p.brand = ?" },
	{ PF_STATUS, " AND p.status = ?" },
};

/* Without a keyword: the page's ids in order, then their rows. */
#define PLAIN_CATALOGUE(order) { \
	.list_head = PRODUCT_COLUMNS "FROM (SELECT p.id FROM product p ", \
	.count_head = "SELECT COUNT(*) FROM product p ", \
	.where = "WHERE 1 = 1", \
	.filters = filter_fragments, \
	.nfilters = sizeof(filter_fragments) / sizeof(filter_fragments[0]), \
	.list_tail = " ORDER BY " order " LIMIT ? OFFSET ?" PAGE_JOIN \
	    "ORDER BY " order, \
	.count_tail = "", \
}

static struct filtered_sql catalogue = PLAIN_CATALOGUE(ORDER);
/* One category: the same list, its order without the category. */
static struct filtered_sql category_catalogue =
    PLAIN_CATALOGUE(ORDER_IN_CATEGORY);
/* One brand in every category: the same list, read from product_brand
 * (sql/020_product_brand_order.sql). */
static struct filtered_sql brand_catalogue = PLAIN_CATALOGUE(ORDER_IN_BRAND);

/* Without a keyword, counted from the brands' tallies
 * (sql/018_product_brand_tally.sql): a few dozen rows, not a category's
 * every index entry (5,841 televisions: 3.4 ms). Same filters, same
 * columns. */
static struct filtered_sql tally =
    FILTERED_TALLY("product_brand_tally p", "p.n", filter_fragments);

/* With a keyword the exact model number comes first. */
static struct filtered_sql keyword_catalogue = {
	.list_head = PRODUCT_COLUMNS "FROM (SELECT p.id, p.model_key = ? "
	    "AS exact FROM " KEYWORD_HITS,
	.count_head = "SELECT COUNT(*) FROM " KEYWORD_HITS,
	.where = "WHERE 1 = 1",
	.filters = filter_fragments,
	.nfilters = sizeof(filter_fragments) / sizeof(filter_fragments[0]),
	.list_tail = " ORDER BY exact DESC, " ORDER " LIMIT ? OFFSET ?"
	    PAGE_JOIN "ORDER BY pg.exact DESC, " ORDER,
	.count_tail = "",
};

static struct db_stmt get_by_id = DB_READ(
    PRODUCT_COLUMNS "FROM product p " PRODUCT_JOINS "WHERE p.id = ?");

static struct db_stmt by_model_key = DB_READ(
    PRODUCT_COLUMNS "FROM product p " PRODUCT_JOINS
    "WHERE p.model_key = ? ORDER BY p.status, p.brand, p.id LIMIT 20");

/* From each brand's tally (sql/018_product_brand_tally.sql). */
static struct db_stmt brands_in_category = DB_READ(
    "SELECT brand FROM product_brand_tally WHERE status = 'active' "
    "AND category_code = ? AND n > 0 ORDER BY brand");

static struct db_stmt all_brands = DB_READ(
    "SELECT brand FROM product_brand_tally WHERE status = 'active' "
    "AND n > 0 GROUP BY brand ORDER BY brand");

void
product_model_key(char *out, size_t len, const char *model)
{
	size_t	 o = 0;

	for (; *model != '\0' && o + 1 < len; model++) {
		if (*model == ' ' || *model == '-' || *model == '/')
			continue;
		out[o++] = (*model >= 'a' && *model <= 'z') ?
		    (char)(*model - 'a' + 'A') : *model;
	}
	out[o] = '\0';
}

void
product_price(struct product *p, const struct caps_in_force *caps)
{
	const struct cap_in_force	*cap;

	p->cap_fen = -1;
	p->over_cap = 0;
	p->subsidy_fen = 0;
	if (p->category_code == NULL ||
	    (cap = caps_in_force_of(caps, p->category_code)) == NULL)
		return;
	p->cap_fen = cap->cap_fen;
	if (p->bid_price_fen > cap->cap_fen) {
		p->over_cap = 1;
		return;
	}
	p->subsidy_fen = subsidy_fen(p->bid_price_fen, caps->has_rate ?
	    caps->rate.rate_bp : 0);
}

/* Where a read's products go, and what they are priced against. */
struct products_read {
	struct arena			*arena;
	struct arena_list		*list;
	const struct caps_in_force	*caps;
};

static int
read_product(void *arg, const struct db_row *r)
{
	struct products_read	*k = arg;
	struct product		*p;

	if ((p = arena_push(k->arena, k->list, sizeof(*p))) == NULL)
		return -1;
	p->id = db_int(r, "id");
	p->category_code = db_keep(k->arena, r, "category_code");
	p->category = db_keep(k->arena, r, "category");
	p->brand = db_keep(k->arena, r, "brand");
	p->manufacturer = db_keep(k->arena, r, "manufacturer");
	p->model = db_keep(k->arena, r, "model");
	p->spec = db_keep(k->arena, r, "spec");
	p->bid_price_fen = db_int(r, "bid_price_fen");
	p->bid_batch = db_keep(k->arena, r, "bid_batch");
	p->status = db_keep(k->arena, r, "status");
	p->is_demo = db_int(r, "is_demo") != 0;
	product_price(p, k->caps);
	return 0;
}

enum domain_status
product_find(struct arena *ar, const struct product_query *q,
    const struct caps_in_force *caps, struct product_page *page)
{
	struct products_read	 k = { ar, &page->rows, caps };
	struct filtered_sql	*f = &catalogue;
	struct db_arg		 a[12];
	struct db_stmt		*list, *count;
	char			 ftq[512], key[80];
	unsigned		 mask = 0;
	size_t			 na;
	enum db_status		 st;

	memset(page, 0, sizeof(*page));
	/* a[0] is the exact-match key, bound only in the keyword list. */
	if (q->keyword[0] != '\0') {
		if (search_query(ftq, sizeof(ftq), q->keyword) < 1)
			ftq[0] = '\0';
		product_model_key(key, sizeof(key), q->keyword);
		f = &keyword_catalogue;
		a[0] = DB_TEXT(key);
		a[1] = DB_TEXT(ftq);
		a[2] = DB_TEXT(key);
		na = 3;
	} else
		na = 1;
	if (q->category[0] != '\0') {
		mask |= PF_CATEGORY;
		a[na++] = DB_TEXT(q->category);
		if (f == &catalogue)
			f = &category_catalogue;
	}
	if (q->brand[0] != '\0') {
		mask |= PF_BRAND;
		a[na++] = DB_TEXT(q->brand);
		if (f == &catalogue)
			f = &brand_catalogue;
	}
	if (q->status[0] != '\0') {
		mask |= PF_STATUS;
		a[na++] = DB_TEXT(q->status);
	}
	if ((list = filtered_list(f, mask)) == NULL ||
	    (count = filtered_count(f == &keyword_catalogue ? f : &tally,
	    mask)) == NULL)
		return DOMAIN_INTERNAL;
	st = db_query_int(count, a + 1, na - 1, &page->total);
	if (st != DB_OK || page->total == 0)
		return domain_of_db(st);
	a[na++] = DB_INT(PRODUCT_PAGE_SIZE);
	a[na++] = DB_INT((long long)(q->page - 1) * PRODUCT_PAGE_SIZE);
	if (f != &keyword_catalogue)
		st = db_query_each(list, a + 1, na - 1, read_product, &k);
	else
		st = db_query_each(list, a, na, read_product, &k);
	return domain_of_read(st, ar);
}

enum domain_status
product_get(struct arena *ar, long long id, const struct caps_in_force *caps,
    struct product *p)
{
	struct arena_list	 rows = { 0 };
	struct products_read	 k = { ar, &rows, caps };
	struct db_arg		 a[] = { DB_INT(id) };
	enum domain_status	 ds;

	ds = domain_of_read(db_query_each(&get_by_id, a, 1, read_product, &k),
	    ar);
	if (ds != DOMAIN_OK)
		return ds;
	if (rows.n == 0)
		return DOMAIN_NOT_FOUND;
	*p = ((struct product *)rows.item)[0];
	return DOMAIN_OK;
}

enum domain_status
product_check_model(struct arena *ar, const char *model,
    const struct caps_in_force *caps, struct arena_list *found)
{
	struct products_read	 k = { ar, found, caps };
	struct db_arg		 a[1];
	char			 key[80];

	*found = (struct arena_list){ 0 };
	product_model_key(key, sizeof(key), model);
	a[0] = DB_TEXT(key);
	return domain_of_read(db_query_each(&by_model_key, a, 1, read_product,
	    &k), ar);
}

static int
read_brand(void *arg, const struct db_row *r)
{
	struct products_read	*k = arg;
	const char		**brand;

	if ((brand = arena_push(k->arena, k->list, sizeof(*brand))) == NULL)
		return -1;
	*brand = db_keep(k->arena, r, "brand");
	return 0;
}

enum domain_status
product_brands(struct arena *ar, const char *category,
    struct arena_list *brands)
{
	struct products_read	 k = { ar, brands, NULL };
	struct db_arg		 a[] = { DB_TEXT(category) };
	enum db_status		 st;

	*brands = (struct arena_list){ 0 };
	if (category[0] == '\0')
		st = db_query_each(&all_brands, NULL, 0, read_brand, &k);
	else
		st = db_query_each(&brands_in_category, a, 1, read_brand, &k);
	return domain_of_read(st, ar);
}

/* The statuses of a programme model: its name, and the short one of a
 * table cell. */
static const struct {
	const char	*code, *name, *short_name;
} statuses[] = {
	{ "active", "在售中标产品", "在售" },
	{ "withdrawn", "已撤销", "已撤销" },
};

const char *
product_status_code(size_t i)
{
	return i < sizeof(statuses) / sizeof(statuses[0]) ?
	    statuses[i].code : NULL;
}

const char *
product_status_name(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].code, code) == 0)
			return statuses[i].name;
	return statuses[1].name;
}

const char *
product_status_short_name(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].code, code) == 0)
			return statuses[i].short_name;
	return statuses[1].short_name;
}
