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
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "account.h"
#include "audit.h"
#include "password.h"
#include "region.h"
#include "session.h"
#include "view.h"

static struct db_stmt count_staff = DB_READ(
    "SELECT COUNT(*) AS n FROM staff");

static struct db_stmt insert_staff = DB_WRITE(
    "INSERT INTO staff (username, password_hash, role, region_code) "
    "VALUES (?, ?, ?, NULL)");

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
	HDF		*h;
	char		 pw[PASSWORD_RANDOM_LEN + 1];
	char		 hash[crypto_pwhash_STRBYTES];
	struct db_arg	 a[3];
	int		 found, rc = 1;

	if (hdf_init(&h) != STATUS_OK)
		return 1;
	if (db_query_row(&count_staff, NULL, 0, h, "S", &found) != DB_OK)
		goto out;
	if (hdf_get_int_value(h, "S.n", 0) > 0) {
		rc = 0;
		goto out;
	}
	password_random(pw, sizeof(pw));
	if (password_hash(hash, pw) == -1)
		goto out;
	if (write_secret(outfile, pw) == -1)
		goto out;
	a[0] = DB_TEXT("admin");
	a[1] = DB_TEXT(hash);
	a[2] = DB_TEXT("admin");
	if (db_exec(&insert_staff, a, 3, NULL, NULL) != DB_OK) {
		unlink(outfile);
		goto out;
	}
	printf("staff account admin created; its password (also in %s): %s\n",
	    outfile, pw);
	rc = 0;
out:
	sodium_memzero(pw, sizeof(pw));
	hdf_destroy(&h);
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

static int
add_account(const char *user, const char *role, const char *region)
{
	char		 pw[ACCOUNT_MAX_PASSWORD + 2];
	char		 hash[crypto_pwhash_STRBYTES];
	const char	*problem = NULL;
	unsigned long long id;
	HDF		*h;
	long		 n = 0;
	enum db_status	 st;

	if (!username_valid(user) || role_bit(role) == 0) {
		fprintf(stderr, "jdxx-staff: bad username or role "
		    "(admin, editor, handler, records)\n");
		return 2;
	}
	if (region[0] != '\0') {
		if (hdf_init(&h) != STATUS_OK ||
		    region_path(h, region, "R", &n) != DB_OK || n == 0 ||
		    (strlen(region) != 4 && strlen(region) != 6)) {
			fprintf(stderr, "jdxx-staff: no such city or county: "
			    "%s\n", region);
			return 2;
		}
		hdf_destroy(&h);
	}
	if (read_password(pw, sizeof(pw)) == -1 ||
	    (problem = password_problem(user, pw)) != NULL) {
		fprintf(stderr, "jdxx-staff: %s\n", pw[0] ? problem :
		    "no password on standard input");
		return 2;
	}
	if (password_hash(hash, pw) == -1)
		return 1;
	sodium_memzero(pw, sizeof(pw));
	st = account_create(user, "", role, region, hash, &id);
	if (st == DB_DUPLICATE) {
		fprintf(stderr, "jdxx-staff: %s exists\n", user);
		return 1;
	}
	if (st != DB_OK)
		return 1;
	audit_write(NULL, "jdxx-staff", "shell", "account_create", "staff",
	    (long long)id, NULL, json_pack("{s:s,s:s,s:s}", "username", user,
	    "role", role, "region_code", region));
	printf("account %s created\n", user);
	return 0;
}

static int
reset_password(const char *user)
{
	char		 pw[ACCOUNT_MAX_PASSWORD + 2];
	char		 hash[crypto_pwhash_STRBYTES];
	const char	*problem = NULL;
	long long	 id;
	HDF		*h;
	int		 found = 0;

	if (hdf_init(&h) != STATUS_OK ||
	    account_by_username(h, user, "A", &found) != DB_OK || !found) {
		fprintf(stderr, "jdxx-staff: no account %s\n", user);
		return 1;
	}
	id = hdf_get_int_value(h, "A.id", 0);
	hdf_destroy(&h);
	if (read_password(pw, sizeof(pw)) == -1 ||
	    (problem = password_problem(user, pw)) != NULL) {
		fprintf(stderr, "jdxx-staff: %s\n", pw[0] ? problem :
		    "no password on standard input");
		return 2;
	}
	if (password_hash(hash, pw) == -1)
		return 1;
	sodium_memzero(pw, sizeof(pw));
	if (account_set_password(id, hash) != DB_OK ||
	    session_end_all(id) != DB_OK)
		return 1;
	audit_write(NULL, "jdxx-staff", "shell", "account_update_password",
	    "staff", id, NULL, NULL);
	printf("password of %s reset\n", user);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: jdxx-staff --config FILE init-admin OUTFILE\n"
	    "       jdxx-staff --config FILE add USERNAME ROLE [REGION]\n"
	    "       jdxx-staff --config FILE reset-password USERNAME\n");
}

int
main(int argc, char **argv)
{
	struct config	 cfg;
	int		 rc;

	log_set_name("jdxx-staff");
	if (argc < 5 || strcmp(argv[1], "--config") != 0) {
		usage();
		return 2;
	}
	if (sodium_init() < 0 || config_load(&cfg, argv[2]) == -1)
		return 1;
	db_configure(&cfg.db);
	if (strcmp(argv[3], "init-admin") == 0 && argc == 5)
		rc = init_admin(argv[4]);
	else if (strcmp(argv[3], "add") == 0 && (argc == 6 || argc == 7))
		rc = add_account(argv[4], argv[5], argc == 7 ? argv[6] : "");
	else if (strcmp(argv[3], "reset-password") == 0 && argc == 5)
		rc = reset_password(argv[4]);
	else {
		usage();
		rc = 2;
	}
	db_close();
	config_free(&cfg);
	return rc;
}
