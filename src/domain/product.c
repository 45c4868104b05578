/* The product catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/caps.h"
#include "db/filtered.h"
#include "base/money.h"
#include "domain/product.h"
#include "db/search.h"
#include "web/view.h"

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

/* Adds the cap in force and the subsidy at the winning-bid price. */
static void
decorate(HDF *row, HDF *caps, long long rate_bp)
{
	const char	*code = hdf_get_value(row, "category_code", "");
	long long	 price = atoll(hdf_get_value(row, "bid_price_fen", "0"));
	long long	 cap = -1;
	HDF		*c;
	char		 y[32];

	hset(row, "status_name", product_status_name(hdf_get_value(row,
	    "status", "")));
	hset(row, "status_short", product_status_short_name(hdf_get_value(row,
	    "status", "")));
	yuan_format(y, sizeof(y), price);
	hset(row, "bid_price_yuan", y);
	for (c = caps != NULL ? hdf_obj_child(caps) : NULL; c != NULL;
	    c = hdf_obj_next(c))
		if (strcmp(hdf_get_value(c, "code", ""), code) == 0)
			cap = atoll(hdf_get_value(c, "cap_fen", "0"));
	if (cap < 0)
		return;
	yuan_format(y, sizeof(y), cap);
	hset(row, "cap_yuan", y);
	if (price > cap) {
		hset(row, "over_cap", "1");
		return;
	}
	money_format(y, sizeof(y), subsidy_fen(price, rate_bp));
	hset(row, "subsidy_yuan", y);
}

static void
decorate_rows(HDF *hdf, const char *prefix, int single, HDF *caps,
    long long rate_bp)
{
	HDF	*row = hdf_get_obj(hdf, prefix);

	if (row == NULL)
		return;
	if (single) {
		decorate(row, caps, rate_bp);
		return;
	}
	for (row = hdf_obj_child(row); row != NULL; row = hdf_obj_next(row))
		decorate(row, caps, rate_bp);
}

enum db_status
product_find(HDF *hdf, const struct product_query *q, const char *prefix,
    long *n, long long *total, HDF *caps, long long rate_bp)
{
	struct filtered_sql	*f = &catalogue;
	struct db_arg		 a[12];
	struct db_stmt		*list, *count;
	char			 ftq[512], key[80];
	unsigned		 mask = 0;
	size_t			 na;
	enum db_status		 st;

	*n = *total = 0;
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
		return DB_ERROR;
	st = db_query_int(count, a + 1, na - 1, total);
	if (st != DB_OK || *total == 0)
		return st;
	a[na++] = DB_INT(PRODUCT_PAGE_SIZE);
	a[na++] = DB_INT((long long)(q->page - 1) * PRODUCT_PAGE_SIZE);
	if (f != &keyword_catalogue)
		st = db_query(list, a + 1, na - 1, hdf, prefix, n);
	else
		st = db_query(list, a, na, hdf, prefix, n);
	if (st == DB_OK)
		decorate_rows(hdf, prefix, 0, caps, rate_bp);
	return st;
}

enum db_status
product_get(HDF *hdf, long long id, const char *prefix, int *found,
    HDF *caps, long long rate_bp)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;

	st = db_query_row(&get_by_id, a, 1, hdf, prefix, found);
	if (st == DB_OK && *found)
		decorate_rows(hdf, prefix, 1, caps, rate_bp);
	return st;
}

enum db_status
product_check_model(HDF *hdf, const char *model, const char *prefix,
    long *n, HDF *caps, long long rate_bp)
{
	struct db_arg	 a[1];
	char		 key[80];
	enum db_status	 st;

	product_model_key(key, sizeof(key), model);
	a[0] = DB_TEXT(key);
	st = db_query(&by_model_key, a, 1, hdf, prefix, n);
	if (st == DB_OK)
		decorate_rows(hdf, prefix, 0, caps, rate_bp);
	return st;
}

enum db_status
product_brands(HDF *hdf, const char *category, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(category) };

	if (category[0] == '\0')
		return db_query(&all_brands, NULL, 0, hdf, prefix, n);
	return db_query(&brands_in_category, a, 1, hdf, prefix, n);
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
