/* jdxx-staff: staff accounts from the shell.
 *
 *   jdxx-staff --config FILE init-admin OUTFILE
 *	creates the account "admin" with a random password when no staff
 *	account exists yet, writes the password to OUTFILE (mode 0600) and
 *	prints it once; does nothing when accounts exist.
 *   jdxx-staff --config FILE add USERNAME ROLE [REGION]
 *	creates an account; the password is read from standard input.
 *   jdxx-staff --config FILE reset-password USERNAME
 *	sets a new password read from standard input and ends the
 *	account's sessions.
 *   jdxx-staff --config FILE totp-reset USERNAME
 *	removes the account's second factor and recovery codes and ends
 *	its sessions, to be set up anew (the way back for an account no
 *	other account is wider than).
 *   jdxx-staff --config FILE set-email USERNAME EMAIL
 *	sets where the account's notices (assignments, overdue complaints)
 *	are emailed; "-" for none.
 *   jdxx-staff --config FILE import-products [--dry-run] FILE.csv
 *	checks a CSV file of product models and, unless --dry-run, imports
 *	every row or none.
 *   jdxx-staff --config FILE import-outlets [--dry-run]
 *	    [--confirm-duplicates] FILE.csv
 *	checks a CSV file of outlets and, unless --dry-run, imports every
 *	row in one transaction; progress goes to standard error, the
 *	report to standard output. Exits 1 when anything keeps the rows
 *	out: a bad row, or likely duplicates without --confirm-duplicates.
 *   jdxx-staff --config FILE escalate
 *	flags for 督办 the complaints newly past their deadline
 *	(complaint_escalate_overdue) and prints how many; for cron and
 *	tests, safe to run beside the sender that does it every minute.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/change_signal.h"
#include "web/config.h"
#include "db/db.h"
#include "base/log.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "domain/notify_outbox.h"
#include "domain/complaint_escalation.h"
#include "import/outlet_import.h"
#include "import/product_import.h"
#include "base/password.h"
#include "domain/region.h"
#include "domain/session.h"
#include "domain/totp.h"
#include "web/view.h"

static int
write_secret(const char *path, const char *secret)
{
	int	 fd;
	ssize_t	 n;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		log_error("%s: %s", path, strerror(errno));
		return -1;
	}
	fchmod(fd, 0600);
	n = write(fd, secret, strlen(secret));
	if (n == (ssize_t)strlen(secret))
		n = write(fd, "\n", 1) == 1 ? 0 : -1;
	else
		n = -1;
	if (close(fd) == -1 || n == -1) {
		log_error("%s: write failed", path);
		return -1;
	}
	return 0;
}

static int
init_admin(const char *outfile)
{
	char		 pw[PASSWORD_RANDOM_LEN + 1];
	char		 hash[crypto_pwhash_STRBYTES];
	long long	 n;
	int		 rc = 1;

	if (account_count(&n) != DOMAIN_OK)
		return 1;
	if (n > 0)
		return 0;
	password_random(pw, sizeof(pw));
	if (password_hash(hash, pw) == -1)
		goto out;
	if (write_secret(outfile, pw) == -1)
		goto out;
	if (account_first_admin(hash) != DOMAIN_OK) {
		unlink(outfile);
		goto out;
	}
	printf("staff account admin created; its password (also in %s): %s\n",
	    outfile, pw);
	rc = 0;
out:
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

/* One line from standard input, without its newline. */
static int
read_password(char *out, size_t len)
{
	size_t	 n;

	out[0] = '\0';
	if (fgets(out, (int)len, stdin) == NULL)
		return -1;
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	return 0;
}

/* Reads a password from standard input, checks it and hashes it:
 * 0, or the exit status to give (2 for a bad password). */
