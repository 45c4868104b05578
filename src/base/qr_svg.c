/* A QR code as one SVG path: each run of dark modules in a row is a
 * rectangle one module high. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "base/log.h"
#include "base/qr_svg.h"

/* The label with & < > " escaped, for text and attribute values. */
static int
add_escaped(struct buf *b, const char *s)
{
	const char	*p;
	int		 rc = 0;

	for (p = s; *p != '\0' && rc == 0; p++) {
		switch (*p) {
		case '&':
			rc = buf_adds(b, "&amp;");
			break;
		case '<':
			rc = buf_adds(b, "&lt;");
			break;
		case '>':
			rc = buf_adds(b, "&gt;");
			break;
		case '"':
			rc = buf_adds(b, "&quot;");
			break;
		default:
			rc = buf_add(b, p, 1);
		}
	}
	return rc;
}

int
qr_svg(struct buf *out, const char *text, const char *label)
{
	QRcode		*qr;
	struct buf	 b;
	int		 side, x, y, run, rc = -1;

	if (text == NULL || text[0] == '\0')
		return -1;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL) {
		if (errno != ERANGE)
			log_error("qr: %s", strerror(errno));
		return -1;
	}
	side = qr->width + 2 * QR_SVG_QUIET;
	buf_init(&b);
	if (buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"",
	    side, side, side * QR_SVG_SCALE, side * QR_SVG_SCALE) == -1 ||
	    add_escaped(&b, label) == -1 || buf_adds(&b, "\"><title>") == -1 ||
	    add_escaped(&b, label) == -1 || buf_printf(&b, "</title><rect "
	    "width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" "
	    "d=\"", side, side) == -1)
		goto out;
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x += run > 0 ? run : 1) {
			/* Bit 0 of each module's byte: dark. */
			for (run = 0; x + run < qr->width &&
			    (qr->data[y * qr->width + x + run] & 1); run++)
				continue;
			if (run > 0 && buf_printf(&b, "M%d %dh%dv1h-%dz",
			    x + QR_SVG_QUIET, y + QR_SVG_QUIET, run, run) == -1)
				goto out;
		}
	if (buf_adds(&b, "\"/></svg>") == -1 || buf_add(out, b.data, b.len) ==
	    -1)
		goto out;
	rc = 0;
out:
	buf_free(&b);
	QRcode_free(qr);
	return rc;
}
