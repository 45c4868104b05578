/* The outlet directory as CSV under the import's header, so that an
 * export can be edited and imported again. */
#include <stdio.h>
#include <string.h>

#include "base/csv.h"
#include "import/outlet_import.h"
#include "import/outlet_rows.h"

#define EXPORT_PAGE	5000

static struct db_stmt export_count = DB_READ(
    "SELECT COUNT(*) FROM outlet WHERE region_code LIKE CONCAT(?, '%') "
    "AND (? = '' OR status = ?)");

static struct db_stmt export_page = DB_READ(
    "SELECT o.id, o.reg_no, o.name, e.name AS enterprise, o.mode, "
    "o.region_code, o.address, o.phone, ocs.names AS categories, "
    "o.services, DATE_FORMAT(o.registered_on, '%Y-%m-%d') AS registered_on "
    "FROM outlet o JOIN enterprise e ON e.id = o.enterprise_id "
    "LEFT JOIN outlet_category_summary ocs ON ocs.outlet_id = o.id "
    "WHERE o.region_code LIKE CONCAT(?, '%') AND (? = '' OR o.status = ?) "
    "AND o.id > ? ORDER BY o.id LIMIT 5000");

enum domain_status
outlet_export_count(const char *region, const char *status, long long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region), DB_TEXT(status),
	    DB_TEXT(status) };

	return domain_of_db(db_query_int(&export_count, a, 3, n));
}

/* Chinese names for a stored comma-separated list, joined by 、. */
static void
names_of(char *out, size_t len, const char *list,
    const char *const (*table)[2], size_t n)
{
	const char	*p;
	size_t		 k, i, o = 0;

	out[0] = '\0';
	for (p = list; *p != '\0'; p += k + (p[k] == ',')) {
		k = strcspn(p, ",");
		for (i = 0; i < n; i++)
			if (strlen(table[i][1]) == k &&
			    strncmp(table[i][1], p, k) == 0)
				break;
		o += (size_t)snprintf(out + o, len - o, "%s%.*s", o ? "、" : "",
		    i < n ? (int)strlen(table[i][0]) : (int)k,
		    i < n ? table[i][0] : p);
		if (o >= len)
			return;
	}
}

/* A page of the export as it is written. */
struct export_read {
	struct csv	*csv;
	long long	 after;		/* the id of its last outlet */
	long long	 n;		/* outlets on it */
};

/* An outlet as a line of the export. */
static int
export_row(void *arg, const struct db_row *r)
{
	struct export_read	*p = arg;
	char			 text[128];

	csv_text(p->csv, db_text(r, "reg_no"));
	csv_text(p->csv, db_text(r, "name"));
	csv_text(p->csv, db_text(r, "enterprise"));
	/* The modes' names, not the spelling after them. */
	names_of(text, sizeof(text), db_text(r, "mode"), outlet_modes, 3);
	csv_text(p->csv, text);
	csv_text(p->csv, db_text(r, "region_code"));
	csv_text(p->csv, db_text(r, "address"));
	csv_text(p->csv, db_text(r, "phone"));
	csv_text(p->csv, db_text(r, "categories"));
	names_of(text, sizeof(text), db_text(r, "services"), outlet_services,
	    OUTLET_SERVICES);
	csv_text(p->csv, text);
	csv_text(p->csv, db_text(r, "registered_on"));
	csv_end(p->csv);
	p->after = db_int(r, "id");
	p->n++;
	return 0;
}

enum domain_status
outlet_export_csv(struct buf *out, const char *region, const char *status,
    long long *rows)
{
	struct db_arg		 a[4];
	enum db_status		 st;
	struct csv		 csv;
	struct export_read	 p = { &csv, 0, 0 };

	*rows = 0;
	import_export_start(&csv, out, outlet_columns, OUTLET_COLUMNS);
	do {
		a[0] = DB_TEXT(region);
		a[1] = a[2] = DB_TEXT(status);
		a[3] = DB_INT(p.after);
		p.n = 0;
		st = db_query_each(&export_page, a, 4, export_row, &p);
		*rows += p.n;
	} while (st == DB_OK && p.n == EXPORT_PAGE);
	if (st == DB_OK && csv_status(&csv) == -1)
		st = DB_ERROR;
	return domain_of_db(st);
}
