#include "base/fsx.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/xalloc.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

char *fsx_slurp(const char *path, size_t max, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	char *buf = xmalloc(max + 1);
	*len = fread(buf, 1, max + 1, f);
	bool bad = ferror(f) || *len > max;
	fclose(f);
	if (bad) {
		snprintf(err, errlen, "%s", *len > max ? "too large" : "cannot be read");
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/* Puts errno e's text in err: FSX_EXISTS for EEXIST, else FSX_FAIL. */
static int failed(int e, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s", strerror(e));
	return e == EEXIST ? FSX_EXISTS : FSX_FAIL;
}

/* Whether how allows writing at path as it is now. The check gives the
 * clear message; the guarantee is the rename's (see fsx.h). */
static int check_target(const char *path, enum fsx_mode how, char *err, size_t errlen)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? FSX_OK : failed(errno, err, errlen);
	if (how == FSX_NEW)
		return failed(EEXIST, err, errlen);
	if (S_ISREG(sb.st_mode))
		return FSX_OK;
	snprintf(err, errlen, "%s", S_ISDIR(sb.st_mode) ? "is a directory, not a regular file"
		 : S_ISLNK(sb.st_mode) ? "is a symbolic link, not a regular file"
		 : "is a device, a FIFO or a socket, not a regular file");
	return FSX_FAIL;
}

/* Writes all len bytes of data to fd, then fsyncs it: 0, or -1 (errno). */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, data, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return -1;
		}
		data += k;
		len -= (size_t)k;
	}
	return fsync(fd);
}

/* Gives from the name to, where nothing is: renameat2 with
 * RENAME_NOREPLACE, or link + unlink where the kernel or the file system
 * has no renameat2 (both refuse an existing entry atomically). */
static int rename_new(const char *from, const char *to)
{
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != ENOSYS && errno != EINVAL && errno != EPERM)
		return -1;
#endif
	if (link(from, to) != 0)
		return -1;
	unlink(from);
	return 0;
}

/* Makes path's directory entry durable; best effort, as some file systems
 * cannot fsync a directory (the file itself already is). */
static void sync_dir(const char *path)
{
	char *copy = xstrdup(path);
	int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(copy);
}

int fsx_write(const char *path, const void *data, size_t len, mode_t mode, enum fsx_mode how,
	      char *err, size_t errlen)
{
	int rc = check_target(path, how, err, errlen);
	if (rc != FSX_OK)
		return rc;
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = failed(errno, err, errlen);
		free(tmp);
		return rc == FSX_EXISTS ? FSX_FAIL : rc;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0)
		rc = failed(errno, err, errlen);
	if (close(fd) != 0 && rc == FSX_OK)
		rc = failed(errno, err, errlen);
	if (rc == FSX_OK && (how == FSX_NEW ? rename_new(tmp, path) : rename(tmp, path)) != 0)
		rc = failed(errno, err, errlen);
	if (rc != FSX_OK)
		unlink(tmp);
	else
		sync_dir(path);
	free(tmp);
	return rc;
}

int fsx_mkdir_p(const char *dir, char *err, size_t errlen)
{
	if (!*dir) {
		failed(ENOENT, err, errlen);
		return -1;
	}
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	if (rc != 0)
		failed(errno, err, errlen);
	free(p);
	return rc;
}

char *fsx_xdg(enum fsx_xdg which, const char *leaf)
{
	static const struct {
		const char *var, *fallback;
	} base[] = {
		[FSX_XDG_DATA] = { "XDG_DATA_HOME", ".local/share" },
		[FSX_XDG_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
		[FSX_XDG_STATE] = { "XDG_STATE_HOME", ".local/state" },
	};
	const char *x = getenv(base[which].var);
	if (x && *x == '/')
		return xasprintf("%s/%s", x, leaf);
	const char *h = getenv("HOME");
	return h && *h ? xasprintf("%s/%s/%s", h, base[which].fallback, leaf) : NULL;
}
