/* jdxx-staff: staff accounts from the shell.
 *
 *   jdxx-staff --config FILE init-admin OUTFILE
 *	creates the account "admin" with a random password when no staff
 *	account exists yet, writes the password to OUTFILE (mode 0600) and
 *	prints it once; does nothing when accounts exist.
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
#include "password.h"
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

int
main(int argc, char **argv)
{
	struct config	 cfg;
	int		 rc;

	log_set_name("jdxx-staff");
	if (argc != 5 || strcmp(argv[1], "--config") != 0 ||
	    strcmp(argv[3], "init-admin") != 0) {
		fprintf(stderr, "usage: jdxx-staff --config FILE init-admin "
		    "OUTFILE\n");
		return 2;
	}
	if (sodium_init() < 0 || config_load(&cfg, argv[2]) == -1)
		return 1;
	db_configure(&cfg.db);
	rc = init_admin(argv[4]);
	db_close();
	config_free(&cfg);
	return rc;
}
