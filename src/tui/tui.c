#include "tui/tui.h"

#include <curses.h>
#include <sodium.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "base/sigexit.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "tui/bidi.h"
#include "tui/keys.h"
#include "tui/pass.h"
#include "tui/wizard.h"

/* Each style: a colour pair (foreground, -1 default background) for colour
 * terminals, and the attributes used with and without colour. Focus and the
 * progress mark never rely on colour alone. */
static const struct {
	short fg;
	attr_t color_attr, mono_attr;
} theme[S_COUNT] = {
	[S_NORMAL] = { -1, A_NORMAL, A_NORMAL },
	[S_TITLE] = { -1, A_REVERSE, A_REVERSE },
	[S_QUESTION] = { -1, A_BOLD, A_BOLD },
	[S_FOCUS] = { -1, A_REVERSE, A_REVERSE },
	[S_CHOSEN] = { COLOR_GREEN, A_BOLD, A_BOLD },
	[S_DIM] = { COLOR_CYAN, A_NORMAL, A_NORMAL },
	[S_MARK] = { COLOR_YELLOW, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE },
	[S_MSG] = { COLOR_RED, A_BOLD, A_BOLD },
	[S_MET] = { COLOR_GREEN, A_BOLD, A_BOLD },
	[S_NOT_MET] = { COLOR_RED, A_BOLD, A_BOLD },
	[S_UNCLEAR] = { COLOR_YELLOW, A_NORMAL, A_UNDERLINE },
};

static bool use_color;

void tui_theme(enum color_mode mode)
{
	const char *no = getenv("NO_COLOR");
	use_color = mode == COLOR_ALWAYS || (mode == COLOR_AUTO && !(no && *no));
	use_color = use_color && has_colors() && start_color() == OK;
	if (!use_color)
		return;
	use_default_colors();
	for (int s = 0; s < S_COUNT; s++)
		if (theme[s].fg >= 0)
			init_pair((short)(s + 1), theme[s].fg, -1);
}

static attr_t attr_of(enum style s)
{
	if (!use_color)
		return theme[s].mono_attr;
	return theme[s].color_attr | (theme[s].fg >= 0 ? COLOR_PAIR(s + 1) : 0);
}

/* The longest prefix of s that fits cols columns, in bytes. */
static size_t fit(const char *s, int cols)
{
	size_t i = 0, n = strlen(s);
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1, cp = '?';
		int cw = text_cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
}

static void put(int y, int x, const char *s, size_t n, attr_t a)
{
	attrset(a);
	mvaddnstr(y, x, s, (int)n);
}

static void paint_row(int y, int x, const struct row *r, int cols, bool ascii, bool fill)
{
	char *conv = ascii ? text_convert(r->text, "UTF-8", "ASCII") : NULL;
	const char *t = conv ? conv : r->text;
	size_t n = fit(t, cols - x);
	attr_t base = attr_of(r->style);
	put(y, x, t, n, base);
	if (fill) {
		int w = x + text_width(t);
		for (attrset(base); w < cols; w++)
			mvaddch(y, w, ' ');
	}
	/* Spans are offsets into the row's text: kept when the conversion left
	 * it as it was (page.c transliterates before it places spans). */
	bool spans_hold = !conv || strcmp(conv, r->text) == 0;
	for (int i = 0; i < r->nspans && spans_hold; i++) {
		const struct span *s = &r->spans[i];
		if (s->start >= n)
			continue;
		char *head = xstrndup(t, s->start);
		int col = x + text_width(head);
		free(head);
		put(y, col, t + s->start, s->start + s->len > n ? n - s->start : s->len,
		    attr_of(s->style) | (r->style == S_TITLE ? A_REVERSE : 0));
	}
	attrset(A_NORMAL);
	free(conv);
}

/* The attribute of the character at byte offset off of a row. */
static attr_t attr_at(const struct row *r, size_t off, attr_t base)
{
	for (int i = 0; i < r->nspans; i++)
		if (off >= r->spans[i].start && off < r->spans[i].start + r->spans[i].len)
			return attr_of(r->spans[i].style) | (r->style == S_TITLE ? A_REVERSE : 0);
	return base;
}

