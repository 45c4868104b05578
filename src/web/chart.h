/* Horizontal bar charts laid out for the templates: a label ending at
 * x 155, the bar from x 160, the number after it, one row every 22 SVG
 * units (templates/public/stats.cs draws them). */
#ifndef JDXX_CHART_H
#define JDXX_CHART_H

#include <stddef.h>

#include <ClearSilver/ClearSilver.h>

#define CHART_BAR_MAX		300	/* the longest bar, in SVG units */
#define CHART_LABEL_CHARS	11	/* longer labels are cut */
#define CHART_LABEL_SIZE	(CHART_LABEL_CHARS * 4 + 4)

/* One bar: what it stands for and its number. */
struct chart_value {
	const char	*label;
	long long	 n;
};

/* The chart of values under name: name.rows.N.{label, n, w, y, ty, tx}
 * (w the bar's width, y its top, ty the texts' baseline, tx where the
 * number starts), name.height and name.max (the largest n). Rows are
 * numbered from 0 in the order given, so that a caller may add its own
 * columns to them. */
void	chart_bars(HDF *, const char *name, const struct chart_value *,
	    size_t n);
/* A bar's width for n when the longest bar stands for max: 0 for
 * nothing, at least 1 for anything. */
int	chart_bar_width(long long n, long long max);
/* text cut to CHART_LABEL_CHARS characters, the last one an ellipsis,
 * in out when it is longer; text itself otherwise. */
const char *chart_label(const char *text, char out[CHART_LABEL_SIZE]);

#endif
