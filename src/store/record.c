#include "store/record.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/codec.h"
#include "base/stanza.h"
#include "base/xalloc.h"
#include "store/store.h"

#define MAGIC "tipscreen-record-2\n"

static const char *const event_names[REC_NEVENTS] = {
	[REC_ANSWER] = "answer", [REC_NOTE] = "note", [REC_STOP] = "stop", [REC_AT] = "at",
	[REC_LANG] = "lang", [REC_FINISH] = "finish", [REC_ASSESSMENT] = "assessment",
	[REC_SENT] = "sent", [REC_SECOND] = "second",
};

const char *record_event_name(enum record_event e)
{
	return e < REC_NEVENTS ? event_names[e] : "?";
}

static int event_find(const char *name, size_t len)
{
	for (int i = 0; i < REC_NEVENTS; i++)
		if (strlen(event_names[i]) == len && memcmp(event_names[i], name, len) == 0)
			return i;
	return -1;
}

char *record_format(const struct record *r)
{
	const char *id = r->id ? r->id : "", *o = r->old ? r->old : "", *n = r->new ? r->new : "";
	const char *key[4] = { "event", "id", r->old_text ? "old-text" : "old",
			       r->new_text ? "new-text" : "new" };
	const char *val[4] = { record_event_name(r->event), id, o, n };
	char t[32];
	snprintf(t, sizeof t, "t %lld\n", r->ms);
	size_t size = strlen(MAGIC) + strlen(t) + 1;
	for (int i = 0; i < 4; i++)
		size += codec_field_size(key[i], strlen(val[i]));
	char *text = xmalloc(size), *p = text;
	p = stpcpy(stpcpy(p, MAGIC), t);
	for (int i = 0; i < 4; i++)
		p = codec_field_write(p, key[i], val[i], strlen(val[i]));
	*p = '\0';
	return text;
}

void record_clear(struct record *r)
{
	free(r->id);
	free(r->old);
	free(r->new);
	memset(r, 0, sizeof *r);
}

/* ---- reading ------------------------------------------------------------ */

/* Reads "key LEN:value\n" at *p (codec.h): the value is copied into *out. */
static int take(const char **p, const char *key, char **out)
{
	const char *v;
	size_t len;
	if (codec_field_take(p, *p + strlen(*p), key, &v, &len) < 0)
		return -1;
	*out = xstrndup(v, len);
	return 0;
}

/* Reads a value under key or key-text; *text says which. */
static int take_value(const char **p, const char *key, char **out, bool *text)
{
	char with[16];
	snprintf(with, sizeof with, "%s-text", key);
	*text = strncmp(*p, with, strlen(with)) == 0;
	return take(p, *text ? with : key, out);
}

static int parse_new(const char *s, struct record *r)
{
	s += strlen(MAGIC);
	if (strncmp(s, "t ", 2) != 0)
		return -1;
	char *end;
	errno = 0;
	r->ms = strtoll(s + 2, &end, 10);
	if (errno || end == s + 2 || *end != '\n')
		return -1;
	const char *p = end + 1;
	char *ev = NULL;
	int rc = take(&p, "event", &ev) == 0 && take(&p, "id", &r->id) == 0 &&
		 take_value(&p, "old", &r->old, &r->old_text) == 0 &&
		 take_value(&p, "new", &r->new, &r->new_text) == 0 && *p == '\0' ? 0 : -1;
	int e = ev ? event_find(ev, strlen(ev)) : -1;
	free(ev);
	if (rc == 0 && e < 0)
		rc = -1;
	r->event = (enum record_event)(e < 0 ? 0 : e);
	return rc;
}

/* "1764349200.123" as milliseconds. */
static long long legacy_time(const char *t)
{
	char *end;
	long long s = strtoll(t, &end, 10), ms = 0;
	if (*end == '.') {
		int digits = 0;
		for (const char *q = end + 1; *q >= '0' && *q <= '9' && digits < 3; q++, digits++)
			ms = ms * 10 + (*q - '0');
		for (; digits < 3; digits++)
			ms *= 10;
	}
	return s * 1000 + ms;
}

/* A record of the first format: a stanza "t: … event: … id: … old: … new:". */
static int parse_legacy(const char *s, struct record *r)
{
	struct stanza_file f;
	struct diags d = { 0 };
	int rc = stanza_parse("record", s, strlen(s), &f, &d);
	const struct field *v[5] = { 0 };
	static const char *const keys[5] = { "t", "event", "id", "old", "new" };
	for (int i = 0; rc == 0 && f.n == 1 && i < 5; i++)
		v[i] = stanza_get(&f.s[0], keys[i]);
	int e = v[1] ? event_find(v[1]->value, strlen(v[1]->value)) : -1;
	if (rc == 0 && f.n == 1 && v[0] && e >= 0 && v[2] && v[4]) {
		r->ms = legacy_time(v[0]->value);
		r->event = (enum record_event)e;
		r->id = xstrdup(v[2]->value);
		r->old = xstrdup(v[3] ? v[3]->value : "");
		r->new = xstrdup(v[4]->value);
	} else {
		rc = -1;
	}
	stanza_file_free(&f);
	diags_free(&d);
	return rc;
}

int record_parse(const char *text, struct record *out)
{
	memset(out, 0, sizeof *out);
	int rc = strncmp(text, MAGIC, strlen(MAGIC)) == 0 ? parse_new(text, out)
							     : parse_legacy(text, out);
	if (rc < 0)
		record_clear(out);
	return rc;
}

void record_time(char *buf, size_t n, long long ms)
{
	snprintf(buf, n, "%lld.%03lld", ms / 1000, ms % 1000);
}

/* ---- a case's records ------------------------------------------------------ */

static int collect(void *ctx, const char *text)
{
	struct records *r = ctx;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	if (record_parse(text, &r->v[r->n]) < 0)
		return -1;
	r->n++;
	return 0;
}

int records_load(struct store *s, const char *id, struct records *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	if (store_load(s, id, collect, out, err, n) < 0) {
		records_free(out);
		return -1;
	}
	return 0;
}

void records_free(struct records *r)
{
	for (size_t i = 0; i < r->n; i++)
		record_clear(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}
