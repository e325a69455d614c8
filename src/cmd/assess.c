#include <stdio.h>
#include <stdlib.h>

#include "base/stanza.h"
#include "domain/assess.h"
#include "domain/langs.h"
#include "domain/national.h"
#include "domain/report.h"
#include "cmd/cmd.h"

int cmd_assess(const struct cmd_ctx *c, const struct cmd_report_opts *o, const char *file)
{
	struct diags d = { 0 };
	struct stanza_file f;
	struct assess_input in;
	struct profile *law;
	int rc = cmd_load_law(c, o->law, &law);
	if (rc != EXIT_OK)
		return rc;
	if (stanza_read(file ? file : "-", &f, &d) < 0 || inputs_parse(&f, &in, &d) < 0) {
		diags_print(&d, stderr);
		rc = EXIT_INPUT;
	} else {
		struct assessment a;
		const char *why;
		assess_run(&in, &a, &why);	/* contradictions were refused by inputs_parse */
		if (o->json) {
			national_report_json(c->out, law, &in, &a);
		} else {
			struct langs l;
			int lang, second;
			rc = cmd_load_langs(c, &o->lang, &l, &lang, &second);
			if (rc == EXIT_OK) {
				size_t n;
				struct evidence *ev = report_evidence_inputs(&in, &n);
				report_text(c->out, &a, &in, ev, n, c->width);
				if (law)
					national_print(c->out, law, &in, &a, c->width);
				free(ev);
				i18n_use(NULL);
				langs_free(&l);
			}
		}
	}
	stanza_file_free(&f);
	diags_free(&d);
	cmd_free_law(law);
	return rc;
}
