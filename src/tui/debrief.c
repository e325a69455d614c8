#include "tui/debrief.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"
#include "tui/tui.h"

/* The text split into its lines (pointers into text, which owns them). */
struct lines {
	char *text;
	char **v;
	int n;
};

static void lines_make(struct lines *l, tui_debrief_text_fn *fn, void *arg, int width)
{
	l->text = fn(arg, width);
	l->n = 0;
	for (const char *p = l->text; *p; p++)
		l->n += *p == '\n';
	l->v = xcalloc((size_t)l->n + 2, sizeof *l->v);
	int i = 0;
	for (char *p = l->text, *nl; *p && i <= l->n; p = nl + 1) {
		l->v[i++] = p;
		nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
	}
	l->n = i;
}

static void lines_free(struct lines *l)
{
	free(l->text);
	free(l->v);
}

/* The title bar, the lines from top, the keys and the position below. */
static void paint(const struct lines *l, int top, const char *title)
{
	erase();
	int body = LINES - 2;
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddnstr(0, 1, title, COLS - 2);
	attroff(A_REVERSE);
	for (int y = 0; y < body - 1 && top + y < l->n; y++)
		mvaddnstr(y + 1, 0, l->v[top + y], -1);
	char foot[160];
	int last = top + body - 1 < l->n ? top + body - 1 : l->n;
	snprintf(foot, sizeof foot, "%s  %d–%d / %d", _("↑↓ PgUp PgDn: scroll   q: leave"),
		 l->n ? top + 1 : 0, last, l->n);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddnstr(LINES - 1, 1, foot, COLS - 2);
	attroff(A_REVERSE);
	refresh();
}

/* The new top line after key ch, or -1 to leave. */
static int scrolled(int ch, int top, int n, int page)
{
	switch (ch) {
	case 'q': case 'Q': case 27: case 3: case '\r': case '\n': case KEY_ENTER:
		return -1;
	case KEY_UP: case 'k': top--; break;
	case KEY_DOWN: case 'j': top++; break;
	case KEY_PPAGE: case 'b': top -= page; break;
	case KEY_NPAGE: case ' ': top += page; break;
	case KEY_HOME: top = 0; break;
	case KEY_END: top = n - page; break;
	default: break;
	}
	if (top > n - page)
		top = n - page;
	return top < 0 ? 0 : top;
}

int tui_debrief(tui_debrief_text_fn *text, void *arg, const char *title, enum color_mode color)
{
	tui_open(color);
	struct lines l;
	lines_make(&l, text, arg, COLS - 1);
	int top = 0;
	paint(&l, top, title);
	while (!tui_stopped()) {
		int ch = getch();
		if (ch == ERR)
			continue;
		if (ch == KEY_RESIZE) {
			lines_free(&l);
			lines_make(&l, text, arg, COLS - 1);
		} else if ((top = scrolled(ch, top, l.n, LINES - 3)) < 0) {
			break;
		}
		paint(&l, top, title);
	}
	lines_free(&l);
	int sig = tui_stopped();
	tui_close();
	return sig ? 128 + sig : 0;
}
