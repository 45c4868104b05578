/* The duplicate guard's text similarity and list checks. */
#include "check.h"
#include "domain/outlet_record.h"

static const struct {
	const char	*a, *b;
	double		 min, max;
} cases[] = {
	{ "张湾街道华润家电下乡指定店", "张湾街道华润家电下乡指定店", 1.0, 1.0 },
	{ "张湾街道华润家电下乡指定店", "张湾街道华润家电下乡指定店二店", 0.8, 0.99 },
	{ "襄州区张湾街道航空路128号", "襄州区张湾街道航空路130号", 0.75, 0.95 },
	{ "张湾街道华润家电下乡指定店", "双沟镇鑫隆家电下乡指定店", 0.3, 0.74 },
	{ "枣阳市吴店镇吴店正街75号", "宜城市小河镇小河街12号", 0.0, 0.3 },
	{ "", "", 0.0, 0.0 },
	{ "a", "a", 1.0, 1.0 },
	{ "a", "b", 0.0, 0.0 },
	{ "ab", "ba", 0.0, 0.0 },
	{ "abcd", "abcd ", 0.8, 0.99 },
};

static const char *const services[] = { "delivery", "install", "teach",
	"repair" };

static const struct {
	const char	*list;
	int		 allow_empty, want;
} list_cases[] = {
	{ "delivery", 0, 1 }, { "delivery,install,teach,repair", 0, 1 },
	{ "", 0, 0 }, { "", 1, 1 }, { "delivery,", 0, 1 },
	{ "deliver", 0, 0 }, { "delivery,fly", 0, 0 }, { ",", 0, 0 },
	{ "delivery,,install", 0, 0 }, { "DELIVERY", 0, 0 },
};

void
test_similarity(void)
{
	size_t	 i;
	double	 s;

	for (i = 0; i < NELEM(cases); i++) {
		s = text_similarity(cases[i].a, cases[i].b);
		CHECK(s >= cases[i].min && s <= cases[i].max,
		    "similarity %zu: %.3f", i, s);
		CHECK(s == text_similarity(cases[i].b, cases[i].a),
		    "symmetric %zu", i);
	}
	for (i = 0; i < NELEM(list_cases); i++)
		CHECK(list_valid(list_cases[i].list, services, 4,
		    list_cases[i].allow_empty) == list_cases[i].want,
		    "list [%s]", list_cases[i].list);
}
