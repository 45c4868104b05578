/* The channels a complaint comes by, written once: the public's own (the
 * web form, Open311) and those staff take in (a phone call, a letter, a
 * visit, a hand-over from the 12345 or 12315 hotline), with their codes
 * as stored (complaint.channel, sql/027_complaint_channel.sql) and their
 * Chinese names for pages, statistics and reports. */
#ifndef JDXX_COMPLAINT_CHANNEL_H
#define JDXX_COMPLAINT_CHANNEL_H

#include <stddef.h>

enum complaint_channel {
	CHANNEL_WEB,		/* the public complaint form */
	CHANNEL_OPEN311,	/* filed through Open311 with an API key */
	CHANNEL_PHONE,
	CHANNEL_LETTER,
	CHANNEL_VISIT,
	CHANNEL_HOTLINE_12345,
	CHANNEL_HOTLINE_12315,
	CHANNEL_COUNT
};

#define COMPLAINT_CHANNEL_CODE_MAX	16	/* bytes of the longest code */

/* The code of a channel ("" past the last). */
const char	*complaint_channel_code(enum complaint_channel);
/* The channel of a code, or -1 for none. */
int		 complaint_channel_of(const char *code);
/* The Chinese name of a code (电话, 12345热线转办...), "" for none. */
const char	*complaint_channel_name(const char *code);
/* A short label of a code for lists (电话, 12345...), "" for none. */
const char	*complaint_channel_label(const char *code);
/* 1 when staff may enter a complaint of that channel (the ones that
 * reach them: not the web form's, not Open311's). */
int		 complaint_channel_by_staff(const char *code);
/* The i-th code of every channel in the order of the table, NULL past
 * the last: for lists of labels and counts. */
const char	*complaint_channel_at(size_t i);
/* The i-th code of those staff may enter, NULL past the last: the
 * choices of the staff form. */
const char	*complaint_staff_channel_at(size_t i);

#endif
