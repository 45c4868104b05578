/* The outlet directory: filters chosen from fixed SQL fragments. */
#include <stdio.h>
#include <string.h>

#include "filtered.h"
#include "outlet.h"
#include "search.h"
#include "view.h"

#define OUTLET_COLUMNS \
    "SELECT o.id, o.reg_no, o.name, o.mode, o.address, o.phone, " \
    "o.services, o.status, " \
    "DATE_FORMAT(o.status_since, '%Y-%m-%d') AS status_since, " \
    "o.status_reason, DATE_FORMAT(o.registered_on, '%Y-%m-%d') " \
    "AS registered_on, o.is_demo, o.region_code, t.name AS township, " \
    "c.code AS county_code, c.name AS county, " \
    "o.enterprise_id, e.name AS enterprise, " \
    "(SELECT GROUP_CONCAT(cat.name ORDER BY cat.sort_order SEPARATOR '、') " \
    "FROM outlet_category oc JOIN category cat ON cat.code = " \
    "oc.category_code WHERE oc.outlet_id = o.id) AS categories, " \
    "(SELECT GROUP_CONCAT(oc.category_code ORDER BY oc.category_code) " \
    "FROM outlet_category oc WHERE oc.outlet_id = o.id) AS category_codes "

#define OUTLET_JOINS \
    "JOIN enterprise e ON e.id = o.enterprise_id " \
    "LEFT JOIN region t ON t.code = o.region_code " \
    "LEFT JOIN region c ON c.code = t.parent_code "

/* Keyword hits: full-text matches, or the exact number or phone. */
#define KEYWORD_FROM \
    "FROM (SELECT outlet_id AS id FROM outlet_search " \
    "WHERE MATCH(body) AGAINST(? IN BOOLEAN MODE) " \
    "UNION SELECT id FROM outlet WHERE reg_no = ? " \
    "UNION SELECT id FROM outlet WHERE phone_digits = ?) hit " \
    "JOIN outlet o ON o.id = hit.id "

enum {
	OF_REGION = 1, OF_STATUS = 2, OF_CATEGORY = 4, OF_ENTERPRISE = 8,
	OF_KEYWORD = 16
};

static const struct sql_fragment filter_fragments[] = {
	{ OF_REGION, " AND o.region_code LIKE CONCAT(?, '%')" },
	{ OF_STATUS, " AND o.status = ?" },
	{ OF_CATEGORY, " AND EXISTS (SELECT 1 FROM outlet_category f "
	    "WHERE f.outlet_id = o.id AND f.category_code = ?)" },
	{ OF_ENTERPRISE, " AND o.enterprise_id = ?" },
};

static struct filtered_sql directory = {
	.columns = OUTLET_COLUMNS,
	.from = { "FROM outlet o ", KEYWORD_FROM },
	.joins = OUTLET_JOINS,
	.filters = filter_fragments,
	.nfilters = sizeof(filter_fragments) / sizeof(filter_fragments[0]),
	.order = {
	    " ORDER BY o.region_code, o.reg_no LIMIT ? OFFSET ?",
	    " ORDER BY (o.reg_no = ? OR o.phone_digits <=> ?) DESC, "
	    "o.region_code, o.reg_no LIMIT ? OFFSET ?" },
	.keyword_bit = OF_KEYWORD,
};

static struct db_stmt get_by_id = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS "WHERE o.id = ?");

static struct db_stmt check_regno = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS "WHERE o.reg_no = ?");

static struct db_stmt check_phone = DB_READ(
    OUTLET_COLUMNS "FROM outlet o " OUTLET_JOINS
    "WHERE o.phone_digits = ? ORDER BY o.reg_no LIMIT 11");

static struct db_stmt check_name = DB_READ(
    OUTLET_COLUMNS "FROM outlet_search s JOIN outlet o ON o.id = s.outlet_id "
    OUTLET_JOINS "WHERE MATCH(s.body) AGAINST(? IN BOOLEAN MODE) "
    "ORDER BY o.status, o.region_code, o.reg_no LIMIT 11");

struct label {
	const char	*code, *name;
};

static const struct label modes[] = {
	{ "direct", "直营" }, { "franchise", "加盟" }, { "authorised", "授权" },
}, services[] = {
	{ "delivery", "送货上门" }, { "install", "安装调试" },
	{ "teach", "使用辅导" }, { "repair", "上门维修" },
}, statuses[] = {
	{ "active", "正常" }, { "suspended", "暂停" }, { "cancelled", "取消" },
};

#define LABEL(table, code) label((table), sizeof(table) / sizeof((table)[0]), (code))

static const char *
label(const struct label *t, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return t[i].name;
	return "";
}

const char *
outlet_status_name(const char *status)
{
	return LABEL(statuses, status);
}

int
outlet_status_valid(const char *status)
{
	return outlet_status_name(status)[0] != '\0';
}

