#include "domain/law.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"

struct cite_info {
	const char *file;	/* without the language */
	const char *title;
	const char *lines[2];	/* markers of the lines quoted, in order; an empty
				 * marker takes the next line whatever it starts
				 * with (a provision without a label) */
};

static const struct cite_info cites[CITE_COUNT] = {
	[CITE_TIP_3A] = { "tip-art3", N_("Trafficking in Persons Protocol, Article 3(a)"), { "a)", NULL } },
	[CITE_TIP_3B] = { "tip-art3", N_("Trafficking in Persons Protocol, Article 3(b)"), { "b)", NULL } },
	[CITE_TIP_3C] = { "tip-art3", N_("Trafficking in Persons Protocol, Article 3(c)"), { "c)", NULL } },
	[CITE_TIP_3D] = { "tip-art3", N_("Trafficking in Persons Protocol, Article 3(d)"), { "d)", NULL } },
	[CITE_SOM_3A] = { "som-art3", N_("Smuggling of Migrants Protocol, Article 3(a)"), { "a)", NULL } },
	[CITE_SOM_5] = { "som-art5", N_("Smuggling of Migrants Protocol, Article 5"), { "", NULL } },
};

const struct law_blob *law_blob_find(const char *name)
{
	for (unsigned i = 0; i < law_blob_count; i++)
		if (strcmp(law_blobs[i].name, name) == 0)
			return &law_blobs[i];
	return NULL;
}

/* The value of header key in the blob (before the first blank line). */
static char *header(const char *data, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = data; *p && *p != '\n';) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n > kl + 1 && strncmp(p, key, kl) == 0 && p[kl] == ':')
			return xstrndup(p + kl + 2, n - kl - 2);
		p += n + (e != NULL);
	}
	return xstrdup("");
}

char *law_blob_header(const struct law_blob *b, const char *key)
{
	return header(b->data, key);
}

/* True if the line starts with the marker, bare ("a)") or in parentheses. */
static bool marked(const char *line, const char *m)
{
	size_t n = strlen(m);
	if (strncmp(line, m, n) == 0)
		return true;
	return line[0] == '(' && strncmp(line + 1, m, n) == 0;
}

static const char *body(const char *data)
{
	const char *b = strstr(data, "\n\n");
	return b ? b + 2 : data;
}

/* Appends the first line at or after *from that carries marker m. */
static bool take_line(const char **from, const char *m, char **text)
{
	for (const char *p = *from; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (marked(p, m)) {
			char *t = xasprintf("%s%s%.*s", *text, **text ? "\n" : "", (int)n, p);
			free(*text);
			*text = t;
			*from = p + n;
			return true;
		}
		p += n + (e != NULL);
	}
	return false;
}

int law_quote(enum cite c, const char *lang, struct law_quote *q)
{
	memset(q, 0, sizeof *q);
	const struct cite_info *ci = &cites[c];
	char name[64];
	snprintf(name, sizeof name, "%s.%s", ci->file, lang);
	const struct law_blob *b = law_blob_find(name);
	if (!b)
		return -1;
	q->text = xstrdup("");
	const char *from = body(b->data);
	for (int i = 0; i < 2 && ci->lines[i]; i++)
		if (!take_line(&from, ci->lines[i], &q->text)) {
			law_quote_free(q);
			return -1;
		}
	q->cite = assess_cite_name(c);
	q->title = ci->title;
	q->lang = header(b->data, "Language");
	q->status = header(b->data, "Status");
	q->status[strcspn(q->status, " (")] = '\0';	/* the word, not its reason */
	q->source = header(b->data, "Source");
	return 0;
}

/* The teaching citations: never among an assessment's (enum cite). */
static const struct { const char *id, *file, *title; } teaching[] = {
	{ "tip-art5", "tip-art5",
	  N_("Trafficking in Persons Protocol, Article 5 (criminalization: attempt, accomplice, organizing or directing)") },
};

const char *law_teaching_id(size_t i)
{
	return i < sizeof teaching / sizeof *teaching ? teaching[i].id : NULL;
}

int law_teaching_quote(const char *id, const char *lang, struct law_quote *q)
{
	memset(q, 0, sizeof *q);
	for (size_t i = 0; i < sizeof teaching / sizeof *teaching; i++) {
		if (strcmp(teaching[i].id, id) != 0)
			continue;
		char name[64];
		snprintf(name, sizeof name, "%s.%s", teaching[i].file, lang);
		const struct law_blob *b = law_blob_find(name);
		if (!b)
			return -1;
		const char *t = body(b->data);
		size_t n = strlen(t);
		while (n > 0 && t[n - 1] == '\n')
			n--;
		q->text = xstrndup(t, n);
		q->cite = teaching[i].id;
		q->title = teaching[i].title;
		q->lang = header(b->data, "Language");
		q->status = header(b->data, "Status");
		q->status[strcspn(q->status, " (")] = '\0';
		q->source = header(b->data, "Source");
		return 0;
	}
	return -1;
}

void law_quote_free(struct law_quote *q)
{
	free(q->text);
	free(q->lang);
	free(q->status);
	free(q->source);
	memset(q, 0, sizeof *q);
}
