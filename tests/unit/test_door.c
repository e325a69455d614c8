#define _GNU_SOURCE	/* fopencookie */
/* The one door (DESIGN §9): both front ends send their inputs through the
 * session. The same interview driven through the wizard's logic and through
 * the line mode leaves the same records in the store (times aside); a
 * commit that fails (the fault VFS) never moves either front end, the
 * screen says "not saved" until a retry succeeds, and a retry then leaves
 * the records a run without faults leaves. The start screen is the view's
 * in both: the same inputs there open the same case, or none. Records that
 * differ are written, to compare, under the failing test's own temporary
 * directory, which is then kept. */
#include "bundled.h"

#include "fault.h"
#include "base/stanza.h"
#include "domain/langs.h"
#include "app/frontend.h"
#include "app/session.h"
#include "tui/keys.h"
#include "tui/page.h"
#include "tui/wizard.h"
#include "wizard_door.h"
#include "plain/plain.h"

static char err[512];

struct fx {
	char *base;
	struct store *store;
	struct interview *iv;
	struct session *ss;
	struct wizard w;
	struct view_start start;	/* the start screen's offers */
};

/* The unfinished cases the start screen offers, read again. */
static void fx_start(struct fx *f)
{
	view_start_free(&f->start);
	if (view_start(&f->start, f->store, deck, err, sizeof err) < 0)
		fail_msg("%s", err);
	f->w.start = &f->start;
}

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
	f->ss = session_new(f->iv, f->store);
	wizard_init(&f->w, f->ss, NULL);
	fx_start(f);
	return f;
}

static void fx_free(struct fx *f)
{
	wizard_free(&f->w);
	view_start_free(&f->start);
	session_free(f->ss);
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
	if (*session_id(f->ss) && store_load(f->store, session_id(f->ss), collect, &all, err, sizeof err) < 0)
		fail_msg("%s", err);
	return all;
}

/* The case's status in the store: "open", "complete". */
static const char *status(struct fx *f)
{
	static struct store_case c;
	if (store_case_info(f->store, session_id(f->ss), &c, err, sizeof err) != 0)
		fail_msg("no case %s: %s", session_id(f->ss), err);
	return c.status;
}

/* ---- the wizard, driven by its keys ------------------------------------ */

/* Keys in a few letters, separated by spaces: N Enter, B back, S stop, O
 * note, R redraw, D down, L language, G a key that does nothing here, y n
 * d x i the answer words (as the key table gives them where the focus is:
 * x is F3 in a text field), 1-9 a choice, and 't...' types the rest of the
 * word (_ for a space). */