/* Adds the Chinese names of mode, status and services to each row. */
static void
decorate(HDF *row)
{
	const char	*svc = hdf_get_value(row, "services", "");
	char		 names[128] = "", code[32];
	size_t		 i, n;

	hset(row, "mode_name", LABEL(modes, hdf_get_value(row, "mode", "")));
	hset(row, "status_name", outlet_status_name(hdf_get_value(row,
	    "status", "")));
	while (*svc != '\0') {
		n = strcspn(svc, ",");
		snprintf(code, sizeof(code), "%.*s", (int)n, svc);
		for (i = 0; i < sizeof(services) / sizeof(services[0]); i++)
			if (strcmp(services[i].code, code) == 0) {
				if (names[0] != '\0')
					strncat(names, "、", sizeof(names) -
					    strlen(names) - 1);
				strncat(names, services[i].name,
				    sizeof(names) - strlen(names) - 1);
			}
		svc += n + (svc[n] == ',');
	}
	hset(row, "service_names", names);
}

static void
decorate_rows(HDF *hdf, const char *prefix, int single)
{
	HDF	*row = hdf_get_obj(hdf, prefix);

	if (row == NULL)
		return;
	if (single) {
		decorate(row);
		return;
	}
	for (row = hdf_obj_child(row); row != NULL; row = hdf_obj_next(row))
		decorate(row);
}

enum db_status
outlet_find(HDF *hdf, const struct outlet_query *q, const char *prefix,
    long *n, long long *total)
{
	struct db_arg	 a[16];
	char		 ftq[512], phone[32];
	struct db_stmt	*list;
	unsigned	 mask = 0;
	size_t		 na = 0;
	enum db_status	 st;

	*n = *total = 0;
	if (q->keyword[0] != '\0') {
		if (search_query(ftq, sizeof(ftq), q->keyword) < 1)
			ftq[0] = '\0';
		search_phone_digits(phone, sizeof(phone), q->keyword);
		mask |= OF_KEYWORD;
		/* Mroonga matches nothing for an empty query. */
		a[na++] = DB_TEXT(ftq);
		a[na++] = DB_TEXT(q->keyword);
		a[na++] = phone[0] ? DB_TEXT(phone) : DB_NULLARG;
	}
	if (q->region[0] != '\0') {
		mask |= OF_REGION;
		a[na++] = DB_TEXT(q->region);
	}
	if (q->status[0] != '\0') {
		mask |= OF_STATUS;
		a[na++] = DB_TEXT(q->status);
	}
	if (q->category[0] != '\0') {
		mask |= OF_CATEGORY;
		a[na++] = DB_TEXT(q->category);
	}
	if (q->enterprise > 0) {
		mask |= OF_ENTERPRISE;
		a[na++] = DB_INT(q->enterprise);
	}
	if ((list = filtered_list(&directory, mask)) == NULL)
		return DB_ERROR;
	st = db_query_int(filtered_count(&directory, mask), a, na, total);
	if (st != DB_OK || *total == 0)
		return st;
	if (mask & OF_KEYWORD) {
		a[na++] = DB_TEXT(q->keyword);
		a[na++] = phone[0] ? DB_TEXT(phone) : DB_NULLARG;
	}
	a[na++] = DB_INT(OUTLET_PAGE_SIZE);
	a[na++] = DB_INT((long long)(q->page - 1) * OUTLET_PAGE_SIZE);
	st = db_query(list, a, na, hdf, prefix, n);
	if (st == DB_OK)
		decorate_rows(hdf, prefix, 0);
	return st;
}

enum db_status
outlet_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };
	enum db_status	 st;

	st = db_query_row(&get_by_id, a, 1, hdf, prefix, found);
	if (st == DB_OK && *found)
		decorate_rows(hdf, prefix, 1);
	return st;
}

enum db_status
outlet_check(HDF *hdf, const char *q, const char *prefix,
    enum outlet_check_kind *kind, long *n)
{
	struct db_arg	 a[1];
	char		 buf[512];
	enum db_status	 st;

	*kind = CHECK_NONE;
	*n = 0;
	a[0] = DB_TEXT(q);
	if ((st = db_query(&check_regno, a, 1, hdf, prefix, n)) != DB_OK)
		return st;
	if (*n > 0) {
		*kind = CHECK_REGNO;
		goto out;
	}
	search_phone_digits(buf, sizeof(buf), q);
	if (buf[0] != '\0') {
		a[0] = DB_TEXT(buf);
		if ((st = db_query(&check_phone, a, 1, hdf, prefix, n)) != DB_OK)
			return st;
		if (*n > 0) {
			*kind = CHECK_PHONE;
			goto out;
		}
	}
	if (search_query(buf, sizeof(buf), q) < 1)
		return DB_OK;
	a[0] = DB_TEXT(buf);
	if ((st = db_query(&check_name, a, 1, hdf, prefix, n)) != DB_OK)
		return st;
	if (*n > 0)
		*kind = CHECK_NAME;
out:
	decorate_rows(hdf, prefix, 0);
	return DB_OK;
}
