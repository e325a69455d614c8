#define _GNU_SOURCE /* asprintf */
/* Golden screens: each kind of screen painted by the real curses code on a
 * virtual terminal (newterm on /dev/null) at 80x24 and 40x12, dumped as
 * text and compared with tests/tui/golden/NAME-COLSxLINES.txt.
 * GOLDEN_UPDATE=1 rewrites the files (review the diff before committing). */
#include "testutil.h"

#include <curses.h>
#include <time.h>
#include <wchar.h>

#include "domain/answers.h"
#include "domain/catalog.h"
#include "domain/lint.h"
#include "tui/page.h"
#include "tui/pass.h"
#include "tui/tui.h"
#include "tui/wizard.h"
#include "wizard_door.h"

static struct deck *deck;
static struct contacts contacts;
static SCREEN *scr;
static FILE *out, *in;

static int setup(void **st)
{
	utf8_locale(st);
	struct diags d = { 0 };
	deck = deck_load("screens", &d);
	contacts_load("screens/contacts.example", &contacts, &d);
	diags_free(&d);
	setenv("TERM", "xterm-256color", 1);
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	scr = newterm(NULL, out, in);
	if (!scr)
		return -1;
	tui_theme(COLOR_NEVER);
	return deck ? 0 : -1;
}

static int teardown(void **st)
{
	(void)st;
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	contacts_free(&contacts);
	deck_free(deck);
	return 0;
}

/* The virtual screen as UTF-8 text, trailing spaces dropped, then the
 * cursor position. */
static char *dump(void)
{
	char *buf = NULL;
	size_t len = 0;
	int cy, cx;
	getyx(stdscr, cy, cx);	/* before reading moves it */
	FILE *f = open_memstream(&buf, &len);
	for (int y = 0; y < LINES; y++) {
		wchar_t row[512];
		int n = mvinnwstr(y, 0, row, 511)	/* combining marks count too */;
		if (n < 0)
			n = 0;
		row[n] = L'\0';
		while (n > 0 && row[n - 1] == L' ')
			row[--n] = L'\0';
		fprintf(f, "%ls\n", row);
	}
	fprintf(f, "-- cursor %d,%d\n", cy, cx);
	fclose(f);
	return buf;
}

/* Wide and combining characters take their columns and no more: no row is
 * wider than the screen, and the title's element bar ends in its last
 * column but one (a space follows it). */
static void assert_aligned(const struct page *p)
{
	int cy, cx;
	getyx(stdscr, cy, cx);	/* reading moves the cursor: put it back */
	for (int y = 0; y < LINES && !p->too_small; y++) {
		wchar_t row[512];
		int n = mvinnwstr(y, 0, row, 511)	/* combining marks count too */;
		row[n > 0 ? n : 0] = L'\0';
		while (n > 0 && row[n - 1] == L' ')
			row[--n] = L'\0';
		int w = wcswidth(row, (size_t)n);
		bool bar = y == 0 && wcschr(row, L'[') && !p->rtl;	/* the element bar */
		if (w < 0 || w > COLS || (bar && w != COLS - 1))
			fail_msg("row %d is %d columns wide on a %d-column screen: %ls\n(page: %s)", y, w,
				 COLS, row, p->title.text);
	}
	move(cy, cx);
}

static void compare(const char *name, int cols, int lines);

static void golden(struct wizard *w, const char *name, int cols, int lines)
{
	resizeterm(lines, cols);
	struct page p;
	page_build(&p, w, COLS, LINES);
	tui_paint(&p, false);
	assert_aligned(&p);
	page_free(&p);
	compare(name, cols, lines);
}

