#include "domain/langs.h"

#include <dirent.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.po file names of dir, sorted: a new array of new strings. */
static char **po_files(const char *dir, size_t *n)
{
	char **v = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 4 || e->d_name[0] == '.' || strcmp(e->d_name + len - 3, ".po") != 0)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof *v, cmp_name);
	return v;
}

/* The compiled catalog beside the PO file po (same name, .mo), when it is
 * at least as new as po; else NULL. */
static struct catalog *compiled(const char *po)
{
	char *mo = xasprintf("%.*smo", (int)(strlen(po) - 2), po);
	struct stat sp, sm;
	struct catalog *c = NULL;
	if (stat(po, &sp) == 0 && stat(mo, &sm) == 0 &&
	    (sm.st_mtim.tv_sec > sp.st_mtim.tv_sec ||
	     (sm.st_mtim.tv_sec == sp.st_mtim.tv_sec && sm.st_mtim.tv_nsec >= sp.st_mtim.tv_nsec)))
		c = catalog_load_mo(mo);
	free(mo);
	return c;
}

static int load_all(const char *dir, struct langs *out, struct diags *d, bool fast)
{
	size_t nf;
	char **files = po_files(dir, &nf);
	int rc = 0;
	out->v = xcalloc(nf + 1, sizeof *out->v);
	out->n = 1;
	for (size_t i = 0; i < nf; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		struct catalog *c = fast ? compiled(path) : NULL;
		if (!c)
			c = catalog_load(path, d);
		if (c)
			out->v[out->n++] = c;
		else
			rc = -1;
		free(path);
		free(files[i]);
	}
	free(files);
	return rc;
}

int langs_load(const char *dir, struct langs *out, struct diags *d)
{
	return load_all(dir, out, d, false);
}

int langs_open(const char *dir, struct langs *out, struct diags *d)
{
	return load_all(dir, out, d, true);
}

void langs_free(struct langs *l)
{
	for (size_t i = 0; i < l->n; i++)
		catalog_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int langs_find(const struct langs *l, const char *tag)
{
	if (!tag || !*tag)
		return -1;
	size_t len = strcspn(tag, "_-.@");
	if ((len == 2 && strncmp(tag, "en", 2) == 0) || strcmp(tag, "C") == 0 ||
	    strncmp(tag, "C.", 2) == 0 || strcmp(tag, "POSIX") == 0)
		return 0;
	for (size_t i = 1; i < l->n; i++) {
		const char *c = catalog_lang(l->v[i]);
		if (strlen(c) == len && strncmp(c, tag, len) == 0)
			return (int)i;
	}
	return -1;
}

int langs_current(const struct langs *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == i18n_current())
			return (int)i;
	return 0;
}

int langs_from_env(const struct langs *l)
{
	const char *list = getenv("LANGUAGE");
	if (list && *list) {
		char *copy = xstrdup(list), *save = NULL;
		int found = -1;
		for (char *t = strtok_r(copy, ":", &save); t && found < 0; t = strtok_r(NULL, ":", &save))
			found = langs_find(l, t);
		free(copy);
		if (found >= 0)
			return found;
	}
	const char *all = getenv("LC_ALL"), *lang = getenv("LANG");
	int i = langs_find(l, all && *all ? all : lang);
	return i < 0 ? 0 : i;
}

char *langs_label(const struct langs *l, int i)
{
	const struct catalog *c = l->v[i];
	if (catalog_reviewed(c))
		return xasprintf("%s (%s)", catalog_name(c), catalog_lang(c));
	return xasprintf("%s (%s), %s", catalog_name(c), catalog_lang(c),
			 _("draft: not reviewed by a native speaker"));
}
