/* ttybench: how a full-screen program behaves in a terminal, measured on a
 * pseudo-terminal: time to the first screen, time from a key to the next
 * screen, bytes written per screen change, reaction to Esc, peak RSS.
 *
 *   ttybench SCRIPT -- PROGRAM ARGS...
 * SCRIPT is a list of steps separated by "|": "w:TEXT" waits for TEXT to be
 * drawn (ncurses redraws only what changed: pick text that is new on the
 * screen, such as the end of a question), "w:EXIT" for the program to end,
 * "k:KEYS" sends keys (\r Enter, \e Esc, \003 Ctrl-C), "m:NAME" starts a
 * measurement that ends at the next wait, reported as NAME, "r:NAME"
 * reports the program's resident memory now, as "NAME KB". Every wait has
 * a 10 s limit. Prints "NAME ms bytes" lines, then "rss KB", the peak. */
#include <errno.h>
#include <stdbool.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct tty {
	int fd;
	char buf[1 << 20];	/* everything read since the last wait */
	size_t n;
	size_t bytes;	/* bytes read since the measurement started */
};

/* Reads until text appears (0) or the time runs out (-1). The text EXIT
 * waits for the program to close the terminal. */
static int wait_for(struct tty *t, const char *text)
{
	bool exit_wanted = strcmp(text, "EXIT") == 0;
	double end = now_ms() + 10000;
	for (;;) {
		t->buf[t->n] = '\0';
		if (!exit_wanted && strstr(t->buf, text)) {
			t->n = 0;
			return 0;
		}
		int left = (int)(end - now_ms());
		if (left <= 0)
			return -1;
		struct pollfd p = { t->fd, POLLIN, 0 };
		if (poll(&p, 1, left) <= 0)
			continue;
		ssize_t k = read(t->fd, t->buf + t->n, sizeof t->buf - t->n - 1);
		if (k <= 0)
			return exit_wanted ? 0 : -1;
		t->n += (size_t)k;
		t->bytes += (size_t)k;
		if (t->n > sizeof t->buf / 2) {	/* keep the tail only */
			memmove(t->buf, t->buf + t->n - 4096, 4096);
			t->n = 4096;
		}
	}
}

/* The resident set of process pid now, in KB (VmRSS), or -1. */
static long resident_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static void send_keys(int fd, const char *k)
{
	char out[256];
	size_t n = 0;
	for (; *k && n < sizeof out; k++) {
		if (k[0] == '\\' && k[1] == 'r')
			out[n++] = '\r', k++;
		else if (k[0] == '\\' && k[1] == 'e')
			out[n++] = 27, k++;
		else if (k[0] == '\\' && strncmp(k + 1, "003", 3) == 0)
			out[n++] = 3, k += 3;
		else
			out[n++] = *k;
	}
	if (write(fd, out, n) < 0)
		perror("write");
}

int main(int argc, char **argv)
{
	if (argc < 4 || strcmp(argv[2], "--") != 0) {
		fputs("usage: ttybench SCRIPT -- PROGRAM ARGS...\n", stderr);
		return 2;
	}
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	struct tty *t = calloc(1, sizeof *t);
	double start = now_ms();
	pid_t pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	char *script = strdup(argv[1]);
	const char *name = "start";
	double mark = start;
	int rc = 0;
	for (char *step = strtok(script, "|"); step; step = strtok(NULL, "|")) {
		if (strncmp(step, "w:", 2) == 0) {
			if (wait_for(t, step + 2) < 0) {
				fprintf(stderr, "ttybench: never drawn: %s\n", step + 2);
				rc = 1;
				break;
			}
			if (name) {
				printf("%s %.1f %zu\n", name, now_ms() - mark, t->bytes);
				name = NULL;
			}
		} else if (strncmp(step, "m:", 2) == 0) {
			name = step + 2;
			t->bytes = 0;
			mark = now_ms();
		} else if (strncmp(step, "r:", 2) == 0) {
			printf("%s %ld\n", step + 2, resident_kb(pid));
		} else if (strncmp(step, "k:", 2) == 0) {
			if (name)
				mark = now_ms();
			send_keys(t->fd, step + 2);
		}
	}
	/* Let it finish; then its peak memory. */
	struct rusage ru;
	int status;
	double end = now_ms() + 3000;
	memset(&ru, 0, sizeof ru);
	while (wait4(pid, &status, WNOHANG, &ru) == 0) {
		char sink[4096];
		struct pollfd p = { t->fd, POLLIN, 0 };
		if (poll(&p, 1, 50) > 0 && read(t->fd, sink, sizeof sink) <= 0)
			break;	/* the terminal closed: the program is gone */
		if (now_ms() > end) {
			kill(pid, SIGKILL);
			wait4(pid, &status, 0, &ru);
			break;
		}
	}
	if (ru.ru_maxrss == 0)
		wait4(pid, &status, 0, &ru);
	printf("rss %ld\n", ru.ru_maxrss);
	free(script);
	free(t);
	return rc;
}
