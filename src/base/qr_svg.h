/* QR codes drawn as inline SVG (libqrencode), for pages without images
 * or scripts. */
#ifndef JDXX_QR_SVG_H
#define JDXX_QR_SVG_H

#include "base/buf.h"

/* Light modules around the symbol, as the QR standard asks. */
#define QR_SVG_QUIET	4
/* Screen pixels per module. */
#define QR_SVG_SCALE	4

/* Appends to out an <svg> of text as a QR code (error correction M, 8-bit
 * mode): a white square with the quiet zone, one <path> of the dark
 * modules, role="img" with label (escaped) as its aria-label and
 * <title>. 0, or -1 when text is empty or too long for a QR code, or
 * memory runs out (out then keeps what it had). */
int	qr_svg(struct buf *out, const char *text, const char *label);

#endif
