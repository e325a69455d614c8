#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/answers.h"
#include "domain/catalog.h"
#include "domain/langs.h"
#include "domain/national.h"
#include "domain/report.h"
#include "app/view.h"
#include "cmd/cmd.h"

static void print_discarded(const struct interview *iv, FILE *out)
{
	const struct deck *dk = interview_deck(iv);
	struct view_review rv;	/* the review's list of discarded answers, all of them */
	view_review(iv, &rv);
	size_t n = rv.ndiscarded;
	if (n == 1) {
		fprintf(out, "\n%s", _("Not assessed: 1 answer on a screen off the path:"));
	} else if (n) {
		char *m = xasprintf(_("Not assessed: %zu answers on screens off the path:"), n);
		fprintf(out, "\n%s", m);
		free(m);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, " %s", dk->slots[rv.discarded[i]].id);
	if (n)
		fputc('\n', out);
	view_review_free(&rv);
}

static int report(const struct cmd_ctx *c, const struct cmd_report_opts *o, struct interview *iv,
		  const struct profile *law)
{
	struct assessment a;
	struct assess_input in;
	const char *why;
	interview_inputs(iv, &in);
	if (assess_run(&in, &a, &why) < 0) {
		fprintf(stderr, "tipscreen: the answers contradict each other: %s\n", why);
		return EXIT_INPUT;
	}
	if (o->json) {
		national_report_json(c->out, law, &in, &a);
		return EXIT_OK;
	}
	struct langs l;
	int lang, second;
	if (cmd_load_langs(c, &o->lang, &l, &lang, &second) != EXIT_OK)
		return EXIT_INPUT;
	size_t n;
	struct evidence *ev = report_evidence(iv, &n);
	report_text(c->out, &a, &in, ev, n, c->width);
	if (law)
		national_print(c->out, law, &in, &a, c->width);
	free(ev);
	print_discarded(iv, c->out);
	i18n_use(NULL);
	langs_free(&l);
	return EXIT_OK;
}

int cmd_replay(const struct cmd_ctx *c, const struct cmd_report_opts *o, const char *file)
{
	struct profile *law;
	int rc = cmd_load_law(c, o->law, &law);
	if (rc != EXIT_OK)
		return rc;
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk) {
		cmd_free_law(law);
		return EXIT_INPUT;
	}
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(dk);
	if (stanza_read(file, &f, &d) < 0 || answers_apply(iv, &f, &d) < 0) {
		diags_print(&d, stderr);
		rc = EXIT_INPUT;
	} else {
		rc = report(c, o, iv, law);
	}
	stanza_file_free(&f);
	diags_free(&d);
	interview_free(iv);
	deck_free(dk);
	cmd_free_law(law);
	return rc;
}