static int
new_password_hash(const char *user, char hash[crypto_pwhash_STRBYTES])
{
	char		 pw[ACCOUNT_MAX_PASSWORD + 2];
	const char	*problem = NULL;
	int		 rc = 0;

	if (read_password(pw, sizeof(pw)) == -1 ||
	    (problem = password_problem(user, pw)) != NULL) {
		fprintf(stderr, "jdxx-staff: %s\n", pw[0] ? problem :
		    "no password on standard input");
		rc = 2;
	} else if (password_hash(hash, pw) == -1)
		rc = 1;
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

static int
add_account(const char *user, const char *role, const char *region)
{
	char		 hash[crypto_pwhash_STRBYTES];
	unsigned long long id;
	struct arena	 arena = { 0 };
	struct arena_list path;
	enum domain_status	 st;
	int			 rc, known;

	if (!username_valid(user) || role_bit(role) == 0) {
		fprintf(stderr, "jdxx-staff: bad username or role "
		    "(admin, editor, handler, records)\n");
		return 2;
	}
	if (region[0] != '\0') {
		known = region_path(&arena, region, &path) == DOMAIN_OK &&
		    (strlen(region) == 4 || strlen(region) == 6);
		arena_free(&arena);
		if (!known) {
			fprintf(stderr, "jdxx-staff: no such city or county: "
			    "%s\n", region);
			return 2;
		}
	}
	if ((rc = new_password_hash(user, hash)) != 0)
		return rc;
	st = account_create(user, "", role, region, hash, &id);
	if (st == DOMAIN_CONFLICT) {
		fprintf(stderr, "jdxx-staff: %s exists\n", user);
		return 1;
	}
	if (st != DOMAIN_OK)
		return 1;
	audit_write(NULL, "jdxx-staff", "shell", "account_create", "staff",
	    (long long)id, NULL, json_pack("{s:s,s:s,s:s}", "username", user,
	    "role", role, "region_code", region));
	printf("account %s created\n", user);
	return 0;
}

/* The id of an account by username, or 0 (said on stderr). */
static long long
account_id(const char *user)
{
	struct account_credentials k;
	long long	 id = 0;
	int		 found = 0;

	if (account_credentials(user, &k, &found) == DOMAIN_OK && found)
		id = k.id;
	sodium_memzero(&k, sizeof(k));
	if (id == 0)
		fprintf(stderr, "jdxx-staff: no account %s\n", user);
	return id;
}

static int
reset_password(const char *user)
{
	char		 hash[crypto_pwhash_STRBYTES];
	long long	 id;
	int		 rc;

	if ((id = account_id(user)) == 0)
		return 1;
	if ((rc = new_password_hash(user, hash)) != 0)
		return rc;
	if (account_set_password(id, hash) != DOMAIN_OK ||
	    session_end_all(id) != DOMAIN_OK)
		return 1;
	audit_write(NULL, "jdxx-staff", "shell", "account_update_password",
	    "staff", id, NULL, NULL);
	printf("password of %s reset\n", user);
	return 0;
}

static int
set_email(const char *user, const char *email)
{
	long long		 id;
	enum domain_status	 ds;

	if ((id = account_id(user)) == 0)
		return 1;
	if (strcmp(email, "-") == 0)
		email = "";
	if ((ds = notify_staff_email(id, email)) == DOMAIN_INVALID) {
		log_error("%s: not an email address", email);
		return 1;
	}
	if (ds != DOMAIN_OK)
		return 1;
	audit_write(NULL, "jdxx-staff", "shell", "account_update_email",
	    "staff", id, NULL, NULL);
	printf("email of %s %s\n", user, email[0] ? "set" : "removed");
	return 0;
}

static int
totp_reset_account(const char *user)
{
	struct audit_by	 by = { NULL, "shell", "jdxx-staff" };
	enum totp_state	 was;
	long long	 id;

	if (totp_init() == -1 || (id = account_id(user)) == 0)
		return 1;
	if (totp_reset_for(id, user, &by, &was) != DOMAIN_OK)
		return 1;
	printf("second factor of %s reset%s\n", user,
	    was == TOTP_NONE ? " (it had none)" : "");
	return 0;
}

static void	usage(void);

static void
import_progress(void *arg, const char *stage, size_t done, size_t total)
{
	(void)arg;
	if (total > 0)
		fprintf(stderr, "jdxx-staff: %s %zu/%zu\n", stage, done, total);
	else
		fprintf(stderr, "jdxx-staff: %s %zu\n", stage, done);
}

/* The whole file, up to the import's limit; NULL when unreadable. */
static char *
read_file(const char *path, size_t *len)
{
	struct stat	 sb;
	char		*data = NULL;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &sb) == -1) {
		fprintf(stderr, "jdxx-staff: %s: %s\n", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size > OUTLET_IMPORT_MAX_BYTES) {
		fprintf(stderr, "jdxx-staff: %s: not a file of at most %d "
		    "bytes\n", path, OUTLET_IMPORT_MAX_BYTES);
		goto fail;
	}
	if ((data = malloc((size_t)sb.st_size + 1)) == NULL)
		goto fail;
	while (got < (size_t)sb.st_size &&
	    (n = read(fd, data + got, (size_t)sb.st_size - got)) > 0)
		got += (size_t)n;
	if (got != (size_t)sb.st_size) {
		fprintf(stderr, "jdxx-staff: %s: short read\n", path);
		goto fail;
	}
	close(fd);
	*len = got;
	return data;
fail:
	if (fd != -1)
		close(fd);
	free(data);
	return NULL;
}