static void wkeys(struct fx *f, const char *keys)
{
	static const struct { char c; enum action a; } table[] = {
		{ 'N', ACT_NEXT }, { 'B', ACT_BACK }, { 'S', ACT_STOP }, { 'O', ACT_NOTE },
		{ 'R', ACT_REDRAW }, { 'D', ACT_DOWN }, { 'y', ACT_YES }, { 'n', ACT_NO },
		{ 'd', ACT_DONTKNOW }, { 'x', ACT_DECLINED }, { 'i', ACT_INTENDED },
		{ 'L', ACT_LANG },
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
		if (*k != 'G')
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
	{ "O tnote_one N", "+|note one", "N" },	/* a note on act.open: "+" alone on a text screen */
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

/* The input of the line mode: one line per read, so that "#fail" and "#ok"
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
		size_t n = strcspn(s->text + s->at, "\n");
		n += s->text[s->at + n] == '\n';	/* the last line may have none */
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

/* The line mode through the one loop (frontend_run) on f's session, from
 * its start screen, on lines ("|" between them), in the languages langs
 * (NULL: English only). Its output is returned; *rc the loop's. */
static char *plain_run_lines(struct fx *f, const char *lines, const struct langs *langs, int *rc)
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
	struct frontend_opts fo = { .start = &f->start, .langs = langs, .second = -1,
				    .in = in, .out = o, .width = 80 };
	*rc = frontend_run(&plain_frontend, f->ss, &fo);
	fclose(in);
	fclose(o);
	free(s.text);
	return out;
}

/* The whole interview in the line mode, which must complete it. */
static char *plain_all(struct fx *f, const char *lines)
{
	int rc;
	char *out = plain_run_lines(f, lines, NULL, &rc);
	if (rc != FRONTEND_COMPLETE)
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

/* Keeps two records that differ in files under f's directory, which the
 * failing test leaves, and returns a message that names them. */
static const char *kept(struct fx *f, const char *a, const char *b)
{
	static char msg[1500];
	char pa[700], pb[700];
	snprintf(pa, sizeof pa, "%s/expected.txt", f->base);
	snprintf(pb, sizeof pb, "%s/got.txt", f->base);
	FILE *x = fopen(pa, "w"), *y = fopen(pb, "w");
	if (x && y) {
		fputs(a, x);
		fputs(b, y);
	}
	if (x)
		fclose(x);
	if (y)
		fclose(y);
	snprintf(msg, sizeof msg, "diff %s %s", pa, pb);
	return msg;
}

/* The wizard's records of the whole interview without faults, which a
 * retry after any fault must leave too: made on first use, so that each
 * test stands on its own, in any order. */
static const char *clean_records(void)
{
	static char *clean;
	if (!clean) {
		struct fx *w = fx_new();
		for (int i = 0; i < NSTEPS; i++)
			wkeys(w, interview[i].wizard);
		clean = records(w);
		fx_free(w);
	}
	return clean;
}

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
	if (strcmp(rw, rp) != 0)	/* too long for one message: kept to compare */
		fail_msg("the records differ: %s", kept(p, rw, rp));
	assert_string_equal(rw, clean_records());
	free(rw);
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
	if (strcmp(after, clean_records()) != 0)	/* as if the disk had never failed */
		fail_msg("step %d (%s): %s", k, interview[k].wizard, kept(f, clean_records(), after));
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
		/* the step's first line that commits fails, then everything
		 * again ("+" alone on a text screen commits with the next) */
		const char *pl = interview[k].plain;
		size_t len = strcspn(pl, "|");
		if (len == 1 && pl[0] == '+' && pl[1] == '|')
			len += 1 + strcspn(pl + 2, "|");
		char first[64];
		snprintf(first, sizeof first, "%.*s", (int)len, pl);
		char extra[100];
		snprintf(extra, sizeof extra, "#fail|%s|#ok", first);
		char *script = plain_script(k, extra);
		struct fx *f = fx_new();
		char *out = plain_all(f, script);
		if (!strstr(out, "NOT SAVED"))
			fail_msg("step %d (%s): no NOT SAVED in:\n%s", k, interview[k].plain, out);
		assert_string_equal(status(f), "complete");
		char *r = records(f);
		if (strcmp(r, clean_records()) != 0)
			fail_msg("step %d (%s): the records differ: %s", k, interview[k].plain,
				 kept(f, clean_records(), r));
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
	session_free(f->ss);
	f->ss = session_new(f->iv, f->store);
	wizard_free(&f->w);
	wizard_init(&f->w, f->ss, NULL);
	f->w.start = &f->start;
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


/* ---- the start screen, the same in both front ends -------------------- */

/* A store holding two unfinished cases, alike (so that either may be the
 * newest), to offer on the start screen. */
static struct fx *fx_with_cases(void)
{
	struct fx *f = fx_new();
	int slot = deck_slot_find(deck, "setup.role");
	struct answer a = { .kind = ANS_CHOICE, .choice = 1 };
	for (int i = 0; i < 2; i++) {
		struct interview *iv = interview_new(deck);
		struct session *s = session_new(iv, f->store);
		struct session_action begin = { .verb = DO_BEGIN };
		struct session_action give = { .verb = DO_ANSWER, .slot = slot, .answer = &a };
		assert_int_equal(session_do(s, &begin), S_MOVED);
		assert_int_equal(session_do(s, &give), S_DONE);
		session_free(s);
		interview_free(iv);
	}
	fx_start(f);
	assert_int_equal(f->start.n, 2);
	return f;
}

/* The number of cases in f's store. */
static size_t ncases(struct fx *f)
{
	size_t n;
	free(store_cases(f->store, &n, err, sizeof err));
	return n;
}

/* Where a front end ended: the row of the start screen it resumed (1-based),
 * 0 for a new case, -1 for none. */
static int opened(struct fx *f)
{
	const char *id = session_id(f->ss);
	if (!*id)
		return -1;
	for (size_t i = 0; i < f->start.n; i++)
		if (strcmp(f->start.cases[i].id, id) == 0)
			return (int)i + 1;
	return 0;
}

/* Start-screen inputs, as a line of the line mode and as the wizard's keys
 * (wkeys), then what must happen: the row resumed (opened; 0: a new case,
 * which the line mode begins with an Enter, the wizard with N after the
 * keys), and what both say of the keys (NULL: nothing to check). A 100-digit
 * line is, in the wizard, a hundred digit keys. */
static const struct {
	const char *name, *line, *keys;
	int opened;
	const char *says;
} starts[] = {
	{ "resume by number", "1", "1", 1, NULL },
	{ "an out-of-range number, then Enter", "7||", "7", 0, "Not one of the unfinished interviews" },
	{ "a 100-digit line, then Enter", NULL, NULL, 0, "Not one of the unfinished interviews" },
	{ "garbage, then Enter", "xyz||", "G", 0, "Not one of the unfinished interviews" },
	{ "a language switch, then Enter", "@es||", "L", 0, NULL },
	{ "an out-of-range number, then the input ends", "7", "7", -1, "Not one of the unfinished interviews" },
};

/* The inputs of starts[k] for the line mode and the wizard: new strings. */
static void start_inputs(int k, char **line, char **keys)
{
	if (starts[k].line) {
		*line = strdup(starts[k].line);
		*keys = strdup(starts[k].keys);
		return;
	}
	*line = calloc(1, 103);
	*keys = calloc(1, 204);
	for (int i = 0; i < 100; i++) {
		(*line)[i] = '9';
		strcat(*keys, "9 ");
	}
	strcat(*line, "||");
}

/* The same inputs on the start screen of each front end: the same case
 * opened (the same row, a new one, or none), the same records, the same
 * number of cases, the same language, and what each says of a refusal. */
static void start_both(int k, const struct langs *langs)
{
	char *line, *keys;
	start_inputs(k, &line, &keys);
	struct fx *w = fx_with_cases(), *p = fx_with_cases();
	w->w.langs = langs;
	wkeys(w, keys);
	char *wmsg = strdup(w->w.msg);
	if (starts[k].opened == 0)
		wkeys(w, "N");
	char *wl = strdup(catalog_lang(i18n_current()));
	i18n_use(NULL);
	int rc;
	char *out = plain_run_lines(p, line, langs, &rc);
	const char *plang = catalog_lang(i18n_current());
	i18n_use(NULL);
	if (opened(w) != starts[k].opened || opened(p) != starts[k].opened)
		fail_msg("%s: opened row %d (wizard) and %d (line mode), not %d:\n%s", starts[k].name,
			 opened(w), opened(p), starts[k].opened, out);
	assert_int_equal(rc, FRONTEND_LEFT);	/* the input ended in the interview */
	assert_int_equal(ncases(w), ncases(p));
	assert_int_equal(ncases(w), starts[k].opened == 0 ? 3 : 2);
	assert_string_equal(wl, plang);
	char *rw = records(w), *rp = records(p);
	if (strcmp(rw, rp) != 0)
		fail_msg("%s: the records differ: %s", starts[k].name, kept(p, rw, rp));
	if (starts[k].opened == 0)	/* no input was fed to the first question */
		assert_null(strstr(rp, "event: answer"));
	if (starts[k].says && (!strstr(out, starts[k].says) || !strstr(wmsg, starts[k].says)))
		fail_msg("%s: the line mode or the wizard ('%s') does not say '%s':\n%s", starts[k].name,
			 wmsg, starts[k].says, out);
	if (starts[k].opened == 1)
		assert_non_null(strstr(out, "Resuming interview"));
	free(rw);
	free(rp);
	free(out);
	free(wl);
	free(wmsg);
	free(line);
	free(keys);
	fx_free(w);
	fx_free(p);
}

static void test_the_start_screen_is_the_same_in_both_front_ends(void **st)
{
	(void)st;
	struct langs langs;
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &langs, &d), 0);
	diags_free(&d);
	assert_true(langs.n > 1);
	assert_string_equal(catalog_lang(langs.v[1]), "es");	/* the wizard's next language */
	for (int k = 0; k < (int)(sizeof starts / sizeof starts[0]); k++)
		start_both(k, &langs);
	langs_free(&langs);
}

