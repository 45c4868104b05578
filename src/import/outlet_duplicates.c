/* Likely duplicates of an import's rows, as outlet_record_duplicates
 * finds them for one outlet: the same phone, or a name or an address
 * alike (domain/similarity.h), within the county. Each county's outlets
 * are read once, every text is cut into bigrams once, and a row is
 * compared only with the outlets and rows its phone or the postings of
 * its bigrams name (domain/bigram_index.h), not with every one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/search.h"
#include "domain/bigram_index.h"
#include "domain/outlet_record.h"
#include "domain/similarity.h"
#include "import/outlet_rows.h"

#define DUPLICATES_PER_ROW	3
#define PROGRESS_EVERY		5000

/* As outlet_record_duplicates: the first 5000 outlets of the county. */
static struct db_stmt county_outlets = DB_READ(
    "SELECT reg_no, name, address, phone_digits FROM outlet "
    "WHERE region_code LIKE CONCAT(?, '%') ORDER BY id LIMIT 5000");

/* One side of a comparison: a file row or an outlet in the database. */
struct candidate {
	size_t			 line;		/* 0: in the database */
	int			 kept;		/* reg_no and name copied to
						 * the import's arena */
	const char		*reg_no, *name, *address;
	char			 phone[32];
	struct bigram_set	 name_bg, addr_bg;
};

/* The candidate's name and address cut into bigrams in scratch. */
static int
prepare(struct arena *scratch, struct candidate *c)
{
	struct bigram	*room[2];

	room[0] = arena_alloc(scratch, (bigram_count(c->name) + 1) *
	    sizeof(struct bigram));
	room[1] = arena_alloc(scratch, (bigram_count(c->address) + 1) *
	    sizeof(struct bigram));
	if (room[0] == NULL || room[1] == NULL)
		return -1;
	bigram_set_make(&c->name_bg, c->name, room[0]);
	bigram_set_make(&c->addr_bg, c->address, room[1]);
	return 0;
}

/* Why two outlets look like one shop, in outlet_record_duplicates'
 * order. */
static enum outlet_alike
why_alike(const struct candidate *a, const struct candidate *b)
{
	if (a->phone[0] != '\0' && strcmp(a->phone, b->phone) == 0)
		return OUTLET_SAME_PHONE;
	if (bigram_alike(&a->name_bg, &b->name_bg, OUTLET_SIMILAR))
		return OUTLET_NAME_ALIKE;
	if (bigram_alike(&a->addr_bg, &b->addr_bg, OUTLET_SIMILAR))
		return OUTLET_ADDRESS_ALIKE;
	return OUTLET_NOT_ALIKE;
}

static int
add_duplicate(struct outlet_import *imp, const struct candidate *row,
    const struct candidate *other, enum outlet_alike why)
{
	struct import_duplicate	*d;

	if ((d = import_grow(imp->duplicates, &imp->state->duplicates_cap,
	    imp->nduplicates, sizeof(*d))) == NULL)
		return -1;
	imp->duplicates = d;
	d += imp->nduplicates++;
	d->line = row->line;
	d->reg_no = row->reg_no;
	d->name = row->name;
	d->other_line = other->line;
	d->other_reg_no = other->reg_no;
	d->other_name = other->name;
	d->why = outlet_alike_name(why);
	return 0;
}

/* Where the county's outlets are read to: candidates in scratch. */
struct county_sink {
	struct arena		*scratch;
	struct arena_list	*list;
};

static int
add_registered(void *arg, const struct db_row *r)
{
	struct county_sink	*s = arg;
	struct candidate	*c;

	if ((c = arena_push(s->scratch, s->list, sizeof(*c))) == NULL)
		return -1;
	c->reg_no = arena_strdup(s->scratch, db_text(r, "reg_no"));
	c->name = arena_strdup(s->scratch, db_text(r, "name"));
	c->address = arena_strdup(s->scratch, db_text(r, "address"));
	snprintf(c->phone, sizeof(c->phone), "%s", db_text(r, "phone_digits"));
	return prepare(s->scratch, c);
}

static int
by_county(const void *a, const void *b)
{
	const struct outlet_row *x = *(struct outlet_row *const *)a;
	const struct outlet_row *y = *(struct outlet_row *const *)b;
	int	 c = strncmp(x->v[C_REGION], y->v[C_REGION], 6);

	if (c != 0)
		return c;
	return x->base.line < y->base.line ? -1 :
	    x->base.line > y->base.line;
}

/* The county's phones, names and addresses, indexed. */
struct county_index {
	struct bigram_index	*phone, *name, *address;
};

static int
index_add(struct county_index *x, const struct candidate *c, uint32_t id)
{
	if (c->phone[0] != '\0' &&
	    bigram_index_add_text(x->phone, c->phone, id) == -1)
		return -1;
	return bigram_index_add(x->name, &c->name_bg, id) == -1 ||
	    bigram_index_add(x->address, &c->addr_bg, id) == -1 ? -1 : 0;
}