static void
import_report(const struct outlet_import *imp, const char *path)
{
	const struct import_problem	*p;
	const struct import_duplicate	*d;
	size_t				 i;

	printf("file: %s (%s)\n", path, imp->encoding[0] ? imp->encoding :
	    "unreadable");
	printf("rows: %zu, good: %zu, with problems: %zu, likely duplicates: "
	    "%zu\n", imp->rows, imp->good, imp->rows - imp->good,
	    imp->duplicate_rows);
	for (i = 0; i < imp->nproblems; i++) {
		p = &imp->problems[i];
		if (p->line > 0)
			printf("line %zu", p->line);
		else
			printf("file");
		if (p->column[0] != '\0')
			printf(", %s \"%s\"", p->column, p->value);
		printf(": %s\n", p->message);
	}
	for (i = 0; i < imp->nduplicates; i++) {
		d = &imp->duplicates[i];
		printf("line %zu, %s %s: likely duplicate of ", d->line,
		    d->reg_no, d->name);
		if (d->other_line > 0)
			printf("line %zu, ", d->other_line);
		printf("备案编号 %s %s (%s)\n", d->other_reg_no, d->other_name,
		    d->why);
	}
}

/* An import's "[--dry-run] [--confirm-duplicates] FILE", the second only
 * where confirm is not NULL: the file's *path, read into *data, and its
 * name without directories in *base. 0, or the exit status. */
static int
import_args(int argc, char **argv, int *dry, int *confirm,
    const char **path, char **data, size_t *len, const char **base)
{
	int		 i;

	*path = NULL;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			*dry = 1;
		else if (confirm != NULL &&
		    strcmp(argv[i], "--confirm-duplicates") == 0)
			*confirm = 1;
		else if (*path == NULL && argv[i][0] != '-')
			*path = argv[i];
		else {
			usage();
			return 2;
		}
	}
	if (*path == NULL) {
		usage();
		return 2;
	}
	if ((*data = read_file(*path, len)) == NULL)
		return 1;
	*base = strrchr(*path, '/') != NULL ? strrchr(*path, '/') + 1 :
	    *path;
	return 0;
}

static int
import_outlets(int argc, char **argv)
{
	struct outlet_import	 imp;
	struct timespec		 t0;
	const char		*path, *base;
	enum domain_status	 st;
	char			*data;
	size_t			 len;
	int			 dry = 0, confirm = 0, rc = 1;

	if ((rc = import_args(argc, argv, &dry, &confirm, &path, &data,
	    &len, &base)) != 0)
		return rc;
	rc = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	outlet_import_init(&imp, "", import_progress, NULL);
	st = outlet_import_check(&imp, data, len);
	if (st != DOMAIN_OK) {
		fprintf(stderr, "jdxx-staff: the check failed (database %s)\n",
		    st == DOMAIN_UNAVAILABLE ? "unavailable" : "error");
		goto out;
	}
	fprintf(stderr, "jdxx-staff: checked in %.1f s\n", seconds_since(&t0));
	import_report(&imp, path);
	if (!outlet_import_ready(&imp, confirm)) {
		printf("nothing imported: %s\n", imp.nproblems > 0 ?
		    "correct the rows above and import the whole file again" :
		    imp.rows == 0 ? "no rows" : "likely duplicates; if they are "
		    "not, run again with --confirm-duplicates");
		goto out;
	}
	if (dry) {
		printf("dry run: %zu rows would be imported\n", imp.rows);
		rc = 0;
		goto out;
	}
	st = outlet_import_save(&imp, confirm, NULL, "jdxx-staff", "shell",
	    base);
	if (st == DOMAIN_CONFLICT)
		printf("nothing imported: a registration number was taken "
		    "meanwhile; run again\n");
	else if (st != DOMAIN_OK)
		printf("nothing imported: database %s\n",
		    st == DOMAIN_UNAVAILABLE ? "unavailable" : "error");
	else {
		printf("imported: %zu rows in %.1f s\n", imp.imported,
		    seconds_since(&t0));
		rc = 0;
	}
out:
	outlet_import_free(&imp);
	free(data);
	return rc;
}

