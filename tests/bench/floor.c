/* floor: the least a full-screen program can do before its first screen,
 * for make bench to measure tipscreen and dialog against. It draws one box
 * like dialog's yes/no (the question given, wrapped, and the two buttons),
 * then waits for a key and leaves.
 *
 * Built twice from this file: bench-floor links the libraries tipscreen
 * links (ncursesw, SQLite, libsodium, FriBidi; a symbol of each is used so
 * that the linker keeps them and the loader maps and relocates them), and
 * bench-bare links ncursesw alone (-DBARE).
 *
 *   bench-floor QUESTION */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>
#ifndef BARE
#include <fribidi.h>
#include <sodium.h>
#include <sqlite3.h>
#endif

enum { BOX_ROWS = 12, BOX_COLS = 70 };

/* Draws text word-wrapped into the box's inside, from row y. */
static void wrap(int y, int x, int width, const char *text)
{
	char line[256];
	size_t n = 0;
	while (*text) {
		size_t w = strcspn(text, " ");
		if (n && n + 1 + w > (size_t)width) {
			line[n] = '\0';
			mvaddstr(y++, x, line);
			n = 0;
		}
		if (n)
			line[n++] = ' ';
		if (w > sizeof line - n - 1)
			w = sizeof line - n - 1;
		memcpy(line + n, text, w);
		n += w;
		text += w;
		text += strspn(text, " ");
	}
	line[n] = '\0';
	mvaddstr(y, x, line);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: bench-floor QUESTION\n", stderr);
		return 2;
	}
#ifndef BARE
	/* Used so that they stay linked; not called on the way to the screen
	 * beyond these constant lookups. */
	volatile const void *keep[] = { sqlite3_libversion(), sodium_version_string(),
					fribidi_version_info };
	(void)keep;
#endif
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	int y = (LINES - BOX_ROWS) / 2, x = (COLS - BOX_COLS) / 2;
	WINDOW *win = subwin(stdscr, BOX_ROWS, BOX_COLS, y, x);
	box(win, 0, 0);
	wrap(y + 2, x + 2, BOX_COLS - 4, argv[1]);
	mvaddstr(y + BOX_ROWS - 2, x + BOX_COLS / 2 - 12, "<Yes>");
	mvaddstr(y + BOX_ROWS - 2, x + BOX_COLS / 2 + 6, "<No>");
	refresh();
	getch();
	delwin(win);
	endwin();
	return 0;
}
