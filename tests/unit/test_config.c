/* The configuration reader: what it requires, what it refuses, and that
 * a refused file leaves nothing allocated (the sanitizer run checks). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "web/config.h"

#define GOOD_DB	"DB.Socket = /run/x.sock\nDB.User = jdxx_app\n"
#define SECRET_VALUE	"0123456789abcdef0123456789abcdef"
#define SECRET	"Site.Secret = " SECRET_VALUE "\n"

static const struct {
	const char	*text;
	int		 want;		/* 0 or -1 */
} cases[] = {
	{ GOOD_DB SECRET, 0 },
	{ GOOD_DB SECRET "Workers = 256\nDB.Timeout = 300\n", 0 },
	{ GOOD_DB SECRET "Complaints.AcceptDays = 60\n"
	    "Complaints.ResolveDays = 120\n", 0 },
	{ "", -1 },
	{ SECRET, -1 },
	{ "DB.Socket = /run/x.sock\n" SECRET, -1 },
	{ GOOD_DB, -1 },
	{ GOOD_DB "Site.Secret = short\n", -1 },
	{ GOOD_DB SECRET "Workers = 0\n", -1 },
	{ GOOD_DB SECRET "Workers = 257\n", -1 },
	{ GOOD_DB SECRET "Complaints.AcceptDays = 0\n", -1 },
	{ GOOD_DB SECRET "Complaints.ResolveDays = 121\n", -1 },
	/* A negative timeout once became four billion seconds. */
	{ GOOD_DB SECRET "DB.Timeout = -1\n", -1 },
	{ GOOD_DB SECRET "DB.Timeout = 0\n", -1 },
	{ GOOD_DB SECRET "DB.Timeout = 301\n", -1 },
	/* Broken HDF: the reader's error path must free what it read. */
	{ GOOD_DB SECRET "garbage line\n", -1 },
	{ GOOD_DB SECRET "Site..Name = x\n", -1 },
	{ GOOD_DB SECRET "Site.Name !! x\n", -1 },
	{ GOOD_DB SECRET "#include \"/nonexistent/jdxx.hdf\"\n", -1 },
	{ "# a comment\n\n" GOOD_DB "Site {\n  Secret = " SECRET_VALUE "\n}\n",
	    0 },
	/* A link into itself sent ClearSilver round until the stack ran
	 * out (found by fuzzing); links, copies, splices, attributes and
	 * multi-line values are refused. */
	{ "DB : DB.Socket\n" GOOD_DB SECRET, -1 },
	{ GOOD_DB SECRET "Site.Name : DB.User\n", -1 },
	{ GOOD_DB SECRET "Site.Name := DB.User\n", -1 },
	{ GOOD_DB SECRET "@DB\n", -1 },
	{ GOOD_DB SECRET "DB.Name [Lang=zh] = x\n", -1 },
	{ GOOD_DB SECRET "Site.Name << EOM\nx\nEOM\n", -1 },
	{ GOOD_DB SECRET "  = x\n", -1 },
	/* A name that runs to the end of the file (the fuzzer's find). */
	{ GOOD_DB SECRET "Workers", -1 },
	/* Staff: second-factor roles and hash places. */
	{ GOOD_DB SECRET "Staff.SecondFactor = admin, handler,records\n", 0 },
	{ GOOD_DB SECRET "Staff.SecondFactor = \n", 0 },
	{ GOOD_DB SECRET "Staff.SecondFactor = admin,boss\n", -1 },
	{ GOOD_DB SECRET "Staff.SecondFactor = administratorrrrrrr\n", -1 },
	{ GOOD_DB SECRET "Staff.HashSlots = 64\nStaff.HashLockDir = /run/x\n",
	    0 },
	/* The printed links' start: a scheme and a host, nothing else. */
	{ GOOD_DB SECRET "Site.URL = https://jdxx.example.cn\n", 0 },
	{ GOOD_DB SECRET "Site.URL = http://127.0.0.1:8080\n", 0 },
	{ GOOD_DB SECRET "Site.URL = http://[::1]:8080\n", 0 },
	{ GOOD_DB SECRET "Site.URL = ftp://jdxx.example.cn\n", -1 },
	{ GOOD_DB SECRET "Site.URL = https://\n", -1 },
	{ GOOD_DB SECRET "Site.URL = https://jdxx.example.cn/path\n", -1 },
	{ GOOD_DB SECRET "Site.URL = https://a.cn\"><script>\n", -1 },
	{ GOOD_DB SECRET "Complaints.Phone = 0710-3512315\n", 0 },
	{ GOOD_DB SECRET "Complaints.Phone = 12\n", -1 },
	{ GOOD_DB SECRET "Complaints.Phone = 12315<b>\n", -1 },
	{ GOOD_DB SECRET "Staff.HashSlots = 0\n", -1 },
	{ GOOD_DB SECRET "Staff.HashSlots = 65\n", -1 },
};

void
test_config(void)
{
	struct config	 c;
	char		 path[64];
	FILE		*f;
	size_t		 i;
	int		 rc;

	snprintf(path, sizeof(path), "/tmp/jdxx-test-config-%d.hdf",
	    (int)getpid());
	for (i = 0; i < NELEM(cases); i++) {
		if ((f = fopen(path, "w")) == NULL) {
			CHECK(0, "config: cannot write %s", path);
			return;
		}
		fputs(cases[i].text, f);
		fclose(f);
		memset(&c, 0, sizeof(c));
		rc = config_load(&c, path);
		CHECK(rc == cases[i].want, "config case %zu: %d, want %d", i,
		    rc, cases[i].want);
		CHECK(rc == 0 || c.hdf == NULL,
		    "config case %zu: refused but still holds the file", i);
		if (rc == 0) {
			CHECK(strcmp(c.db.user, "jdxx_app") == 0 &&
			    c.db.timeout >= 1 && c.workers >= 1,
			    "config case %zu: values", i);
			config_free(&c);
		}
	}
	memset(&c, 0, sizeof(c));
	CHECK(config_load(&c, "/nonexistent/jdxx.hdf") == -1 && c.hdf == NULL,
	    "config: a missing file is refused");
	unlink(path);
}
