/* fuzz util: see util.h. */
#include "util.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sanitizer/common_interface_defs.h>

#include "base/diag.h"
#include "base/text.h"
#include "domain/catalog.h"
#include "domain/deck.h"
#include "domain/interview.h"
#include "domain/lint.h"
#include "domain/report.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

static char scratch[4096];
static char path_buf[4096 + 256];

static void remove_scratch(void)
{
	char cmd[sizeof scratch + 16];
	if (!scratch[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", scratch);
}

const char *fuzz_dir(void)
{
	if (scratch[0])
		return scratch;
	const char *t = getenv("TMPDIR");
	snprintf(scratch, sizeof scratch, "%s/tipscreen-fuzz-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(scratch)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(remove_scratch);
	return scratch;
}

const char *fuzz_write(const char *name, const void *data, size_t len)
{
	snprintf(path_buf, sizeof path_buf, "%s/%s", fuzz_dir(), name);
	FILE *f = fopen(path_buf, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path_buf);
		abort();
	}
	return path_buf;
}

char *fuzz_strndup(const void *data, size_t len)
{
	char *s = malloc(len + 1);
	if (!s)
		abort();
	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

FILE *fuzz_sink(void)
{
	static FILE *sink;
	if (!sink && getenv("FUZZ_VERBOSE"))
		sink = stderr;
	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	return sink;
}

const struct deck *fuzz_bundled_deck(void)
{
	static struct deck *dk;
	if (dk)
		return dk;
	struct diags d = { 0 };
	dk = deck_load(FUZZ_ROOT "/screens", &d);
	if (!dk) {
		diags_print(&d, stderr);
		fuzz_fail("the bundled deck %s/screens does not load", FUZZ_ROOT);
	}
	diags_free(&d);
	return dk;
}

size_t fuzz_split(const char *data, size_t len, const char *sep, const char **second,
		  size_t *second_len)
{
	size_t n = strlen(sep);
	for (size_t i = 0; i + n <= len; i++) {
		if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, sep, n) == 0 &&
		    i + n < len && data[i + n] == '\n') {
			*second = data + i + n + 1;
			*second_len = len - i - n - 1;
			return i;
		}
	}
	*second = NULL;
	*second_len = 0;
	return len;
}

void fuzz_fail(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	strcpy(msg, "fuzz: property broken: ");
	vsnprintf(msg + strlen(msg), sizeof msg - strlen(msg), fmt, ap);
	va_end(ap);
	/* Through the sanitizers' report stream: it stays open when libFuzzer
	 * closes the harness's stderr (-close_fd_mask=2). */
	__sanitizer_report_error_summary(msg);
	abort();
}

int fuzz_has_control(const char *s, size_t len, int bidi)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t k = c < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
		if (cp != '\t' && cp != '\n' && (control || (bidi && text_is_unsafe(cp))))
			return 1;
		i += k;
	}
	return 0;
}

const struct catalog *fuzz_bundled_fr(void)
{
	static struct catalog *fr;
	if (fr)
		return fr;
	struct diags d = { 0 };
	fr = catalog_load(FUZZ_ROOT "/locales/fr.po", &d);
	if (!fr) {
		diags_print(&d, stderr);
		fuzz_fail("the bundled %s/locales/fr.po does not load", FUZZ_ROOT);
	}
	diags_free(&d);
	return fr;
}

void fuzz_report(struct interview *iv, int width)
{
	struct assessment a;
	struct assess_input in;
	const char *why;
	interview_inputs(iv, &in);
	if (assess_run(&in, &a, &why) == 0) {
		size_t n;
		struct evidence *ev = report_evidence(iv, &n);
		report_json(fuzz_sink(), &a);
		report_text(fuzz_sink(), &a, &in, ev, n, width);
		i18n_use(fuzz_bundled_fr());
		report_text(fuzz_sink(), &a, &in, ev, n, width);
		i18n_use(NULL);
		free(ev);
	}
	int off[64];
	interview_discarded(iv, off, 64);
	interview_finish(iv);
}