/* The virtual screen against its golden file. */
static void compare(const char *name, int cols, int lines)
{
	char *got = dump();
	char path[256];
	snprintf(path, sizeof path, "tests/tui/golden/%s-%dx%d.txt", name, cols, lines);
	if (getenv("GOLDEN_UPDATE")) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(got, f);
		fclose(f);
	}
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("no golden file %s (run with GOLDEN_UPDATE=1)", path);
	char want[16384];
	size_t n = fread(want, 1, sizeof want - 1, f);
	want[n] = '\0';
	fclose(f);
	if (strcmp(want, got) != 0)
		fail_msg("%s differs from the screen:\n%s", path, got);
	free(got);
}

/* A wizard on the bundled deck with the answers given (answers-file form),
 * shown on the screen named at. */
struct state {
	struct interview *iv;
	struct session *ss;
	struct wizard w;
};

static void state_at(struct state *s, const char *answers, const char *at)
{
	s->iv = interview_new(deck);
	struct diags d = { 0 };
	struct stanza_file f;
	assert_int_equal(stanza_parse("answers", answers, strlen(answers), &f, &d), 0);
	assert_int_equal(answers_apply(s->iv, &f, &d), 0);
	stanza_file_free(&f);
	diags_free(&d);
	s->ss = session_new(s->iv, NULL);
	struct frontend_opts o = { .contacts = &contacts,
				    .contacts_path = "~/.config/tipscreen/contacts", .second = -1 };
	wizard_init(&s->w, s->ss, &o);
	struct wizard_key enter = { .action = ACT_NEXT };
	if (at) {
		wizard_key(&s->w, &enter);	/* leave the start screen */
		assert_true(interview_goto(s->iv, deck_screen_find(deck, at)));
		struct wizard_key redraw = { .action = ACT_REDRAW };
		wizard_key(&s->w, &redraw);	/* the wizard takes the new screen */
	}
}

static void state_free(struct state *s)
{
	wizard_free(&s->w);
	session_free(s->ss);
	interview_free(s->iv);
}

static const char safe[] =
	"setup.role: ngo\nsetup.place: shelter\nsetup.contact: self referral\n"
	"setup.interpreter: professional\nsafety.private: yes\nsafety.controller: no\n"
	"safety.danger: no\nsafety.minor: no\nconsent.agree: yes\n";

static const char full[] =
	"setup.role: ngo\nsetup.place: shelter\nsetup.contact: self referral\n"
	"setup.interpreter: professional\nsafety.private: yes\nsafety.controller: no\n"
	"safety.danger: no\nsafety.minor: no\nconsent.agree: yes\nage.now: 22\nage.at-act: 16\n"
	"act.open: A cousin found the job and drove me here.\n"
	"act.recruited: yes\nact.moved: yes\nact.handed-over: no\nact.harboured: yes\n"
	"act.received: dontknow\nact.border: no\nmeans.open: The boss keeps my papers.\n"
	"means.threatened: yes\nmeans.documents-withheld: yes\nmeans.agreed: yes\n"
	"purpose.open: Cleaning, no pay.\npurpose.child-hazardous: yes\npurpose.servitude: intended\n";

static void both(struct state *s, const char *name)
{
	golden(&s->w, name, 80, 24);
	golden(&s->w, name, 40, 12);
}

static void test_start(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, "", NULL);
	both(&s, "start");
	state_free(&s);
}

/* At 40x12 the start shows its offers first, the rest a scroll away, and
 * F1's help scrolls. */
static void test_start_resume_and_help_at_40x12(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, "", NULL);
	struct view_resume cases[2] = {
		{ "00000000000000a1", "1970-01-01 00:00", deck_screen_find(deck, "act.checklist"), 20, 2, 0 },
		{ "00000000000000a2", "1970-01-01 00:00", -1, 0, -1, -1 } };
	struct view_start v = { cases, 2 };
	s.w.start = &v;
	golden(&s.w, "start-resume", 40, 12);
	struct wizard_key k = { .action = ACT_HELP };
	wizard_key(&s.w, &k);
	golden(&s.w, "help-start", 40, 12);
	k.action = ACT_PAGE_DOWN;
	wizard_key(&s.w, &k);
	golden(&s.w, "help-start-pgdn", 40, 12);
	state_free(&s);
}

