/* The benchmark's transport yardstick: a bare FastCGI program that answers
 * /bench/fcgi/NAME with the saved bytes of DIR/NAME, held in memory, so
 * that what it costs is libfcgi and nginx and nothing of ours.
 *
 *   bench-fcgi --dir DIR --socket PATH --workers N
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>

#define MAX_FILES	64
#define MAX_WORKERS	64

struct saved {
	char	 name[128];
	char	*data;
	size_t	 len;
};

static struct saved	 files[MAX_FILES];
static size_t		 nfiles;

static int
load(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[1024];
	FILE		*f;
	struct stat	 st;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL && nfiles < MAX_FILES) {
		struct saved *s = &files[nfiles];

		if (e->d_name[0] == '.' ||
		    strlen(e->d_name) >= sizeof(s->name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		if (fstat(fileno(f), &st) == 0 && st.st_size > 0 &&
		    (s->data = malloc((size_t)st.st_size)) != NULL &&
		    fread(s->data, 1, (size_t)st.st_size, f) ==
		    (size_t)st.st_size) {
			snprintf(s->name, sizeof(s->name), "%s", e->d_name);
			s->len = (size_t)st.st_size;
			nfiles++;
		}
		fclose(f);
	}
	closedir(d);
	return 0;
}

static const struct saved *
find(const char *uri)
{
	const char	*name = strrchr(uri != NULL ? uri : "", '/');
	size_t		 i;

	for (i = 0; name != NULL && i < nfiles; i++)
		if (strcmp(files[i].name, name + 1) == 0)
			return &files[i];
	return NULL;
}

static int
serve(int fd)
{
	FCGX_Request		 r;
	const struct saved	*s;

	if (FCGX_InitRequest(&r, fd, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&r) >= 0) {
		s = find(FCGX_GetParam("DOCUMENT_URI", r.envp));
		if (s == NULL)
			FCGX_PutS("Status: 404 Not Found\r\n"
			    "Content-Type: text/plain\r\n\r\nnot saved\n", r.out);
		else {
			/* FCGX_FPrintF knows no %zu: format here. */
			char	 head[128];

			snprintf(head, sizeof(head), "Content-Type: text/html; "
			    "charset=utf-8\r\nContent-Length: %zu\r\n\r\n",
			    s->len);
			FCGX_PutS(head, r.out);
			FCGX_PutStr(s->data, (int)s->len, r.out);
		}
		FCGX_Finish_r(&r);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char	*dir = NULL, *sock = NULL;
	pid_t		 kids[MAX_WORKERS];
	int		 i, n = 2, fd, status;

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--dir") == 0)
			dir = argv[i + 1];
		else if (strcmp(argv[i], "--socket") == 0)
			sock = argv[i + 1];
		else if (strcmp(argv[i], "--workers") == 0)
			n = atoi(argv[i + 1]);
	}
	if (dir == NULL || sock == NULL || i != argc || n < 1 ||
	    n > MAX_WORKERS) {
		fprintf(stderr, "usage: bench-fcgi --dir DIR --socket PATH "
		    "--workers N\n");
		return 2;
	}
	if (load(dir) == -1) {
		fprintf(stderr, "bench-fcgi: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	/* The same transport as the portal's workers (src/app.c). */
	setenv("LIBFCGI_OS_CLOSE_POLL_TIMEOUT", "0", 1);
	FCGX_Init();
	unlink(sock);
	if ((fd = FCGX_OpenSocket(sock, 1024)) < 0) {
		fprintf(stderr, "bench-fcgi: cannot listen on %s\n", sock);
		return 1;
	}
	chmod(sock, 0666);
	for (i = 0; i < n; i++)
		if ((kids[i] = fork()) == 0) {
			signal(SIGTERM, SIG_DFL);
			_exit(serve(fd));
		}
	/* The workers go when the master is told to. */
	{
		sigset_t	 set;
		int		 sig;

		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		sigwait(&set, &sig);
	}
	for (i = 0; i < n; i++)
		kill(kids[i], SIGTERM);
	for (i = 0; i < n; i++)
		waitpid(kids[i], &status, 0);
	unlink(sock);
	return 0;
}
