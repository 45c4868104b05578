/* Renders one golden case: a data file naming its template, through the
 * same view code the programs use, to stdout.
 *
 *   golden TEMPLATES_DIR EXTRA_DIR CASE.hdf
 */
#include <stdio.h>

#include "web/view.h"

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