static void test_single_choice(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, "setup.role: labour\n", "setup.role");
	both(&s, "single");
	state_free(&s);
}

static void test_multiple_choice(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, "setup.contact: inspection third-party\n", "setup.contact");
	both(&s, "multi");
	state_free(&s);
}

static void test_yes_no(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, safe, "safety.controller");
	both(&s, "yesno");
	state_free(&s);
}

static void test_yes_no_with_panel(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, safe, "safety.private");
	struct wizard_key tab = { .action = ACT_PANEL };
	wizard_key(&s.w, &tab);
	both(&s, "panel");
	state_free(&s);
}

static void test_number(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "age.at-act");
	both(&s, "number");
	state_free(&s);
}

static void test_text(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "act.open");
	both(&s, "text");
	state_free(&s);
}

static void test_checklist(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "purpose.checklist");
	both(&s, "checklist");
	state_free(&s);
}

static void test_note(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, safe, "consent.script");
	both(&s, "note");
	state_free(&s);
}

static void test_review(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "review");
	both(&s, "review");
	state_free(&s);
}

static void test_summary(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "summary");
	both(&s, "summary");
	struct wizard_key pgdn = { .action = ACT_PAGE_DOWN };
	for (int i = 0; i < 3; i++)
		wizard_key(&s.w, &pgdn);
	golden(&s.w, "summary-law", 80, 24);
	state_free(&s);
}

/* The attributes of the cells where text is found on the screen; A_NORMAL
 * if it is not there. */
static attr_t attr_at(const char *text)
{
	wchar_t want[128];
	swprintf(want, 128, L"%s", text);
	for (int y = 0; y < LINES; y++) {
		wchar_t row[512];
		int n = mvinnwstr(y, 0, row, 511)	/* combining marks count too */;
		row[n > 0 ? n : 0] = L'\0';
		wchar_t *hit = wcsstr(row, want);
		if (hit)
			return mvinch(y, (int)(hit - row)) & A_ATTRIBUTES;
	}
	fail_msg("'%s' is not on the screen", text);
	return 0;
}

/* The words of the law that the answers matched are highlighted, the others
 * not: recruitment and transportation were answered yes, transfer no. */
static void test_summary_highlights_matched_words(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "summary");
	resizeterm(24, 120);
	struct page p;
	page_build(&p, &s.w, COLS, LINES);
	for (int i = 0; i < p.nbody; i++)
		if (strstr(p.body[i].text, "shall mean the recruitment"))
			s.w.scroll = i;	/* scroll to the quote of Article 3(a) */
	page_free(&p);
	page_build(&p, &s.w, COLS, LINES);
	tui_paint(&p, false);
	page_free(&p);
	assert_true(attr_at("recruitment, transportation") & A_REVERSE);
	assert_true(attr_at("transportation, transfer") & A_REVERSE);
	assert_false(attr_at("transfer, harbouring") & A_REVERSE);
	/* On a terminal that is not UTF-8 the text is transliterated, and the
	 * highlights stay on their words. */
	s.w.ascii = true;
	page_build(&p, &s.w, COLS, LINES);
	tui_paint(&p, true);
	page_free(&p);
	assert_true(attr_at("recruitment, transportation") & A_REVERSE);
	assert_false(attr_at("transfer, harbouring") & A_REVERSE);
	state_free(&s);
}

static void test_referral(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, full, "referral");
	both(&s, "referral");
	state_free(&s);
}

static void test_stop(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, "safety.private: no\n", "stop");
	both(&s, "stop");
	state_free(&s);
}

/* A language of wide (CJK) characters, one written right to left (Arabic:
 * reordered, shaped, right-aligned) and one with combining marks
 * (Vietnamese, decomposed): the question, choices, help panel, title and
 * legend, and a text field holding such text, at 80x24 and 40x12. */
