/* Bar chart geometry, in SVG units, from labelled numbers. */
#include <stdio.h>
#include <string.h>

#include "web/chart.h"
#include "web/view.h"

#define ROW_PITCH	22
#define ROW_TOP		4	/* above the first bar, and below the last */
#define BAR_HEIGHT	16
#define BAR_X		160
#define TEXT_RAISE	3	/* the texts' baseline above the bar's bottom */
#define NUMBER_GAP	6	/* between a bar's end and its number */

int
chart_bar_width(long long n, long long max)
{
	long long	 w;

	if (n <= 0 || max <= 0)
		return 0;
	w = n * CHART_BAR_MAX / max;
	return w < 1 ? 1 : w > CHART_BAR_MAX ? CHART_BAR_MAX : (int)w;
}

const char *
chart_label(const char *text, char out[CHART_LABEL_SIZE])
{
	size_t	 i, chars = 0, keep = 0;

	for (i = 0; text[i] != '\0'; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80 &&
		    ++chars == CHART_LABEL_CHARS)
			keep = i;	/* where the last character starts */
	if (chars <= CHART_LABEL_CHARS || keep + 4 > CHART_LABEL_SIZE)
		return text;
	memcpy(out, text, keep);
	memcpy(out + keep, "\xE2\x80\xA6", 4);
	return out;
}

void
chart_bars(HDF *hdf, const char *name, const struct chart_value *v,
    size_t n)
{
	char		 key[192], label[CHART_LABEL_SIZE];
	long long	 max = 0;
	size_t		 i;
	int		 w, y;

	for (i = 0; i < n; i++)
		if (v[i].n > max)
			max = v[i].n;
	for (i = 0; i < n; i++) {
		w = chart_bar_width(v[i].n, max);
		y = ROW_TOP + (int)i * ROW_PITCH;
		snprintf(key, sizeof(key), "%s.rows.%zu.label", name, i);
		hset(hdf, key, chart_label(v[i].label, label));
		snprintf(key, sizeof(key), "%s.rows.%zu.n", name, i);
		hseti(hdf, key, v[i].n);
		snprintf(key, sizeof(key), "%s.rows.%zu.w", name, i);
		hseti(hdf, key, w);
		snprintf(key, sizeof(key), "%s.rows.%zu.y", name, i);
		hseti(hdf, key, y);
		snprintf(key, sizeof(key), "%s.rows.%zu.ty", name, i);
		hseti(hdf, key, y + BAR_HEIGHT - TEXT_RAISE);
		snprintf(key, sizeof(key), "%s.rows.%zu.tx", name, i);
		hseti(hdf, key, BAR_X + w + NUMBER_GAP);
	}
	snprintf(key, sizeof(key), "%s.height", name);
	hseti(hdf, key, 2 * ROW_TOP + (long long)n * ROW_PITCH);
	snprintf(key, sizeof(key), "%s.max", name);
	hseti(hdf, key, max);
}
