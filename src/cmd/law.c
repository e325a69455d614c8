/* law: --law ID for assess, replay, the interview and the text export, with
 * its default from the configuration file next to the contacts; and
 * `tipscreen law [NAME]`, the built-in law texts listed or one shown byte
 * for byte. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "domain/law.h"
#include "domain/profile.h"
#include "cmd/cmd.h"

/* The profile id to use: --law, else the configuration's; NULL for none.
 * A new string, or an exit code in *rc. */
static char *law_id(const char *law, int *rc)
{
	*rc = EXIT_OK;
	if (law)
		return strcmp(law, "none") == 0 ? NULL : xstrdup(law);
	char *path = profile_config_path(), *id = NULL;
	struct diags d = { 0 };
	int r = path ? profile_config_read(path, &id, &d) : 1;
	if (r < 0) {
		diags_print(&d, stderr);
		*rc = EXIT_INPUT;
	}
	diags_free(&d);
	free(path);
	if (id && strcmp(id, "none") == 0) {
		free(id);
		id = NULL;
	}
	return id;
}

int cmd_load_law(const struct cmd_ctx *c, const char *law, struct profile **out)
{
	int rc;
	*out = NULL;
	char *id = law_id(law, &rc);
	if (!id)
		return rc;
	/* The deck's own profiles, else the bundled ones (a test or local deck
	 * need not copy them). */
	char *path = profile_path(c->deck, id);
	if (path && !strchr(id, '/') && access(path, F_OK) != 0) {
		free(path);
		path = profile_path(c->bundled ? c->bundled : c->deck, id);
	}
	if (!path) {
		fprintf(stderr, "tipscreen: --law takes a profile id (a-z, 0-9, '-'; e.g. gb-ew) or "
			"a path to a .profile file, not '%s'\n", id);
		free(id);
		return EXIT_INPUT;
	}
	struct profile *p = xmalloc(sizeof *p);
	struct diags d = { 0 };
	if (profile_load(path, p, &d) < 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "tipscreen: no usable law profile '%s' (the profiles are DECK/law/"
			"profiles/ID.profile; bundled: eu, coe, gb-ew, us, ph)\n", id);
		free(p);
		p = NULL;
		rc = EXIT_INPUT;
	}
	diags_free(&d);
	free(path);
	free(id);
	*out = p;
	return rc;
}

void cmd_free_law(struct profile *p)
{
	if (p)
		profile_free(p);
	free(p);
}

/* Whether the embedded text name is a teaching citation's ("tip-art5.en"). */
static bool teaching(const char *name)
{
	for (size_t i = 0; law_teaching_id(i); i++) {
		size_t n = strlen(law_teaching_id(i));
		if (strncmp(name, law_teaching_id(i), n) == 0 && name[n] == '.')
			return true;
	}
	return false;
}

/* The embedded text called name, with or without its language ("tip-art5"
 * is "tip-art5.en"), or NULL. */
static const struct law_blob *text_named(const char *name)
{
	const struct law_blob *b = law_blob_find(name);
	if (!b) {
		char *en = xasprintf("%s.en", name);
		b = law_blob_find(en);
		free(en);
	}
	return b;
}

int cmd_law(const struct cmd_ctx *c, const char *name)
{
	if (name) {
		const struct law_blob *b = text_named(name);
		if (!b) {
			fprintf(stderr, "tipscreen: no law text '%s' is built in ('tipscreen law' lists "
				"them)\n", name);
			return EXIT_INPUT;
		}
		fwrite(b->data, 1, b->len, c->out);
		return EXIT_OK;
	}
	for (unsigned i = 0; i < law_blob_count; i++) {
		const struct law_blob *b = &law_blobs[i];
		char *status = law_blob_header(b, "Status"), *prov = law_blob_header(b, "Provision");
		status[strcspn(status, " (")] = '\0';
		fprintf(c->out, "%-42s %-10s %s%s\n", b->name, status, prov,
			teaching(b->name) ? " [teaching citation: training only, never an assessment's]"
					  : "");
		free(status);
		free(prov);
	}
	return EXIT_OK;
}