static void test_wide_and_combining_text(void **st)
{
	(void)st;
	static const struct { const char *lang, *typed; } langs[] = {
		{ "zh", "act.open: 我表哥找到了这份工作并开车送我来这里。\n" },
		{ "ar", "act.open: وجد ابن عمي العمل وأوصلني إلى هنا.\n" },
		{ "vi", "act.open: Anh ho\314\243 to\314\202i ti\314\200m vie\314\243\314\202c va\314\200 cho\314\233\314\211 to\314\202i \304\221e\314\202\314\201n \304\221a\314\202y.\n" },
	};
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		char path[64], name[32];
		snprintf(path, sizeof path, "tests/locales/%s.po", langs[i].lang);
		struct diags d = { 0 };
		struct catalog *c = catalog_load(path, &d);
		assert_non_null(c);
		i18n_use(c);
		struct state s;
		state_at(&s, "setup.role: ngo\n", "setup.role");
		struct wizard_key tab = { .action = ACT_PANEL };
		wizard_key(&s.w, &tab);
		snprintf(name, sizeof name, "%s-single", langs[i].lang);
		both(&s, name);
		state_free(&s);
		char *answers = NULL;
		assert_true(asprintf(&answers, "%sage.at-act: 30\n%s", safe, langs[i].typed) > 0);
		state_at(&s, answers, "act.open");
		free(answers);
		snprintf(name, sizeof name, "%s-text", langs[i].lang);
		both(&s, name);
		state_free(&s);
		i18n_use(NULL);
		catalog_free(c);
	}
}

/* The passphrase screen: what is typed shows only as '*'. */
static void golden_pass(const struct pass *ps, const char *name, int cols, int lines)
{
	resizeterm(lines, cols);
	struct page p;
	page_build_pass(&p, ps, false, COLS, LINES);
	tui_paint(&p, false);
	assert_aligned(&p);
	char *t = page_text(&p);
	assert_null(strstr(t, "hunter"));
	free(t);
	page_free(&p);
	compare(name, cols, lines);
}

static void test_passphrase(void **st)
{
	(void)st;
	struct pass ps;
	pass_init(&ps);
	pass_ready(&ps, false);
	for (const char *c = "hunter22"; *c; c++) {
		struct wizard_key k = { .op = EDIT_INSERT, .ch = (unsigned char)*c };
		pass_key(&ps, &k);
	}
	golden_pass(&ps, "passphrase", 80, 24);
	golden_pass(&ps, "passphrase", 40, 12);
	pass_init(&ps);
	pass_ready(&ps, true);
	struct wizard_key k = { .op = EDIT_INSERT, .ch = 'h' };
	pass_key(&ps, &k);
	struct wizard_key enter = { .action = ACT_NEXT };
	assert_int_equal(pass_key(&ps, &enter), PASS_REDRAW);	/* too short: asked again */
	golden_pass(&ps, "passphrase-new", 80, 24);
	golden_pass(&ps, "passphrase-new", 40, 12);
	pass_clear(&ps);
}

static void test_too_small(void **st)
{
	(void)st;
	struct state s;
	state_at(&s, safe, "safety.private");
	golden(&s.w, "small", 30, 10);
	golden(&s.w, "small", 20, 6);
	state_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_start_resume_and_help_at_40x12),
		cmocka_unit_test(test_single_choice),
		cmocka_unit_test(test_multiple_choice),
		cmocka_unit_test(test_yes_no),
		cmocka_unit_test(test_yes_no_with_panel),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_checklist),
		cmocka_unit_test(test_note),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_summary_highlights_matched_words),
		cmocka_unit_test(test_referral),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_wide_and_combining_text),
		cmocka_unit_test(test_passphrase),
		cmocka_unit_test(test_too_small),
	};
	return cmocka_run_group_tests_name("screens", tests, setup, teardown);
}