/* A right-to-left row: cut to fit in logical order, then reordered and
 * shaped (bidi.c), right-aligned against cols, each character in the
 * attribute of its logical position. Returns the screen column of the
 * character at logical column want (counted from x), or -1. */
static int paint_rtl(int y, int x, const struct row *r, int cols, bool fill, int want)
{
	char *t = xstrndup(r->text, fit(r->text, cols - x));
	struct bidi_row v;
	if (bidi_visual(t, &v) < 0) {
		free(t);
		return -1;
	}
	size_t want_off = (size_t)-1;	/* the byte offset at logical column want */
	for (size_t i = 0, n = strlen(t); want >= 0 && i <= n;) {
		char *head = xstrndup(t, i);
		int w = text_width(head);
		free(head);
		uint32_t cp;
		size_t k = i < n ? text_decode(t + i, n - i, &cp) : 0;
		if (w >= want || k == 0) {
			want_off = i;
			break;
		}
		i += k;
	}
	int width = 0;
	for (size_t i = 0; i < v.n; i++)
		width += text_cp_width(v.cp[i]);
	int col = cols - width > x ? cols - width : x, at = -1;
	attr_t base = attr_of(r->style);
	if (fill)
		for (attrset(base), move(y, x); getcurx(stdscr) < col;)
			addch(' ');
	wchar_t run[512];
	size_t nrun = 0;
	int runcol = col;
	attr_t runattr = base;
	for (size_t i = 0; i <= v.n; i++) {
		int cw = i < v.n ? text_cp_width(v.cp[i]) : 0;
		attr_t a = i < v.n && cw > 0 ? attr_at(r, v.from[i], base) : runattr;
		if (nrun && (i == v.n || a != runattr || nrun >= 510)) {
			attrset(runattr);
			mvaddnwstr(y, runcol, run, (int)nrun);
			runcol = col;
			nrun = 0;
		}
		if (i == v.n)
			break;
		if (i < v.n && v.from[i] == want_off)
			at = col;
		runattr = a;
		run[nrun++] = (wchar_t)v.cp[i];
		col += cw;
	}
	attrset(A_NORMAL);
	bidi_row_free(&v);
	free(t);
	return at;
}

static void paint_small(const struct page *p)
{
	const char *l1 = _("Terminal too small");
	char l2[160];
	snprintf(l2, sizeof l2, _("Need %dx%d or more"), PAGE_MIN_COLS, PAGE_MIN_LINES);
	int y = p->height / 2 - 1;
	attrset(A_BOLD);
	mvaddnstr(y > 0 ? y : 0, 0, l1, p->width);
	attrset(A_NORMAL);
	if (p->height > 1)
		mvaddnstr(y + 1 > 0 ? y + 1 : 1, 0, l2, p->width);
}

/* A row and where it goes: line y, from column x to column cols. */
struct placed {
	int y, x;
	const struct row *r;
	int cols;
	bool fill;	/* the title: its style fills the whole line */
};

