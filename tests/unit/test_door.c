#define _GNU_SOURCE	/* fopencookie */
/* The one door (DESIGN §9): both front ends send their inputs through the
 * session. The same interview driven through the wizard's logic and through
 * the line mode leaves the same records in the store (times aside); a
 * commit that fails (the fault VFS) never moves either front end, the
 * screen says "not saved" until a retry succeeds, and a retry then leaves
 * the records a run without faults leaves. */
#include "bundled.h"

#include "fault.h"
#include "base/stanza.h"
#include "app/session.h"
#include "tui/keys.h"
#include "tui/page.h"
#include "tui/wizard.h"
#include "plain/plain.h"

static char err[512];

struct fx {
	char *base;
	struct store *store;
	struct interview *iv;
	struct session ss;
	struct wizard w;
};

static struct fx *fx_new(void)
{
	struct fx *f = calloc(1, sizeof *f);
	f->base = make_dir(NULL);
	char dir[600];
	snprintf(dir, sizeof dir, "%s/store", f->base);
	if (store_open(dir, &f->store, err, sizeof err) < 0)
		fail_msg("%s", err);
	assert_int_equal(store_set_passphrase(f->store, "correct horse", err, sizeof err), 0);
	f->iv = interview_new(deck);
	session_init(&f->ss, f->iv, f->store);
	wizard_init(&f->w, &f->ss, NULL, NULL);
	return f;
}

static void fx_free(struct fx *f)
{
	wizard_free(&f->w);
	interview_free(f->iv);
	store_close(f->store);
	rm_tree(f->base);
	free(f);
}

/* Each record of the case as "event: E\nid: I\nold: O\nnew: N\n" without
 * its time, one after another. Either record format reads: "key: value"
 * lines, or "key LEN:value" (length-prefixed, one line here). */
static int collect(void *ctx, const char *record)
{
	char **all = ctx;
	for (const char *l = record, *e; *l; l = *e ? e + 1 : e) {
		e = l + strcspn(l, "\n");
		size_t k = strcspn(l, ": ");
		if (k >= (size_t)(e - l) || k == 0 || (k == 1 && l[0] == 't'))
			continue;	/* the time, or a format line */
		const char *v = l + k + 1;
		if (*v == ' ')
			v++;
		const char *colon = v + strspn(v, "0123456789");
		if (l[k] == ' ' && colon > v && *colon == ':')
			v = colon + 1;
		size_t keylen = strncmp(l + (k > 5 ? k - 5 : 0), "-text", 5) == 0 ? k - 5 : k;
		size_t n = strlen(*all);
		*all = realloc(*all, n + keylen + (size_t)(e - v) + 4);
		sprintf(*all + n, "%.*s: %.*s\n", (int)keylen, l, (int)(e - v), v);
	}
	size_t n = strlen(*all);
	*all = realloc(*all, n + 2);
	strcpy(*all + n, "\n");
	return 0;
}

static char *records(struct fx *f)
{
	char *all = calloc(1, 1);
	if (*f->ss.id && store_load(f->store, f->ss.id, collect, &all, err, sizeof err) < 0)
		fail_msg("%s", err);
	return all;
}

/* The case's status in the store: "open", "complete". */
static const char *status(struct fx *f)
{
	static struct store_case c;
	if (store_case_info(f->store, f->ss.id, &c, err, sizeof err) != 0)
		fail_msg("no case %s: %s", f->ss.id, err);
	return c.status;
}

/* ---- the wizard, driven by its keys ------------------------------------ */

/* Keys in a few letters, separated by spaces: N Enter, B back, S stop, O
 * note, R redraw, D down, y n d x i the answer words (as the key table
 * gives them where the focus is: x is F3 in a text field), 1-9 a choice,
 * and 't...' types the rest of the word (_ for a space). */
static void wkeys(struct fx *f, const char *keys)
{
	static const struct { char c; enum action a; } table[] = {
		{ 'N', ACT_NEXT }, { 'B', ACT_BACK }, { 'S', ACT_STOP }, { 'O', ACT_NOTE },
		{ 'R', ACT_REDRAW }, { 'D', ACT_DOWN }, { 'y', ACT_YES }, { 'n', ACT_NO },
		{ 'd', ACT_DONTKNOW }, { 'x', ACT_DECLINED }, { 'i', ACT_INTENDED },
	};
	for (const char *k = keys; *k; k++) {
		if (*k == ' ')
			continue;
		struct wizard_key key = { 0 };
		if (*k == 't') {
			for (k++; *k && *k != ' '; k++) {
				struct wizard_key ch = { .op = EDIT_INSERT, .ch = *k == '_' ? ' ' : (uint32_t)*k };
				wizard_key(&f->w, &ch);
			}
			k--;
			continue;
		}
		if (*k >= '1' && *k <= '9') {
			key.action = ACT_CHOOSE;
			key.number = *k - '0';
		}
		for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
			if (table[i].c == *k)
				key.action = table[i].a;
		assert_int_not_equal(key.action, ACT_NONE);
		if (wizard_field(&f->w) == FIELD_TEXT && key.action != ACT_CHOOSE &&
		    !*keys_key(key.action, true))
			fail_msg("no key does '%c' in a text field", *k);	/* typed as text */
		wizard_key(&f->w, &key);
	}
}

