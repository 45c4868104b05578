/* Staff accounts. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "domain/account.h"
#include "base/utf8.h"

#define ACCOUNT_COLUMNS \
    "SELECT id, username, display_name, role, " \
    "COALESCE(region_code, '') AS region_code, disabled, " \
    "totp_enabled_at IS NOT NULL AS totp_enabled, " \
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at "

static struct db_stmt by_username = DB_READ(
    ACCOUNT_COLUMNS ", password_hash FROM staff WHERE username = ?");

static struct db_stmt by_id = DB_READ(
    ACCOUNT_COLUMNS "FROM staff WHERE id = ?");

static struct db_stmt all = DB_READ(
    ACCOUNT_COLUMNS "FROM staff WHERE ? = '' OR region_code LIKE "
    "CONCAT(?, '%') ORDER BY username");

static struct db_stmt insert_account = DB_WRITE(
    "INSERT INTO staff (username, display_name, role, region_code, "
    "password_hash, password_changed_at) VALUES (?, ?, ?, ?, ?, NOW())");

static struct db_stmt update_account = DB_WRITE(
    "UPDATE staff SET display_name = ?, role = ?, region_code = ?, "
    "disabled = ? WHERE id = ?");

static struct db_stmt update_password = DB_WRITE(
    "UPDATE staff SET password_hash = ?, password_changed_at = NOW() "
    "WHERE id = ?");

enum db_status
account_by_username(HDF *hdf, const char *username, const char *prefix,
    int *found)
{
	struct db_arg	 a[] = { DB_TEXT(username) };

	return db_query_row(&by_username, a, 1, hdf, prefix, found);
}

enum db_status
account_get(HDF *hdf, long long id, const char *prefix, int *found)
{
	struct db_arg	 a[] = { DB_INT(id) };

	return db_query_row(&by_id, a, 1, hdf, prefix, found);
}

enum db_status
account_list(HDF *hdf, const char *region, const char *prefix, long *n)
{
	struct db_arg	 a[] = { DB_TEXT(region), DB_TEXT(region) };

	return db_query(&all, a, 2, hdf, prefix, n);
}

enum db_status
account_create(const char *username, const char *display_name,
    const char *role, const char *region, const char *hash,
    unsigned long long *id)
{
	struct db_arg	 a[] = { DB_TEXT(username), DB_TEXT(display_name),
	    DB_TEXT(role), region[0] ? DB_TEXT(region) : DB_NULLARG,
	    DB_TEXT(hash) };

	return db_exec(&insert_account, a, DB_NARGS(a), NULL, id);
}

enum db_status
account_update(long long id, const char *display_name, const char *role,
    const char *region, int disabled)
{
	struct db_arg	 a[] = { DB_TEXT(display_name), DB_TEXT(role),
	    region[0] ? DB_TEXT(region) : DB_NULLARG, DB_INT(disabled),
	    DB_INT(id) };

	return db_exec(&update_account, a, DB_NARGS(a), NULL, NULL);
}

enum db_status
account_set_password(long long id, const char *hash)
{
	struct db_arg	 a[] = { DB_TEXT(hash), DB_INT(id) };

	return db_exec(&update_password, a, 2, NULL, NULL);
}

json_t *
account_json(HDF *row)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s}",
	    "username", hdf_get_value(row, "username", ""),
	    "display_name", hdf_get_value(row, "display_name", ""),
	    "role", hdf_get_value(row, "role", ""),
	    "region_code", hdf_get_value(row, "region_code", ""),
	    "disabled", hdf_get_value(row, "disabled", "0"));
}

int
username_valid(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n < 3 || n > 32 || !islower((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && strchr("._-", s[i]) == NULL)
			return 0;
	return 1;
}

const char *
password_problem(const char *username, const char *password)
{
	size_t	 n = strlen(password);

	if (!utf8_valid(password, n))
		return "密码含有无法识别的字符";
	if (utf8_chars(password, n) < ACCOUNT_MIN_PASSWORD)
		return "密码至少 10 个字符";
	if (n > ACCOUNT_MAX_PASSWORD)
		return "密码最多 128 个字节";
	if (strcasestr(password, username) != NULL ||
	    strcasestr(username, password) != NULL)
		return "密码不能包含用户名";
	return NULL;
}
