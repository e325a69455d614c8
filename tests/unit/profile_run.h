/* Law profiles in unit tests: the inputs of an `assess` stanza, the
 * Protocol's assessment and the assessment under a bundled profile (struct
 * run), and what the latter cites and says. Tests run from the top of the
 * tree. */
#ifndef TIPSCREEN_PROFILE_RUN_H
#define TIPSCREEN_PROFILE_RUN_H

#include "testutil.h"

#include "domain/assess.h"
#include "domain/national.h"
#include "domain/profile.h"

/* Inputs from "key: value" lines, as `assess` reads them. */
static void inputs_of(const char *text, struct assess_input *in)
{
	struct stanza_file f;
	struct diags d = { 0 };
	assert_int_equal(stanza_parse("test", text, strlen(text), &f, &d), 0);
	assert_int_equal(inputs_parse(&f, in, &d), 0);
	stanza_file_free(&f);
	diags_free(&d);
}

struct run {
	struct profile p;
	struct assess_input in;
	struct assessment a;
	struct national n;
};

static void run_under(struct run *r, const char *id, const char *inputs)
{
	char path[128];
	snprintf(path, sizeof path, "screens/law/profiles/%s.profile", id);
	struct diags d = { 0 };
	if (profile_load(path, &r->p, &d) < 0) {
		char *t = diags_text(&d);
		fail_msg("%s does not load:\n%s", path, t);
	}
	diags_free(&d);
	inputs_of(inputs, &r->in);
	const char *why;
	assert_int_equal(assess_run(&r->in, &r->a, &why), 0);
	national_assess(&r->p, &r->in, &r->a, &r->n);
}

static void run_free(struct run *r)
{
	national_free(&r->n);
	profile_free(&r->p);
}

static bool cites(const struct national *n, const char *id)
{
	for (size_t i = 0; i < n->p->nprov; i++)
		if (n->cite[i] && strcmp(n->p->prov[i].id, id) == 0)
			return true;
	return false;
}

static bool says(const struct national *n, const char *words)
{
	for (size_t i = 0; i < n->ndiff; i++)
		if (strstr(n->diff[i], words))
			return true;
	return false;
}

#endif
