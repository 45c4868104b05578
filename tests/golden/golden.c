/* Renders one golden case: a data file naming its template, through the
 * same view code the programs use, to stdout.
 *
 *   golden TEMPLATES_DIR EXTRA_DIR CASE.hdf
 *   golden --kept TEMPLATES_DIR EXTRA_DIR CASE.hdf...
 *
 * With --kept, renders every case from a fresh parse, then all of them
 * twice more, forwards and backwards, through the parse trees the
 * worker keeps, each with its own data, and says whether every output
 * was byte for byte the fresh one: a kept tree carries nothing from one
 * request's data to the next.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/complaint.h"
#include "web/complaint_view.h"
#include "web/view.h"

/* Names a record's status, step and channel, when it has them, as the
 * view layer does (staff 1: the staff's names of the steps). */
static void
name_record(HDF *record, int staff)
{
	const char	*v;

	if (record == NULL)
		return;
	if ((v = hdf_get_value(record, "status", NULL)) != NULL)
		hset(record, "status_name", complaint_status_name(v));
	if ((v = hdf_get_value(record, "kind", NULL)) != NULL)
		hset(record, "kind_name", complaint_step_name(v, staff));
	if ((v = hdf_get_value(record, "channel", NULL)) != NULL) {
		hset(record, "channel_name", complaint_channel_name(v));
		hset(record, "channel_label", complaint_channel_label(v));
	}
}

/* Names complaint statuses and steps from their codes with the
 * domain's labels, as the view layer does for the handlers:
 * Golden.Labels.N.{list, staff} names each row of a list,
 * Golden.Labels.N.row one record, Golden.Statuses lists them all,
 * Golden.Channels the channels staff enter, Golden.Actions the actions
 * from Complaint.status, so that
 * a case holds the wording of the one table, not its own copy. */
static void
complaint_labels(HDF *hdf)
{
	HDF		*l, *row;
	const char	*statuses, *actions, *channels;

	for (l = hdf_get_child(hdf, "Golden.Labels"); l != NULL;
	    l = hdf_obj_next(l)) {
		if (hdf_get_value(l, "row", NULL) != NULL)
			name_record(hdf_get_obj(hdf, hdf_get_value(l, "row",
			    "")), 0);
		row = hdf_get_value(l, "list", NULL) != NULL ? hdf_get_child(
		    hdf, hdf_get_value(l, "list", "")) : NULL;
		for (; row != NULL; row = hdf_obj_next(row))
			name_record(row, hdf_get_int_value(l, "staff", 0));
	}
	if ((statuses = hdf_get_value(hdf, "Golden.Statuses", NULL)) != NULL)
		complaint_view_statuses(hdf, statuses);
	if ((channels = hdf_get_value(hdf, "Golden.Channels", NULL)) != NULL)
		complaint_view_channels(hdf, channels, 1);
	if ((actions = hdf_get_value(hdf, "Golden.Actions", NULL)) != NULL)
		complaint_view_actions(hdf, actions, hdf_get_value(hdf,
		    "Complaint.status", ""));
}

/* A case's data as the view layer would have it; NULL on failure. */
static HDF *
load_case(const char *extra, const char *file)
{
	HDF	*hdf;
	NEOERR	*err;

	if ((hdf = view_new()) == NULL)
		return NULL;
	hset(hdf, "hdf.loadpaths.1", extra);
	if ((err = hdf_read_file(hdf, file)) != STATUS_OK) {
		nerr_log_error(err);
		nerr_ignore(&err);
		hdf_destroy(&hdf);
		return NULL;
	}
	complaint_labels(hdf);
	complaint_view_limits(hdf);
	return hdf;
}

/* Renders one case into out (emptied first); 0 or -1. */
static int
render_case(const char *extra, const char *file, struct buf *out)
{
	HDF	*hdf;
	int	 rc;

	if ((hdf = load_case(extra, file)) == NULL)
		return -1;
	buf_reset(out);
	/* A case cannot switch escaping off: the view layer forces it. */
	rc = view_render(hdf, hdf_get_value(hdf, "Golden.Template", ""),
	    hdf_get_int_value(hdf, "Golden.Layout", 0), out);
	hdf_destroy(&hdf);
	return rc;
}

static int
kept_same_as_fresh(const char *extra, char **files, int n)
{
	struct buf	*fresh, out;
	int		 i, k, pass = 0, fail = 0;

	if ((fresh = calloc((size_t)n, sizeof(*fresh))) == NULL)
		return 1;
	buf_init(&out);
	for (i = 0; i < n; i++) {
		buf_init(&fresh[i]);
		view_forget_parsed();
		if (render_case(extra, files[i], &fresh[i]) == -1) {
			fprintf(stderr, "FAIL golden kept %s: fresh render "
			    "failed\n", files[i]);
			fail++;
		}
	}
	view_forget_parsed();
	for (k = 0; k < 2 * n; k++) {
		i = k < n ? k : 2 * n - 1 - k;
		if (render_case(extra, files[i], &out) == 0 &&
		    out.len == fresh[i].len &&
		    memcmp(out.data, fresh[i].data, out.len) == 0)
			pass++;
		else {
			fprintf(stderr, "FAIL golden kept %s: differs from a "
			    "fresh parse (%s pass)\n", files[i],
			    k < n ? "first" : "second");
			fail++;
		}
	}
	printf("golden kept: %d passed, %d failed\n", pass, fail);
	for (i = 0; i < n; i++)
		buf_free(&fresh[i]);
	free(fresh);
	buf_free(&out);
	view_forget_parsed();
	return fail > 0;
}

int
main(int argc, char **argv)
{
	struct buf	 out;
	int		 rc;

	if (argc >= 5 && strcmp(argv[1], "--kept") == 0) {
		view_set_root(argv[2]);
		return kept_same_as_fresh(argv[3], argv + 4, argc - 4);
	}
	if (argc != 4) {
		fprintf(stderr, "usage: golden [--kept] TEMPLATES EXTRA "
		    "CASE.hdf...\n");
		return 2;
	}
	view_set_root(argv[1]);
	buf_init(&out);
	rc = render_case(argv[2], argv[3], &out);
	if (rc == 0)
		fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	view_forget_parsed();
	return rc == 0 ? 0 : 1;
}