/* The interview, screen by screen, for the wizard (keys) and the line mode
 * (its lines, "|" between them); the same actions in both. The multiple
 * choice is left with nothing chosen; there is a back, a note and a stop. */
static const struct {
	const char *wizard, *plain;
	const char *retry;	/* the wizard's keys again after a failed commit;
				 * NULL: the same (a typed field keeps its text) */
} interview[] = {
	{ "N", NULL, NULL },			/* the start: a new case */
	{ "2 N", "2", NULL },			/* setup.role */
	{ "1 N", "1", NULL },			/* setup.place */
	{ "N", "", NULL },			/* setup.contact: nothing chosen */
	{ "2 N", "2", NULL },			/* setup.interpreter */
	{ "y N", "y", NULL }, { "n N", "n", NULL }, { "n N", "n", NULL },	/* safety */
	{ "n N", "n", NULL },			/* safety.minor */
	{ "N", "", NULL },			/* consent.script */
	{ "y N", "y", NULL },			/* consent.agree */
	{ "t30 N", "30", "N" },			/* age.now */
	{ "B", "<", NULL },			/* back to the age */
	{ "N", "", NULL },			/* and on again, the 30 kept */
	{ "O tnote_one N", "+note one", "N" },	/* a note on act.open */
	{ "x N", "x", NULL },			/* act.open declined: F3 in the field */
	{ "B", "<", NULL },			/* back from the checklist */
	{ "tOffered_work N", "Offered work", "N" },	/* act.open */
	{ "y y n y n N", "y|y|n|y|n", NULL },	/* act.checklist */
	{ "n N", "n", NULL },			/* act.border */
	{ "S", "!", NULL },			/* stop and refer */
	{ "N", "", NULL }, { "N", "", NULL },	/* stop, referral (never the summary) */
	{ "N", "", NULL },			/* close: complete, then the finish record */
};
enum { NSTEPS = sizeof interview / sizeof interview[0] };

static void wizard_all(struct fx *f)
{
	for (int i = 0; i < NSTEPS; i++)
		wkeys(f, interview[i].wizard);
	assert_int_equal(f->w.mode, W_DONE);
}

/* ---- the line mode, from a script of lines ------------------------------ */

/* The input of plain_run: one line per read, so that "#fail" and "#ok"
 * lines turn the disk's faults on and off between two lines. */
struct script {
	char *text;
	size_t at;
};

static ssize_t script_read(void *c, char *buf, size_t size)
{
	struct script *s = c;
	for (;;) {
		if (!s->text[s->at])
			return 0;
		size_t n = strcspn(s->text + s->at, "\n") + 1;
		if (strncmp(s->text + s->at, "#fail\n", 6) == 0 || strncmp(s->text + s->at, "#ok\n", 4) == 0) {
			failing = s->text[s->at + 1] == 'f';
			s->at += n;
			continue;
		}
		if (n > size)
			n = size;
		memcpy(buf, s->text + s->at, n);
		s->at += n;
		return (ssize_t)n;
	}
}

/* Runs the line mode on lines ("|" between them); its output is returned. */
static char *plain_all(struct fx *f, const char *lines)
{
	struct script s = { strdup(lines), 0 };
	for (char *p = s.text; *p; p++)
		if (*p == '|')
			*p = '\n';
	cookie_io_functions_t io = { .read = script_read };
	FILE *in = fopencookie(&s, "r", io);
	char *out = NULL;
	size_t len = 0;
	FILE *o = open_memstream(&out, &len);
	struct plain_opts po = { NULL, NULL, 80, NULL, NULL, -1, NULL, NULL };
	assert_int_equal(session_begin(&f->ss), 0);
	int rc = plain_run(&f->ss, in, o, &po);
	fclose(in);
	fclose(o);
	free(s.text);
	if (rc != 0)
		fail_msg("the line mode did not complete the interview:\n%s", out);
	return out;
}

