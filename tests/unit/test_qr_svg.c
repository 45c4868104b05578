/* QR codes as SVG: the drawing holds exactly libqrencode's dark modules
 * inside a quiet zone, is labelled, escapes its label, and refuses what
 * no QR code holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "check.h"
#include "base/qr_svg.h"

/* Fills grid (side x side) from the path's "Mx yhNv1h-Nz" runs; -1 when
 * the path holds anything else or a run leaves the grid. */
static int
path_grid(const char *svg, int side, unsigned char *grid)
{
	const char	*p, *end;
	int		 x, y, n, n2, used, i;

	if ((p = strstr(svg, " d=\"")) == NULL ||
	    (end = strchr(p + 4, '"')) == NULL)
		return -1;
	for (p += 4; p < end; p += used) {
		used = 0;
		if (sscanf(p, "M%d %dh%dv1h-%dz%n", &x, &y, &n, &n2, &used) !=
		    4 || used == 0 || n != n2 || n < 1 || x < 0 || y < 0 ||
		    x + n > side || y >= side)
			return -1;
		for (i = 0; i < n; i++)
			grid[y * side + x + i] = 1;
	}
	return 0;
}

static int
count(const char *s, const char *what)
{
	int	 n = 0;

	for (; (s = strstr(s, what)) != NULL; s++)
		n++;
	return n;
}

static const char *const texts[] = {
	"otpauth://totp/%E5%AE%B6%E7%94%B5%E4%B8%8B%E4%B9%A1%E5%85%AC%E5%85"
	"%B1%E6%9C%8D%E5%8A%A1%E7%BD%91:admin?secret=GEZDGNBVGY3TQOJQGEZDGNBV"
	"GY3TQOJQ&issuer=%E5%AE%B6%E7%94%B5%E4%B8%8B%E4%B9%A1%E5%85%AC%E5%85"
	"%B1%E6%9C%8D%E5%8A%A1%E7%BD%91&algorithm=SHA1&digits=6&period=30",
	"A",
	"家电下乡",
	"https://example.org/?q=<script>&x=\"1\"",
};

void
test_qr_svg(void)
{
	struct buf	 b;
	QRcode		*qr;
	unsigned char	*grid;
	char		 want[64], *big;
	size_t		 i, len;
	int		 side, x, y, same, quiet;

	for (i = 0; i < NELEM(texts); i++) {
		buf_init(&b);
		CHECK(qr_svg(&b, texts[i], "二维码") == 0, "qr %zu drawn", i);
		qr = QRcode_encodeString(texts[i], 0, QR_ECLEVEL_M, QR_MODE_8,
		    1);
		if (qr == NULL || b.len == 0) {
			CHECK(0, "qr %zu encoded", i);
			buf_free(&b);
			QRcode_free(qr);
			continue;
		}
		side = qr->width + 2 * QR_SVG_QUIET;
		snprintf(want, sizeof(want), "viewBox=\"0 0 %d %d\"", side,
		    side);
		CHECK(strncmp(b.data, "<svg xmlns=\"http://www.w3.org/2000/"
		    "svg\"", 39) == 0, "qr %zu starts an svg", i);
		CHECK(strstr(b.data, want) != NULL, "qr %zu %s", i, want);
		CHECK(strlen(b.data) == b.len, "qr %zu is text", i);
		CHECK(strcmp(b.data + b.len - 6, "</svg>") == 0,
		    "qr %zu ends the svg", i);
		CHECK(strstr(b.data, "role=\"img\" aria-label=\"二维码\"") !=
		    NULL && strstr(b.data, "<title>二维码</title>") != NULL,
		    "qr %zu labelled", i);
		CHECK(count(b.data, "<path") == 1, "qr %zu has one path", i);
		CHECK(count(b.data, "<") == 6, "qr %zu: svg, title, /title, "
		    "rect, path and /svg only", i);
		grid = calloc((size_t)side * side, 1);
		if (grid == NULL || path_grid(b.data, side, grid) == -1) {
			CHECK(0, "qr %zu path read", i);
		} else {
			same = 1;
			quiet = 1;
			for (y = 0; y < side; y++)
				for (x = 0; x < side; x++) {
					int in = x >= QR_SVG_QUIET &&
					    y >= QR_SVG_QUIET &&
					    x < side - QR_SVG_QUIET &&
					    y < side - QR_SVG_QUIET;
					int dark = in && (qr->data[(y -
					    QR_SVG_QUIET) * qr->width + x -
					    QR_SVG_QUIET] & 1);

					if (!in && grid[y * side + x])
						quiet = 0;
					if (in && grid[y * side + x] != dark)
						same = 0;
				}
			CHECK(same, "qr %zu: the path holds the dark "
			    "modules", i);
			CHECK(quiet, "qr %zu: the quiet zone is empty", i);
		}
		free(grid);
		QRcode_free(qr);
		buf_free(&b);
	}

	/* The label is escaped in the attribute and the title. */
	buf_init(&b);
	CHECK(qr_svg(&b, "x", "a<b>&\"c'") == 0 &&
	    strstr(b.data, "aria-label=\"a&lt;b&gt;&amp;&quot;c'\"") != NULL &&
	    strstr(b.data, "<title>a&lt;b&gt;&amp;&quot;c'</title>") != NULL,
	    "label escaped");
	CHECK(count(b.data, "<") == 6, "no markup from the label");
	buf_free(&b);

	/* It appends; refusals leave the buffer as it was. */
	buf_init(&b);
	buf_adds(&b, "<p>");
	CHECK(qr_svg(&b, "x", "l") == 0 && strncmp(b.data, "<p><svg ", 8) ==
	    0, "appended");
	len = b.len;
	CHECK(qr_svg(&b, "", "l") == -1 && b.len == len, "empty text refused");
	CHECK(qr_svg(&b, NULL, "l") == -1 && b.len == len, "NULL refused");
	if ((big = malloc(8000)) != NULL) {
		memset(big, 'x', 7999);
		big[7999] = '\0';
		CHECK(qr_svg(&b, big, "l") == -1 && b.len == len,
		    "text too long for a QR code refused");
		free(big);
	}
	buf_free(&b);
}
