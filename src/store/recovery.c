#include "store/recovery.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define MAGIC "tipscreen-recovery-1"

/* The device's name made safe: printable ASCII without spaces. */
static void clean_device(const char *in, char *out, size_t n)
{
	size_t o = 0;
	for (; *in && o + 1 < n; in++)
		out[o++] = *in > ' ' && *in < 0x7f ? *in : '_';
	out[o] = '\0';
	if (!o)
		snprintf(out, n, "laptop");
}

char *recovery_make(const struct recovery *r, const unsigned char *office_pk,
		    const unsigned char *sign_sk, size_t *len)
{
	char dev[sizeof r->device];
	clean_device(r->device, dev, sizeof dev);
	char *payload = xasprintf(MAGIC "\ndevice %s\ntime %lld\nenrolled %lld\ncases %lld\n", dev,
				  r->time, r->enrolled, r->cases);
	size_t slen;
	char *sealed = seal_make(payload, strlen(payload), "UTF-8", office_pk, sign_sk, &slen);
	free(payload);
	if (!sealed)
		return NULL;
	char *out = xasprintf(MAGIC "\n%s", sealed);
	free(sealed);
	*len = strlen(out);
	return out;
}

bool recovery_is(const char *text, size_t len)
{
	size_t m = strlen(MAGIC);
	return len > m && memcmp(text, MAGIC, m) == 0 && (text[m] == '\n' || text[m] == '\r');
}

/* The payload's fields: 0, or -1. */
static int parse_payload(const char *p, struct recovery *out)
{
	char dev[sizeof out->device];
	int used = 0;
	if (sscanf(p, MAGIC "\ndevice %63s\ntime %lld\nenrolled %lld\ncases %lld\n%n", dev, &out->time,
		   &out->enrolled, &out->cases, &used) != 4 || p[used] != '\0')
		return -1;
	clean_device(dev, out->device, sizeof out->device);
	return strcmp(dev, out->device) == 0 && out->time > 0 && out->cases >= 0 ? 0 : -1;
}

int recovery_open(const char *text, size_t len, const unsigned char *office_sk,
		  struct recovery *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	const char *nl = memchr(text, '\n', len);
	if (!recovery_is(text, len) || !nl) {
		snprintf(err, n, "1: expected \"" MAGIC "\" (a notice written by `tipscreen recover`)");
		return -1;
	}
	const char *rest = nl + 1;
	struct seal_opened so;
	char why[256];
	if (seal_open(rest, len - (size_t)(rest - text), office_sk, &so, why, sizeof why) < 0) {
		snprintf(err, n, "%s", why);
		return -1;
	}
	int rc = so.version == 2 && parse_payload((const char *)so.payload, out) == 0 ? 0 : -1;
	if (rc == 0)
		memcpy(out->laptop, so.signer, SEAL_SIGN_PUBLIC);
	else
		snprintf(err, n, "the sealed notice is not a recovery notice of this format");
	seal_opened_free(&so);
	return rc;
}