/* The line mode's script of the whole interview, with extra lines (NULL
 * for none) before step k's. */
static char *plain_script(int k, const char *extra)
{
	char *all = strdup("");
	for (int i = 0; i < NSTEPS; i++) {
		if (!interview[i].plain)
			continue;
		char *t;
		if (asprintf(&t, "%s%s%s%s\n", all, i == k && extra ? extra : "", i == k && extra ? "|" : "",
			     interview[i].plain) < 0)
			abort();
		free(all);
		all = t;
	}
	return all;
}

/* ---- the tests ------------------------------------------------------- */

static char *clean_records;	/* the wizard's, without faults */

static void test_both_front_ends_leave_the_same_records(void **st)
{
	(void)st;
	struct fx *w = fx_new(), *p = fx_new();
	wizard_all(w);
	char *script = plain_script(-1, NULL);
	free(plain_all(p, script));
	free(script);
	char *rw = records(w), *rp = records(p);
	assert_non_null(strstr(rw, "event: note\nid: act.open\nold: \nnew: note one\n"));
	assert_non_null(strstr(rw, "event: stop\n"));
	assert_non_null(strstr(rw, "id: act.open\nold: \nnew: declined\n"));	/* both decline text */
	assert_non_null(strstr(rw, "id: act.open\nold: declined\nnew: Offered work\n"));
	assert_null(strstr(rw, "event: answer\nid: setup.contact"));	/* nothing chosen: no answer */
	assert_non_null(strstr(rw, "event: finish\n"));
	FILE *keep = fopen("build/door-wizard.txt", "w");
	fputs(rw, keep);
	fclose(keep);
	if (strcmp(rw, rp) != 0) {	/* too long for one message: kept to compare */
		FILE *a = fopen("build/door-wizard.txt", "w"), *b = fopen("build/door-plain.txt", "w");
		fputs(rw, a);
		fputs(rp, b);
		fclose(a);
		fclose(b);
		fail_msg("the records differ: diff build/door-wizard.txt build/door-plain.txt");
	}
	clean_records = rw;
	free(rp);
	fx_free(w);
	fx_free(p);
}

/* The disk fails while keys are pressed on step k's screen: nothing moves,
 * nothing is written, the page says NOT SAVED, also after another key;
 * then the same keys work. */
static void wizard_fault_at(int k)
{
	struct fx *f = fx_new();
	for (int i = 0; i < k; i++)
		wkeys(f, interview[i].wizard);
	int at = interview_current(f->iv);
	char *before = records(f);
	failing = true;
	wkeys(f, interview[k].wizard);
	wkeys(f, "R");
	failing = false;
	if (interview_current(f->iv) != at || f->w.mode != W_INTERVIEW || !strstr(f->w.msg, "NOT SAVED"))
		fail_msg("step %d (%s): moved or did not say so: '%s'", k, interview[k].wizard, f->w.msg);
	struct page pg;
	page_build(&pg, &f->w, 80, 24);
	char *t = page_text(&pg);
	assert_non_null(strstr(t, "NOT SAVED"));
	free(t);
	page_free(&pg);
	char *mid = records(f);
	if (strcmp(before, mid) != 0)	/* nothing half-written */
		fail_msg("step %d (%s): written while the disk failed", k, interview[k].wizard);
	wkeys(f, interview[k].retry ? interview[k].retry : interview[k].wizard);
	assert_null(strstr(f->w.msg, "NOT SAVED"));
	for (int i = k + 1; i < NSTEPS; i++)
		wkeys(f, interview[i].wizard);
	assert_int_equal(f->w.mode, W_DONE);
	assert_string_equal(status(f), "complete");
	char *after = records(f);
	if (strcmp(after, clean_records) != 0) {	/* as if the disk had never failed */
		FILE *a = fopen("build/door-fault.txt", "w");
		fputs(after, a);
		fclose(a);
		fail_msg("step %d (%s): diff build/door-wizard.txt build/door-fault.txt", k,
			 interview[k].wizard);
	}
	free(before);
	free(mid);
	free(after);
	fx_free(f);
}

/* Every screen type of the interview: single, multiple, yes-no, a page,
 * number, back, text with a note and declined, checklist, stop, referral
 * (never the summary), and the last Enter, which ends the case. */