void tui_paint(const struct page *p, bool ascii)
{
	erase();
	if (p->too_small) {
		paint_small(p);
		return;
	}
	struct placed *rows = xmalloc((size_t)(p->height + 4) * sizeof *rows);	/* a row a line */
	int n = 0;
	rows[n++] = (struct placed){ 0, 0, &p->title, p->width, true };
	int y = 1;
	if (p->more_up.text)
		rows[n++] = (struct placed){ y++, 2, &p->more_up, p->width - 2, false };
	for (int i = 0; i < p->shown; i++)
		rows[n++] = (struct placed){ y++, 2, &p->body[p->top + i], p->width - 2, false };
	if (p->more_down.text)
		rows[n++] = (struct placed){ y, 2, &p->more_down, p->width - 2, false };
	for (int i = 0; i < p->panel_lines; i++)
		rows[n++] = (struct placed){ 1 + p->body_lines + i, 2, &p->panel[i], p->width - 2, false };
	rows[n++] = (struct placed){ p->height - 2, 0, &p->msg, p->width, false };
	rows[n++] = (struct placed){ p->height - 1, 0, &p->legend, p->width, false };
	int cursor_col = p->cursor_col;
	for (int i = 0; i < n; i++) {
		if (!p->rtl) {
			paint_row(rows[i].y, rows[i].x, rows[i].r, rows[i].cols, ascii, rows[i].fill);
			continue;
		}
		bool cur = rows[i].y == p->cursor_row;
		int at = paint_rtl(rows[i].y, rows[i].x, rows[i].r, rows[i].cols, rows[i].fill,
				   cur ? p->cursor_col - rows[i].x : -1);
		if (cur && at >= 0)
			cursor_col = at;
	}
	if (p->cursor_row >= 0)
		move(p->cursor_row, cursor_col);
	free(rows);
}

/* ---- the terminal ---------------------------------------------------- */

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Leaves no question or answer on the screen: blanked before endwin, and
 * where the terminal has no alternate screen (TERM=linux), the screen and
 * its scrollback cleared too. */
static void leave(void)
{
	if (isendwin())
		return;
	/* Overwrite every cell first: a terminal that copies a cleared screen
	 * into its scrollback (tmux's scroll-on-clear) then keeps only dots. */
	attrset(A_NORMAL);
	for (int y = 0; y < LINES; y++)
		mvhline(y, 0, '.', COLS);
	refresh();
	erase();
	refresh();
	const char *smcup = tigetstr("smcup");
	bool alt = smcup && smcup != (char *)-1 && *smcup;
	endwin();
	if (!alt) {
		fputs("\033[H\033[2J\033[3J", stdout);
		fflush(stdout);
	}
}

bool tui_usable(const char **why)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = "input or output is not a terminal";
		return false;
	}
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		*why = "TERM is not set, or is dumb";
		return false;
	}
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		*why = "the terminal type is unknown";
		return false;
	}
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1 && *cup;
	del_curterm(cur_term);
	if (!ok)
		*why = "the terminal cannot move the cursor";
	return ok;
}

static bool opened;	/* curses holds the terminal */

int tui_stopped(void)
{
	return stop_signal;
}

