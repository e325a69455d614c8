#include "store/counter.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/codec.h"
#include "base/fsx.h"
#include "base/xalloc.h"

/* A slot: magic (16) ‖ generation, little-endian (8) ‖ MAC (32) ‖ zeros (8). */
enum { SLOT = 64, MAGIC_LEN = 16, MAC = 32 };
static const char magic[MAGIC_LEN] = "tipscreen-gen-1";

struct counter {
	int fd;
	char *path;
	unsigned char sid[COUNTER_ID_BYTES];
	unsigned char *key;	/* sodium_malloc */
	uint64_t seen;
	bool dirty;		/* written since the last sync */
};

static void mac_of(const struct counter *c, uint64_t gen, unsigned char *out)
{
	unsigned char msg[MAGIC_LEN + COUNTER_ID_BYTES + 8];
	memcpy(msg, magic, MAGIC_LEN);
	memcpy(msg + MAGIC_LEN, c->sid, COUNTER_ID_BYTES);
	codec_put_u64(msg + MAGIC_LEN + COUNTER_ID_BYTES, gen);
	crypto_generichash(out, MAC, msg, sizeof msg, c->key, COUNTER_KEY_BYTES);
}

/* The generation of a valid slot, else 0. */
static uint64_t slot_gen(const struct counter *c, const unsigned char *s)
{
	if (memcmp(s, magic, MAGIC_LEN) != 0)
		return 0;
	uint64_t gen = codec_get_u64(s + MAGIC_LEN);
	unsigned char want[MAC];
	mac_of(c, gen, want);
	return sodium_memcmp(want, s + MAGIC_LEN + 8, MAC) == 0 ? gen : 0;
}

int counter_open(const unsigned char *sid, const unsigned char *key, struct counter **out,
		 uint64_t *seen, bool *found, char *err, size_t n)
{
	*out = NULL;
	*seen = 0;
	*found = false;
	char *dir = fsx_xdg(FSX_XDG_STATE, "tipscreen");
	if (!dir) {
		snprintf(err, n, "no state directory (HOME is not set)");
		return -1;
	}
	char why[128];
	if (fsx_mkdir_p(dir, why, sizeof why) < 0) {
		snprintf(err, n, "%s: cannot create the state directory: %s", dir, why);
		free(dir);
		return -1;
	}
	char hex[2 * COUNTER_ID_BYTES + 1];
	sodium_bin2hex(hex, sizeof hex, sid, COUNTER_ID_BYTES);
	struct counter *c = xcalloc(1, sizeof *c);
	c->path = xasprintf("%s/store-%s", dir, hex);
	free(dir);
	c->fd = open(c->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (c->fd < 0) {
		snprintf(err, n, "%s: %s", c->path, strerror(errno));
		free(c->path);
		free(c);
		return -1;
	}
	memcpy(c->sid, sid, COUNTER_ID_BYTES);
	c->key = sodium_malloc(COUNTER_KEY_BYTES);
	memcpy(c->key, key, COUNTER_KEY_BYTES);
	unsigned char buf[2 * SLOT] = { 0 };
	if (pread(c->fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf) {
		uint64_t a = slot_gen(c, buf), b = slot_gen(c, buf + SLOT);
		c->seen = a > b ? a : b;
	}
	*found = c->seen > 0;
	*seen = c->seen;
	*out = c;
	return 0;
}

int counter_advance(struct counter *c, uint64_t gen)
{
	if (!c || gen <= c->seen)
		return 0;
	unsigned char s[SLOT] = { 0 };
	memcpy(s, magic, MAGIC_LEN);
	codec_put_u64(s + MAGIC_LEN, gen);
	mac_of(c, gen, s + MAGIC_LEN + 8);
	/* Grow to both slots first, so that a read always finds 128 bytes. */
	struct stat st;
	if (fstat(c->fd, &st) == 0 && st.st_size < 2 * SLOT && ftruncate(c->fd, 2 * SLOT) != 0)
		return -1;
	off_t at = (off_t)(gen & 1) * SLOT;
	if (pwrite(c->fd, s, SLOT, at) != SLOT)
		return -1;
	c->seen = gen;
	c->dirty = true;
	return 0;
}

int counter_sync(struct counter *c)
{
	if (!c || !c->dirty)
		return 0;
	c->dirty = false;
	return fdatasync(c->fd) == 0 ? 0 : -1;
}

const char *counter_path(const struct counter *c)
{
	return c->path;
}

void counter_close(struct counter *c)
{
	if (!c)
		return;
	counter_sync(c);
	close(c->fd);
	sodium_free(c->key);
	free(c->path);
	free(c);
}