static void test_a_failed_commit_never_moves_the_wizard(void **st)
{
	(void)st;
	use_fault_vfs();
	for (int k = 1; k < NSTEPS; k++)
		wizard_fault_at(k);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* The lost answer: 30 typed on the age screen, Enter while another
 * writer... here a failing disk: the wizard stays on the age, says so. */
static void test_the_age_is_never_lost(void **st)
{
	(void)st;
	use_fault_vfs();
	struct fx *f = fx_new();
	for (int i = 0; i < 11; i++)
		wkeys(f, interview[i].wizard);
	assert_string_equal(deck->s[interview_current(f->iv)].id, "age.now");
	failing = true;
	wkeys(f, "t30 N");
	failing = false;
	assert_string_equal(deck->s[interview_current(f->iv)].id, "age.now");
	assert_non_null(strstr(f->w.msg, "NOT SAVED"));
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.now"))->kind, ANS_NONE);
	wkeys(f, "N");	/* the retry: the 30 still in the field */
	assert_string_equal(deck->s[interview_current(f->iv)].id, "act.open");
	assert_int_equal(interview_get(f->iv, deck_slot_find(deck, "age.now"))->number, 30);
	char *r = records(f);
	assert_non_null(strstr(r, "id: age.now\nold: \nnew: 30\n"));
	free(r);
	fx_free(f);
	sqlite3_vfs_unregister(&fault_vfs);
}

/* The line mode: at every step the disk fails for one try; the prompt says
 * NOT SAVED and asks again, and the retry leaves the same records. */
static void test_a_failed_commit_never_moves_the_line_mode(void **st)
{
	(void)st;
	use_fault_vfs();
	for (int k = 1; k < NSTEPS; k++) {
		if (!interview[k].plain)
			continue;
		/* the step's first line fails, then everything again */
		char first[64];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(interview[k].plain, "|"),
			 interview[k].plain);
		char extra[100];
		snprintf(extra, sizeof extra, "#fail|%s|#ok", first);
		char *script = plain_script(k, extra);
		struct fx *f = fx_new();
		char *out = plain_all(f, script);
		if (!strstr(out, "NOT SAVED"))
			fail_msg("step %d (%s): no NOT SAVED in:\n%s", k, interview[k].plain, out);
		assert_string_equal(status(f), "complete");
		char *r = records(f);
		if (strcmp(r, clean_records) != 0)
			fail_msg("step %d (%s): the records differ:\n%s\n---\n%s", k, interview[k].plain, r,
				 clean_records);
		free(r);
		free(out);
		free(script);
		fx_free(f);
	}
	sqlite3_vfs_unregister(&fault_vfs);
}

/* The store's warning (store_notice: a rollback could not be checked) is
 * the first message of both front ends. */
static void test_the_store_warning_shows_at_the_start(void **st)
{
	(void)st;
	char *state = state_home();
	struct fx *f = fx_new();
	store_close(f->store);
	char cmd[700], dir[600];
	snprintf(cmd, sizeof cmd, "rm -f '%s'/tipscreen/store-*", state);
	assert_int_equal(system(cmd), 0);	/* this laptop forgets the store */
	snprintf(dir, sizeof dir, "%s/store", f->base);
	assert_int_equal(store_open(dir, &f->store, err, sizeof err), 0);
	assert_int_equal(store_unlock(f->store, "correct horse", err, sizeof err), 0);
	char *notice = store_notice(f->store);
	assert_non_null(notice);
	session_init(&f->ss, f->iv, f->store);
	wizard_free(&f->w);
	wizard_init(&f->w, &f->ss, NULL, NULL);
	struct page pg;
	page_build(&pg, &f->w, 80, 24);
	char *t = page_text(&pg), want[600];
	snprintf(want, sizeof want, "Warning: %.40s", notice);
	if (!strstr(t, want))
		fail_msg("the wizard's start does not show '%s':\n%s", want, t);
	free(t);
	page_free(&pg);
	char *script = plain_script(-1, NULL);
	char *out = plain_all(f, script);
	if (!strstr(out, want))
		fail_msg("the line mode does not show '%s':\n%.600s", want, out);
	free(out);
	free(script);
	free(notice);
	fx_free(f);
	state_home_remove(state);
}

static int teardown(void **st)
{
	free(clean_records);
	return bundled_teardown(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_front_ends_leave_the_same_records),
		cmocka_unit_test(test_the_age_is_never_lost),
		cmocka_unit_test(test_a_failed_commit_never_moves_the_wizard),
		cmocka_unit_test(test_a_failed_commit_never_moves_the_line_mode),
		cmocka_unit_test(test_the_store_warning_shows_at_the_start),
	};
	return cmocka_run_group_tests_name("door", tests, bundled_setup, teardown);
}
