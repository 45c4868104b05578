/* The channels of complaints: one table of codes, names and who may
 * enter each. */
#include <string.h>

#include "domain/complaint_channel.h"

static const struct channel_label {
	const char	*code;
	const char	*name;
	const char	*label;		/* short, for lists */
	int		 by_staff;	/* taken in and typed by staff */
} channels[CHANNEL_COUNT] = {
	[CHANNEL_WEB] = { "web", "网上投诉", "网上", 0 },
	[CHANNEL_OPEN311] = { "open311", "开放接口", "接口", 0 },
	[CHANNEL_PHONE] = { "phone", "电话", "电话", 1 },
	[CHANNEL_LETTER] = { "letter", "信件", "信件", 1 },
	[CHANNEL_VISIT] = { "visit", "来访", "来访", 1 },
	[CHANNEL_HOTLINE_12345] = { "hotline_12345", "12345热线转办", "12345",
	    1 },
	[CHANNEL_HOTLINE_12315] = { "hotline_12315", "12315转办", "12315", 1 },
};

const char *
complaint_channel_code(enum complaint_channel ch)
{
	return (unsigned)ch < CHANNEL_COUNT ? channels[ch].code : "";
}

int
complaint_channel_of(const char *code)
{
	int	 i;

	if (code == NULL)
		return -1;
	for (i = 0; i < CHANNEL_COUNT; i++)
		if (strcmp(channels[i].code, code) == 0)
			return i;
	return -1;
}

const char *
complaint_channel_name(const char *code)
{
	int	 i = complaint_channel_of(code);

	return i >= 0 ? channels[i].name : "";
}

const char *
complaint_channel_label(const char *code)
{
	int	 i = complaint_channel_of(code);

	return i >= 0 ? channels[i].label : "";
}

int
complaint_channel_by_staff(const char *code)
{
	int	 i = complaint_channel_of(code);

	return i >= 0 && channels[i].by_staff;
}

const char *
complaint_channel_at(size_t i)
{
	return i < CHANNEL_COUNT ? channels[i].code : NULL;
}

const char *
complaint_staff_channel_at(size_t i)
{
	size_t	 k;

	for (k = 0; k < CHANNEL_COUNT; k++)
		if (channels[k].by_staff && i-- == 0)
			return channels[k].code;
	return NULL;
}
