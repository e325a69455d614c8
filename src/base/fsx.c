#include "base/fsx.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

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
