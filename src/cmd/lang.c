/* lang: loading the languages for a command, and their checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/langs.h"
#include "cmd/cmd.h"

static int find_or_say(const struct langs *l, const char *opt, const char *tag)
{
	int i = langs_find(l, tag);
	if (i < 0) {
		fprintf(stderr, "tipscreen: %s %s: no such language; there are en", opt, tag);
		for (size_t k = 1; k < l->n; k++)
			fprintf(stderr, ", %s", catalog_lang(l->v[k]));
		fputc('\n', stderr);
	}
	return i;
}

int cmd_load_langs(const struct cmd_ctx *c, const struct cmd_lang_opts *o, struct langs *l,
		   int *lang, int *second)
{
	struct diags d = { 0 };
	int rc = langs_open(c->locales, l, &d);
	if (rc < 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "tipscreen: %zu problem%s in the translations of %s\n", d.n,
			d.n == 1 ? "" : "s", c->locales);
		diags_free(&d);
		langs_free(l);
		return EXIT_INPUT;
	}
	diags_free(&d);
	*lang = o->lang ? find_or_say(l, "--lang", o->lang) : langs_from_env(l);
	*second = o->second ? find_or_say(l, "--second", o->second) : -1;
	if (*lang < 0 || (o->second && *second < 0)) {
		langs_free(l);
		return EXIT_INPUT;
	}
	i18n_use(l->v[*lang]);
	return EXIT_OK;
}
