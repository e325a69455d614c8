/* laptops: the laptops' names (laptops.h). */
#include "office/laptops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "office/office.h"

static const char last_name[] =
	"SELECT name FROM laptops WHERE laptop = $1 ORDER BY id DESC LIMIT 1";

int laptops_name(struct db *db, const char *laptop, const char *name)
{
	char now[24], had[128];
	const char *p[] = { laptop };
	int rc = db_value(db, last_name, p, 1, had, sizeof had);
	if (rc < 0 || (rc == 1 && strcmp(had, name) == 0))
		return rc < 0 ? rc : DB_OK;
	snprintf(now, sizeof now, "%lld", (long long)time(NULL));
	const char *q[] = { laptop, name, now };
	return db_exec(db, "INSERT INTO laptops (laptop, name, at) VALUES ($1, $2, $3)", q, 3, NULL,
		       NULL);
}

int laptops_name_of(struct db *db, const char *laptop, char *out, size_t n)
{
	char v[128];
	const char *p[] = { laptop };
	int rc = db_value(db, last_name, p, 1, v, sizeof v);
	*out = '\0';
	if (rc == 1) {
		char *c = office_clean(v);
		snprintf(out, n, "%s", c);
		free(c);
	}
	return rc < 0 ? rc : 0;
}
