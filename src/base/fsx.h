/* fsx: the file plumbing every module shares (redis's util.c): reading a
 * whole file, the one file writer, mkdir -p and the XDG base directories.
 * Nothing here knows what a file holds; errors are returned as text (from
 * errno) for the caller to print, without the path. */
#ifndef TIPSCREEN_FSX_H
#define TIPSCREEN_FSX_H

#include <stddef.h>
#include <sys/types.h>

/* The largest file fsx_slurp reads for a caller that names no smaller
 * limit: a sealed bundle or a key list. */
enum { FSX_SLURP_MAX = 64 << 20 };

/* Reads the whole file at path, at most max bytes, into a new buffer with
 * a NUL after its last byte (caller frees with free); *len is its length.
 * On failure returns NULL and puts the reason, without the path, in err
 * (errlen bytes). */
char *fsx_slurp(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* How fsx_write treats what is already at the path.
 * FSX_NEW: never over anything. The bytes go to a temporary file in the
 *   same directory, which then takes the name with renameat2's
 *   RENAME_NOREPLACE (or link + unlink where the file system has no
 *   renameat2): an entry made at the path meanwhile, of any kind, is left
 *   alone and the write fails (no lstat-then-rename race).
 * FSX_REPLACE: over nothing or over a regular file only. A directory, a
 *   device, a FIFO, a socket and a symbolic link are refused (a link is
 *   refused rather than followed: the file it names may be anywhere). The
 *   rename replaces the directory entry, never writes through it, so an
 *   entry swapped in after the check is replaced, not written into. */
enum fsx_mode { FSX_NEW, FSX_REPLACE };

/* fsx_write's result: written, something is already at the path (FSX_NEW
 * only), or another failure. */
enum { FSX_OK = 0, FSX_FAIL = -1, FSX_EXISTS = -2 };

/* Writes len bytes of data to path as how says, with exactly mode (the
 * umask does not apply; 0600 for anything sensitive), durably: the file
 * and then its directory are fsynced. The temporary file is removed on
 * every failure, and nothing is left at path. Returns FSX_OK, or
 * FSX_EXISTS / FSX_FAIL with the reason in err. */
int fsx_write(const char *path, const void *data, size_t len, mode_t mode, enum fsx_mode how,
	      char *err, size_t errlen);

/* Creates dir and its missing parents, each 0700 (mkdir -p, as the XDG
 * base directory spec asks: a new account has no ~/.local/share). An
 * existing directory is fine. 0, or -1 with the reason in err. */
int fsx_mkdir_p(const char *dir, char *err, size_t errlen);

/* The XDG base directories (the spec's *_HOME variables, each used only
 * when it is an absolute path). */
enum fsx_xdg { FSX_XDG_DATA, FSX_XDG_CONFIG, FSX_XDG_STATE };

/* leaf under the base directory which (e.g. "$XDG_DATA_HOME/leaf", else
 * "$HOME/.local/share/leaf"): a new string, or NULL when neither the
 * variable nor HOME is set. Nothing is created. */
char *fsx_xdg(enum fsx_xdg which, const char *leaf);

#endif
