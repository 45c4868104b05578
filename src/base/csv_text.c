/* CSV file text: UTF-8 as it is, GB18030 converted. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/csv_text.h"
#include "base/utf8.h"

/* Drops a leading byte order mark from text[0..*len). */
static const char *
skip_bom(const char *text, size_t *len)
{
	if (*len >= 3 && memcmp(text, CSV_BOM, 3) == 0) {
		*len -= 3;
		return text + 3;
	}
	return text;
}

enum csv_text_status
csv_text_decode(struct csv_text *t, const char *data, size_t len)
{
	iconv_t	 cd;
	char	*in, *out;
	size_t	 inleft, outleft, cap;

	memset(t, 0, sizeof(*t));
	t->text = "";
	if (len >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 ||
	    memcmp(data, "\xd0\xcf\x11\xe0", 4) == 0))
		return CSV_TEXT_WORKBOOK;
	data = skip_bom(data, &len);
	if (utf8_valid(data, len)) {
		t->text = data;
		t->len = len;
		t->encoding = "UTF-8";
		return CSV_TEXT_OK;
	}
	/* A GB18030 character of 1, 2 or 4 bytes is at most 4 UTF-8 bytes
	 * (2 for 1, 3 for 2): twice the input always fits. */
	cap = len * 2 + 16;
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return CSV_TEXT_NO_ICONV;
	if ((t->owned = malloc(cap)) == NULL) {
		iconv_close(cd);
		return CSV_TEXT_NOMEM;
	}
	out = t->owned;
	outleft = cap;
	in = (char *)data;
	inleft = len;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &out, &outleft) == (size_t)-1) {
		iconv_close(cd);
		csv_text_free(t);
		return CSV_TEXT_NOT_TEXT;
	}
	iconv_close(cd);
	t->len = cap - outleft;
	t->text = skip_bom(t->owned, &t->len);
	if (!utf8_valid(t->text, t->len)) {
		csv_text_free(t);
		return CSV_TEXT_BAD_CHAR;
	}
	t->encoding = "GBK/GB18030";
	return CSV_TEXT_OK;
}

void
csv_text_free(struct csv_text *t)
{
	free(t->owned);
	t->owned = NULL;
	t->text = "";
	t->len = 0;
}

const char *
csv_text_message(enum csv_text_status st)
{
	switch (st) {
	case CSV_TEXT_OK:
		return "";
	case CSV_TEXT_WORKBOOK:
		return "这是 Excel 工作簿，不是 CSV 文件：请在 Excel 中"
		    "“另存为”“CSV（逗号分隔）”后再上传";
	case CSV_TEXT_NO_ICONV:
		return "无法转换 GBK 编码";
	case CSV_TEXT_NOT_TEXT:
		return "文件既不是 UTF-8 也不是 GBK 编码的文本："
		    "请在 Excel 中“另存为”“CSV（逗号分隔）”或“CSV UTF-8”";
	case CSV_TEXT_BAD_CHAR:
		return "文件中有无法识别的字符（如空字符），"
		    "请确认上传的是 CSV 文本文件";
	case CSV_TEXT_NOMEM:
		return "服务器内存不足";
	}
	return "无法读取文件";
}
