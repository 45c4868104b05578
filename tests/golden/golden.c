/* Renders one golden case: a data file naming its template, through the
 * same view code the programs use, to stdout.
 *
 *   golden TEMPLATES_DIR EXTRA_DIR CASE.hdf
 */
#include <stdio.h>

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

int
main(int argc, char **argv)
{
	HDF		*hdf;
	struct buf	 out;
	NEOERR		*err;
	int		 rc;

	if (argc != 4) {
		fprintf(stderr, "usage: golden TEMPLATES EXTRA CASE.hdf\n");
		return 2;
	}
	view_set_root(argv[1]);
	if ((hdf = view_new()) == NULL)
		return 1;
	hset(hdf, "hdf.loadpaths.1", argv[2]);
	if ((err = hdf_read_file(hdf, argv[3])) != STATUS_OK) {
		nerr_log_error(err);
		nerr_ignore(&err);
		return 1;
	}
	complaint_labels(hdf);
	complaint_view_limits(hdf);
	/* A case cannot switch escaping off: the view layer forces it. */
	buf_init(&out);
	rc = view_render(hdf, hdf_get_value(hdf, "Golden.Template", ""),
	    hdf_get_int_value(hdf, "Golden.Layout", 0), &out);
	if (rc == 0)
		fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	hdf_destroy(&hdf);
	return rc == 0 ? 0 : 1;
}
