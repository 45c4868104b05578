/* Worker CPU of rendering one page, without the network or the database:
 * the page's data as a handler leaves it (a captured HDF, its outlets
 * put as the directory puts them, outlet_view_cards), rendered N times
 * through the view layer, once parsing every time as a worker without
 * kept templates would, once with the parse kept; and the outlets put
 * again, N times, into a tree of a request's arena, as a worker does.
 *
 *   bench-render TEMPLATES PAGE.hdf TEMPLATE [N]
 *
 * Prints the bytes of the page and microseconds per render of each kind,
 * one "name value" line each, for make bench's table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/outlet.h"
#include "web/outlet_view.h"
#include "web/view.h"

static double
now_us(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* The captured page's data with the view layer's settings over it. */
static HDF *
load(const char *file)
{
	HDF	*hdf;
	NEOERR	*err;

	if ((hdf = view_new()) == NULL)
		return NULL;
	if ((err = hdf_read_file(hdf, file)) != STATUS_OK) {
		nerr_log_error(err);
		nerr_ignore(&err);
		hdf_destroy(&hdf);
		return NULL;
	}
	return hdf;
}

/* Field f of h copied into a, or NULL when h has none. */
static const char *
text(struct arena *a, HDF *h, const char *f)
{
	const char	*v = hdf_get_value(h, f, NULL);

	return v != NULL ? arena_strdup(a, v) : NULL;
}

/* The outlets of the capture (the outlet records, as the API's rows
 * hold them), copied into a, to fill again. */
static size_t
outlets_of(HDF *hdf, struct arena *a, struct outlet *o, size_t max)
{
	HDF	*h;
	size_t	 n = 0;

	for (h = hdf_get_child(hdf, "Outlets"); h != NULL && n < max;
	    h = hdf_obj_next(h), n++) {
		memset(&o[n], 0, sizeof(o[n]));
		o[n].id = hdf_get_int_value(h, "id", 0);
		o[n].reg_no = text(a, h, "reg_no");
		o[n].name = text(a, h, "name");
		o[n].mode = text(a, h, "mode");
		o[n].address = text(a, h, "address");
		o[n].phone = text(a, h, "phone");
		o[n].services = text(a, h, "services");
		o[n].status = text(a, h, "status");
		o[n].status_since = text(a, h, "status_since");
		o[n].status_reason = text(a, h, "status_reason");
		o[n].registered_on = text(a, h, "registered_on");
		o[n].is_demo = hdf_get_int_value(h, "is_demo", 0);
		o[n].region_code = text(a, h, "region_code");
		o[n].township = text(a, h, "township");
		o[n].county_code = text(a, h, "county_code");
		o[n].county = text(a, h, "county");
		o[n].enterprise_id = hdf_get_int_value(h, "enterprise_id", 0);
		o[n].enterprise = text(a, h, "enterprise");
		o[n].categories = text(a, h, "categories");
		o[n].category_codes = text(a, h, "category_codes");
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct outlet		 o[64];
	struct arena		 records = { 0 }, nodes = { 0 };
	struct arena_list	 list;
	struct buf		 out;
	HDF			*hdf, *fill;
	double			 t0, fresh, kept, filled;
	size_t			 bytes, n;
	long			 i, times;

	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: bench-render TEMPLATES PAGE.hdf "
		    "TEMPLATE [N]\n");
		return 2;
	}
	times = argc == 5 ? atol(argv[4]) : 2000;
	if (times < 1)
		return 2;
	view_set_root(argv[1]);
	if ((hdf = load(argv[2])) == NULL)
		return 1;
	/* The page's outlets as the directory puts them. */
	n = outlets_of(hdf, &records, o, sizeof(o) / sizeof(o[0]));
	list.item = o;
	list.n = n;
	hdf_remove_tree(hdf, "Outlets");
	outlet_view_cards(hdf, "Outlets", &list, n);
	buf_init(&out);

	/* Parsing each time: the cost before templates were kept. */
	t0 = now_us();
	for (i = 0; i < times / 4 + 1; i++) {
		view_forget_parsed();
		buf_reset(&out);
		if (view_render(hdf, argv[3], 1, &out) == -1)
			return 1;
	}
	fresh = (now_us() - t0) / (double)(times / 4 + 1);
	bytes = out.len;

	/* The kept parse, as a worker renders after its first request. */
	t0 = now_us();
	for (i = 0; i < times; i++) {
		buf_reset(&out);
		if (view_render(hdf, argv[3], 1, &out) == -1)
			return 1;
	}
	kept = (now_us() - t0) / (double)times;
	if (out.len != bytes) {
		fprintf(stderr, "bench-render: kept parse gave %zu bytes, "
		    "fresh %zu\n", out.len, bytes);
		return 1;
	}

	/* The handler's share: the outlets put into a fresh data tree,
	 * its nodes from an arena emptied after each, as a worker's. */
	t0 = now_us();
	for (i = 0; i < times; i++) {
		if ((fill = view_new_in(&nodes)) == NULL)
			return 1;
		outlet_view_cards(fill, "Outlets", &list, n);
		view_destroy(&fill);
		arena_reset(&nodes);
	}
	filled = (now_us() - t0) / (double)times;

	printf("page_bytes %zu\n", bytes);
	printf("render_parse_each_us %.1f\n", fresh);
	printf("render_kept_us %.1f\n", kept);
	printf("fill_outlets %zu\n", n);
	printf("fill_us %.1f\n", filled);
	printf("render_total_us %.1f\n", kept + filled);
	view_forget_parsed();
	buf_free(&out);
	hdf_destroy(&hdf);
	arena_free(&nodes);
	arena_free(&records);
	return 0;
}