/* Those indexed that may be alike to c, in the order indexed. */
static int
index_find(struct county_index *x, const struct candidate *c,
    struct bigram_ids *out)
{
	out->n = 0;
	if (c->phone[0] != '\0' && bigram_index_same(x->phone, c->phone,
	    out) == -1)
		return -1;
	return bigram_index_alike(x->name, &c->name_bg, OUTLET_SIMILAR,
	    out) == -1 || bigram_index_alike(x->address, &c->addr_bg,
	    OUTLET_SIMILAR, out) == -1 ? -1 : 0;
}

/* Compares the good rows of one county with its outlets in the database
 * and with each other, through the county's index. */
static enum db_status
county_duplicates(struct outlet_import *imp, struct outlet_row **rows,
    size_t n)
{
	struct arena		*kept = &imp->state->run.arena, scratch = { 0 };
	struct arena_list	 all = { 0 };
	struct county_sink	 sink = { &scratch, &all };
	struct county_index	 x;
	struct bigram_ids	 found_ids = { 0 };
	struct candidate	*c, *me;
	enum db_status		 st;
	enum outlet_alike	 why;
	struct db_arg		 a;
	char			 county[7];
	size_t			 i, j, k, ndb, found;

	x.phone = bigram_index_new();
	x.name = bigram_index_new();
	x.address = bigram_index_new();
	st = DB_ERROR;
	if (x.phone == NULL || x.name == NULL || x.address == NULL)
		goto out;
	snprintf(county, sizeof(county), "%.6s", rows[0]->v[C_REGION]);
	a = DB_TEXT(county);
	if ((st = db_query_each(&county_outlets, &a, 1, add_registered,
	    &sink)) != DB_OK)
		goto out;
	st = DB_ERROR;
	ndb = all.n;
	for (i = 0; i < n; i++) {
		if ((me = arena_push(&scratch, &all, sizeof(*me))) == NULL)
			goto out;
		me->line = rows[i]->base.line;
		me->reg_no = rows[i]->v[C_REGNO];
		me->name = rows[i]->v[C_NAME];
		me->address = rows[i]->v[C_ADDRESS];
		search_phone_digits(me->phone, sizeof(me->phone),
		    rows[i]->v[C_PHONE]);
		if (prepare(&scratch, me) == -1)
			goto out;
	}
	if (scratch.failed)
		goto out;
	c = all.item;
	for (j = 0; j < ndb; j++)
		if (index_add(&x, &c[j], (uint32_t)j) == -1)
			goto out;
	for (i = 0; i < n; i++) {
		me = &c[ndb + i];
		/* The outlets registered, then the rows above this one. */
		if (index_find(&x, me, &found_ids) == -1)
			goto out;
		found = 0;
		for (k = 0; k < found_ids.n && found < DUPLICATES_PER_ROW;
		    k++) {
			j = found_ids.id[k];
			if ((why = why_alike(me, &c[j])) == OUTLET_NOT_ALIKE)
				continue;
			/* What the report names outlives the county's rows. */
			if (c[j].line == 0 && !c[j].kept) {
				c[j].kept = 1;
				c[j].reg_no = arena_strdup(kept, c[j].reg_no);
				c[j].name = arena_strdup(kept, c[j].name);
			}
			if (add_duplicate(imp, me, &c[j], why) == -1)
				goto out;
			found++;
		}
		if (found > 0)
			imp->duplicate_rows++;
		if (index_add(&x, me, (uint32_t)(ndb + i)) == -1)
			goto out;
	}
	st = kept->failed ? DB_ERROR : DB_OK;
out:
	bigram_ids_free(&found_ids);
	bigram_index_free(x.phone);
	bigram_index_free(x.name);
	bigram_index_free(x.address);
	arena_free(&scratch);
	return st;
}

static int
by_line(const void *a, const void *b)
{
	const struct import_duplicate *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->other_line < y->other_line ? -1 : x->other_line >
	    y->other_line;
}

enum db_status
outlet_find_duplicates(struct outlet_import *imp)
{
	struct import_run	 *run = &imp->state->run;
	struct outlet_row	**good, *row;
	enum db_status		  st = DB_OK;
	size_t			  i, n = 0, start;

	if ((good = calloc(run->nrows + 1, sizeof(*good))) == NULL)
		return DB_ERROR;
	for (i = 0; i < run->nrows; i++) {
		row = outlet_row_at(imp->state, i);
		if (!row->base.bad)
			good[n++] = row;
	}
	qsort(good, n, sizeof(*good), by_county);
	for (start = 0, i = 1; i <= n && st == DB_OK; i++) {
		if (i < n && strncmp(good[i]->v[C_REGION],
		    good[start]->v[C_REGION], 6) == 0)
			continue;
		st = county_duplicates(imp, good + start, i - start);
		if (i / PROGRESS_EVERY != start / PROGRESS_EVERY || i == n)
			import_run_progress(run, "查重", i, n);
		start = i;
	}
	free(good);
	if (imp->nduplicates > 1)
		qsort(imp->duplicates, imp->nduplicates,
		    sizeof(*imp->duplicates), by_line);
	return st;
}