static int
import_products(int argc, char **argv)
{
	struct product_import	 imp;
	struct timespec		 t0;
	const char		*path, *base;
	enum domain_status	 st;
	char			*data;
	size_t			 len, i;
	int			 dry = 0, rc = 1;

	if ((rc = import_args(argc, argv, &dry, NULL, &path, &data, &len,
	    &base)) != 0)
		return rc;
	rc = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	product_import_init(&imp);
	if ((st = product_import_check(&imp, data, len)) != DOMAIN_OK) {
		fprintf(stderr, "jdxx-staff: the check failed (database %s)\n",
		    st == DOMAIN_UNAVAILABLE ? "unavailable" : "error");
		goto out;
	}
	printf("file: %s (%s)\nrows: %zu, good: %zu, with problems: %zu\n",
	    path, imp.encoding != NULL ? imp.encoding : "unreadable",
	    imp.rows, imp.good, imp.rows - imp.good);
	for (i = 0; i < imp.nproblems; i++) {
		if (imp.problems[i].line > 0)
			printf("line %zu", imp.problems[i].line);
		else
			printf("file");
		if (imp.problems[i].column[0] != '\0')
			printf(", %s \"%s\"", imp.problems[i].column,
			    imp.problems[i].value);
		printf(": %s\n", imp.problems[i].message);
	}
	if (!product_import_ready(&imp)) {
		printf("nothing imported: %s\n", imp.rows == 0 ? "no rows" :
		    "correct the rows above and import the whole file again");
		goto out;
	}
	if (dry) {
		printf("dry run: %zu rows would be imported\n", imp.rows);
		rc = 0;
		goto out;
	}
	st = product_import_save(&imp, NULL, "jdxx-staff", "shell", base);
	if (st != DOMAIN_OK)
		printf("nothing imported: %s\n", st == DOMAIN_CONFLICT ?
		    "a model was registered meanwhile; run again" :
		    st == DOMAIN_UNAVAILABLE ? "database unavailable" :
		    "database error");
	else {
		printf("imported: %zu rows in %.1f s\n", imp.imported,
		    seconds_since(&t0));
		rc = 0;
	}
out:
	product_import_free(&imp);
	free(data);
	return rc;
}

static int
escalate(void)
{
	long long	 n;

	if (complaint_escalate_overdue(&n) != DOMAIN_OK) {
		fprintf(stderr, "jdxx-staff: the sweep failed; nothing "
		    "flagged\n");
		return 1;
	}
	printf("escalated: %lld\n", n);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: jdxx-staff --config FILE init-admin OUTFILE\n"
	    "       jdxx-staff --config FILE add USERNAME ROLE [REGION]\n"
	    "       jdxx-staff --config FILE reset-password USERNAME\n"
	    "       jdxx-staff --config FILE totp-reset USERNAME\n"
	    "       jdxx-staff --config FILE set-email USERNAME EMAIL\n"
	    "       jdxx-staff --config FILE import-products [--dry-run] "
	    "FILE.csv\n"
	    "       jdxx-staff --config FILE import-outlets [--dry-run] "
	    "[--confirm-duplicates] FILE.csv\n"
	    "       jdxx-staff --config FILE escalate\n");
}

int
main(int argc, char **argv)
{
	struct config	 cfg;
	int		 rc;

	log_set_name("jdxx-staff");
	if (argc < 4 || strcmp(argv[1], "--config") != 0) {
		usage();
		return 2;
	}
	if (sodium_init() < 0 || config_load(&cfg, argv[2]) == -1)
		return 1;
	db_configure(&cfg.db);
	/* Imports change public pages: the public workers hear of it. */
	if (cfg.change_signal != NULL &&
	    change_signal_open(cfg.change_signal) == 0)
		db_on_write(change_signal_bump);
	if (strcmp(argv[3], "init-admin") == 0 && argc == 5)
		rc = init_admin(argv[4]);
	else if (strcmp(argv[3], "add") == 0 && (argc == 6 || argc == 7))
		rc = add_account(argv[4], argv[5], argc == 7 ? argv[6] : "");
	else if (strcmp(argv[3], "import-products") == 0)
		rc = import_products(argc - 4, argv + 4);
	else if (strcmp(argv[3], "import-outlets") == 0)
		rc = import_outlets(argc - 4, argv + 4);
	else if (strcmp(argv[3], "reset-password") == 0 && argc == 5)
		rc = reset_password(argv[4]);
	else if (strcmp(argv[3], "set-email") == 0 && argc == 6)
		rc = set_email(argv[4], argv[5]);
	else if (strcmp(argv[3], "totp-reset") == 0 && argc == 5)
		rc = totp_reset_account(argv[4]);
	else if (strcmp(argv[3], "escalate") == 0 && argc == 4)
		rc = escalate();
	else {
		usage();
		rc = 2;
	}
	db_close();
	config_free(&cfg);
	return rc;
}