void tui_open(enum color_mode color)
{
	if (opened)
		return;
	opened = true;
	sigexit_catch(on_signal);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Home and End as the common terminals send them, whatever TERM says
	 * (tmux and screen send \e[1~ where xterm's terminfo has \eOH): an
	 * unknown sequence would read as Esc, which goes back. */
	static const struct { const char *seq; int key; } extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[H", KEY_HOME },
		{ "\033[F", KEY_END }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
	set_escdelay(25);
	timeout(200);	/* to notice signals while waiting for a key */
	tui_theme(color);
	xalloc_set_oom_handler(leave);
}

void tui_close(void)
{
	if (opened)
		leave();
	opened = false;
}

/* Maps a key to what it means in a field of kind f. */
static struct wizard_key translate(enum wizard_field f, wint_t ch, bool fkey)
{
	struct wizard_key k = { 0 };
	if (f != FIELD_NONE) {
		if (fkey) {
			switch (ch) {
			case KEY_LEFT: k.op = EDIT_LEFT; return k;
			case KEY_RIGHT: k.op = EDIT_RIGHT; return k;
			case KEY_HOME: k.op = EDIT_HOME; return k;
			case KEY_END: k.op = EDIT_END; return k;
			case KEY_BACKSPACE: k.op = EDIT_BACKSPACE; return k;
			case KEY_DC: k.op = EDIT_DELETE; return k;
			default: break;
			}
		} else if (ch == 127 || ch == 8) {
			k.op = EDIT_BACKSPACE;
			return k;
		} else if (ch >= ' ' && !(f == FIELD_DIGITS && (ch < '0' || ch > '9'))) {
			k.op = EDIT_INSERT;
			k.ch = (uint32_t)ch;
			return k;
		}
	}
	k.action = keys_action(ch, fkey, f == FIELD_TEXT, &k.number);
	return k;
}

static void draw(struct wizard *w, bool ascii)
{
	struct page p;
	page_build(&p, w, COLS, LINES);
	tui_paint(&p, ascii);
	curs_set(p.cursor_row >= 0 ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
	page_free(&p);
}

/* Quick hide: blank at once, then wait for any key on an empty screen. */
static void hide(void)
{
	erase();
	curs_set(0);
	refresh();
	wint_t ch;
	while (!stop_signal && get_wch(&ch) == ERR)
		;
	flushinp();
}

/* ---- the passphrase screen ------------------------------------------- */

static void draw_pass(const struct pass *ps, bool ascii)
{
	struct page p;
	page_build_pass(&p, ps, ascii, COLS, LINES);
	tui_paint(&p, ascii);
	curs_set(p.cursor_row >= 0 ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
	page_free(&p);
}

/* One key of the passphrase screen, as pass.c takes it: on a terminal
 * that is not UTF-8 the bytes are kept as typed. ERR when none came. */
static int pass_read(struct pass *ps, bool ascii, enum pass_result *res)
{
	wint_t ch;
	int r;
	if (ascii) {
		int c = getch();
		if (c == ERR)
			return ERR;
		if (c >= 0x80 && c < 0x100) {
			*res = pass_byte(ps, (unsigned char)c);
			return OK;
		}
		ch = (wint_t)c;
		r = c >= KEY_MIN ? KEY_CODE_YES : OK;
	} else if ((r = get_wch(&ch)) == ERR) {
		return ERR;
	}
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		*res = PASS_REDRAW;
		return OK;
	}
	struct wizard_key k = translate(FIELD_TEXT, ch, r == KEY_CODE_YES);
	*res = pass_key(ps, &k);
	return OK;
}

/* Tries what was typed on the store: "Checking the passphrase..." shows
 * while Argon2id works. Keys typed meanwhile are kept: after a wrong try
 * they are the next try (someone who knows the check is slow types on). */
static enum tui_unlocked try_pass(struct pass *ps, const struct tui_unlock *u, bool set,
				  bool ascii)
{
	snprintf(ps->msg, sizeof ps->msg, "%s", _("Checking the passphrase..."));
	draw_pass(ps, ascii);
	int rc = u->unlock(u->ctx, ps->buf, set);
	ps->msg[0] = '\0';
	if (rc == 0)
		return TUI_UNLOCKED;
	if (set)
		return TUI_FAILED;
	return pass_wrong(ps) ? TUI_PENDING : TUI_WRONG;
}

int tui_unlock(const struct tui_unlock *u, bool ascii)
{
	/* The screen first, before anything slow: drawn from an empty field, so
	 * nothing secret is outside the guarded buffer (sodium's) made after. */
	struct pass empty;
	pass_init(&empty);
	empty.utf8 = !ascii;
	draw_pass(&empty, ascii);
	struct pass *ps = sodium_init() >= 0 ? sodium_malloc(sizeof *ps) : NULL;
	if (!ps)
		return TUI_FAILED;
	*ps = empty;
	bool new_store;
	int rc = u->load(u->ctx, &new_store) == 0 ? TUI_PENDING : TUI_FAILED;
	if (rc == TUI_PENDING) {
		pass_ready(ps, new_store);
		draw_pass(ps, ascii);
	}
	while (rc == TUI_PENDING && !stop_signal) {
		enum pass_result res = PASS_NONE;
		if (pass_read(ps, ascii, &res) == ERR)
			continue;
		if (res == PASS_HIDE)
			hide();
		else if (res == PASS_QUIT)
			rc = TUI_LEFT;
		else if (res == PASS_UNLOCK || res == PASS_SET)
			rc = try_pass(ps, u, res == PASS_SET, ascii);
		if (rc == TUI_PENDING && res != PASS_NONE)
			draw_pass(ps, ascii);
	}
	pass_clear(ps);
	sodium_free(ps);	/* wipes it */
	return stop_signal ? 128 + stop_signal : rc;
}

/* ---- the wizard, as a front end (app/frontend.h) ------------------------ */

/* Bytes typed on a terminal whose charset is not UTF-8, until they make a
 * character of that charset. */
struct typed {
	char buf[8];
	size_t n;
};

struct tui_fe {
	struct wizard w;
	struct typed in;
	const char *charset;	/* the terminal's, when ascii */
	int flags;		/* W_*: what to do before the next key */
};

/* A key as get_wch gives it. On a terminal that is not UTF-8 the bytes are
 * read one by one and converted from its charset, so that typed text
 * arrives as Unicode (get_wch would take them for broken UTF-8). */
static int read_key(struct tui_fe *fe, wint_t *ch)
{
	struct typed *t = &fe->in;
	if (!fe->w.ascii)
		return get_wch(ch);
	int c = getch();
	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN || c < 0x80) {
		t->n = 0;
		*ch = (wint_t)c;
		return c >= KEY_MIN ? KEY_CODE_YES : OK;
	}
	t->buf[t->n++] = (char)c;
	t->buf[t->n] = '\0';
	char *u = text_convert(t->buf, fe->charset, "UTF-8");
	uint32_t cp = 0;
	size_t k = u ? text_decode(u, strlen(u), &cp) : 0;
	free(u);
	if (k == 0 && t->n < 4)
		return ERR;	/* more bytes to come (a multibyte charset) */
	t->n = 0;
	*ch = k ? (wint_t)cp : 0xFFFD;
	return OK;
}

static void *fe_open(struct session *s, const struct frontend_opts *o)
{
	struct tui_fe *fe = xcalloc(1, sizeof *fe);
	struct wizard *w = &fe->w;
	wizard_init(w, s, o);
	w->ascii = !text_is_utf8_charset(o->charset);	/* no charset: ASCII, to be safe */
	fe->charset = o->charset;
	fe->flags = W_REDRAW;
	tui_open(o->color);
	return fe;
}

/* Keys until the wizard has an action for the door, or leaves. The start
 * screen is one of the wizard's modes: start and read are the same. */
static enum frontend_input fe_read(void *v, struct session_action *a)
{
	struct tui_fe *fe = v;
	if (fe->flags & W_ACTION && !stop_signal) {	/* an outcome's own next move */
		fe->flags &= ~W_ACTION;
		*a = fe->w.pending;
		return FE_ACTION;
	}
	while (!stop_signal && !(fe->flags & W_END)) {
		if (fe->flags & W_HIDE)
			hide();
		if (fe->flags & W_NEW_SCREEN)
			flushinp();	/* a held key must not answer the next question */
		if (fe->flags)
			draw(&fe->w, fe->w.ascii);
		wint_t ch;
		int r = read_key(fe, &ch);
		if (r == ERR) {
			fe->flags = 0;
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			fe->flags = W_REDRAW;
			continue;
		}
		struct wizard_key k = translate(wizard_field(&fe->w), ch, r == KEY_CODE_YES);
		fe->flags = wizard_input(&fe->w, &k);
		if (fe->flags & W_ACTION) {
			fe->flags &= ~W_ACTION;
			*a = fe->w.pending;
			return FE_ACTION;
		}
	}
	return FE_LEAVE;
}

static void fe_show(void *v, const struct session_action *a, enum session_outcome o)
{
	struct tui_fe *fe = v;
	(void)a;	/* the wizard's own pending action */
	fe->flags |= wizard_outcome(&fe->w, o);
}

static int fe_close(void *v)
{
	struct tui_fe *fe = v;
	tui_close();
	int rc = stop_signal ? 128 + stop_signal : 0;
	wizard_free(&fe->w);
	free(fe);
	return rc;
}

const struct frontend_ops tui_frontend = {
	.name = "wizard",
	.open = fe_open,
	.start = fe_read,
	.read = fe_read,
	.show = fe_show,
	.close = fe_close,
};