/* A refused choice says so in the wizard too, and the start screen stays:
 * a number that is no row, and a key that is none of its choices. */
static void test_the_wizard_refuses_what_is_not_on_the_start_screen(void **st)
{
	(void)st;
	struct fx *f = fx_with_cases();
	wkeys(f, "7");
	assert_int_equal(f->w.mode, W_START);
	assert_non_null(strstr(f->w.msg, "choose 1 to 2"));
	f->w.msg[0] = '\0';
	wkeys(f, "G");
	assert_int_equal(f->w.mode, W_START);
	assert_non_null(strstr(f->w.msg, "Not one of the unfinished interviews"));
	wkeys(f, "2");
	assert_int_equal(f->w.mode, W_INTERVIEW);
	assert_int_equal(opened(f), 2);
	fx_free(f);
}

/* The line mode reads its start line as every other line: a line that is
 * no row is refused and asked again; nothing of it reaches the first
 * question. */
static void test_the_line_mode_asks_again_at_the_start(void **st)
{
	(void)st;
	struct fx *f = fx_with_cases();
	int rc;
	char *out = plain_run_lines(f, "1x|0|99999999999999999999|2", NULL, &rc);
	assert_int_equal(opened(f), 2);
	const char *refusal = "Not one of the unfinished interviews";
	char *at = out;
	int refused = 0;
	while ((at = strstr(at, refusal)))
		refused++, at++;
	assert_int_equal(refused, 3);
	assert_null(strstr(out, "Not understood"));
	assert_int_equal(ncases(f), 2);
	free(out);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_front_ends_leave_the_same_records),
		cmocka_unit_test(test_the_age_is_never_lost),
		cmocka_unit_test(test_a_failed_commit_never_moves_the_wizard),
		cmocka_unit_test(test_a_failed_commit_never_moves_the_line_mode),
		cmocka_unit_test(test_the_store_warning_shows_at_the_start),
		cmocka_unit_test(test_the_start_screen_is_the_same_in_both_front_ends),
		cmocka_unit_test(test_the_wizard_refuses_what_is_not_on_the_start_screen),
		cmocka_unit_test(test_the_line_mode_asks_again_at_the_start),
	};
	return cmocka_run_group_tests_name("door", tests, bundled_setup, bundled_teardown);
}
