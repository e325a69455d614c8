#include "domain/profile.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/schema.h"
#include "base/xalloc.h"
#include "domain/contacts.h"
#include "domain/law.h"
#include "domain/profile_parse.h"

static const char *const role_words[] = {
	"offence", "child", "consent", "non-punishment", "minority", "child-now", "purpose", NULL
};
static const char *const for_words[] = { "everyone", "children", NULL };

void profile_err(struct profile_parser *ps, const struct field *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	diags_add(ps->d, ps->path, f ? f->vline : 0, f ? f->vcol : 0, "%s", m);
	free(m);
	ps->errors++;
}

static size_t count(const char *const *v)
{
	size_t n = 0;
	while (v[n])
		n++;
	return n;
}

static char *value(const struct stanza *s, const char *key)
{
	const struct field *f = stanza_get(s, key);
	return f && *f->value ? xstrdup(f->value) : NULL;
}

int profile_word(struct profile_parser *ps, const struct stanza *s, const char *key,
		 const char *const *words)
{
	const struct field *f = stanza_get(s, key);
	if (!f || !*f->value)
		return -1;
	int i = schema_word(f, words, count(words), ps->path, ps->d);
	if (i < 0)
		ps->errors++;
	return i;
}

static bool valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int m = atoi(s + 5), d = atoi(s + 8);
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* The means indicators the law covers: all of them unless Means: lists some. */
static void parse_means_list(struct profile_parser *ps, const struct stanza *s)
{
	const struct field *f = stanza_get(s, "Means");
	for (int i = 0; i < IND_COUNT; i++)
		ps->p->means_named[i] = !f && indicator_element(i) == EL_MEANS;
	if (!f)
		return;
	char *copy = xstrdup(f->value);
	for (char *w = strtok(copy, " ,"); w; w = strtok(NULL, " ,")) {
		int i = indicator_lookup(w);
		if (i < 0 || indicator_element(i) != EL_MEANS)
			profile_err(ps, f, "Means: '%s' is not a means indicator of DESIGN §3 "
				   "(means.threat, means.use-of-force, …)", w);
		else
			ps->p->means_named[i] = true;
	}
	free(copy);
}

/* The string fields of the head, taken as they are. */
#define TAKE_TEXT(name, member) \
	static void take_##name(void *obj, const struct field *f) \
	{ \
		struct profile_parser *ps = obj; \
		ps->p->member = xstrdup(f->value); \
	}
TAKE_TEXT(profile, id)
TAKE_TEXT(jurisdiction, jurisdiction)
TAKE_TEXT(instrument, instrument)
TAKE_TEXT(citation, citation)
TAKE_TEXT(name, name)
TAKE_TEXT(version, version)
TAKE_TEXT(date, date)
TAKE_TEXT(licence, licence)
TAKE_TEXT(status, status)
TAKE_TEXT(source, source)
TAKE_TEXT(child_note, child_note)
#undef TAKE_TEXT

/* Every field of a profile has a value. The head's words and numbers
 * depend on each other (Means: and the purposes' Means-adult:), so
 * parse_head reads them once the table has checked the stanza. */
enum { REQ = SCHEMA_REQUIRED | SCHEMA_NONEMPTY, OPT = SCHEMA_NONEMPTY };
static const struct schema_field head_fields[] = {
	{ "Profile", REQ, take_profile },	{ "Jurisdiction", REQ, take_jurisdiction },
	{ "Instrument", REQ, take_instrument },	{ "Citation", REQ, take_citation },
	{ "Name", REQ, take_name },		{ "Version", REQ, take_version },
	{ "Date", REQ, take_date },		{ "Licence", REQ, take_licence },
	{ "Status", REQ, take_status },		{ "Source", REQ, take_source },
	{ "Child-age", REQ, NULL },		{ "Child-note", OPT, take_child_note },
	{ "Means-adult", REQ, NULL },		{ "Means-child", REQ, NULL },
	{ "Means", OPT, NULL },			{ "Act", REQ, NULL },
	{ "Act-ref", OPT, NULL },		{ "Ref", OPT, NULL },
	{ "Consent", REQ, NULL },		{ "Consent-ref", OPT, NULL },
};
static const struct schema_field purpose_fields[] = {
	{ "Purpose", REQ, NULL },	{ "Named", REQ, NULL },	{ "For", OPT, NULL },
	{ "Note", OPT, NULL },		{ "Cite", OPT, NULL },
};
static const struct schema_field prov_fields[] = {
	{ "Provision", REQ, NULL },	{ "Title", REQ, NULL },		{ "Role", REQ, NULL },
	{ "Text", OPT, NULL },		{ "Lines", OPT, NULL },		{ "Citation", OPT, NULL },
	{ "Source", OPT, NULL },	{ "Not-quoted", OPT, NULL },
};
static const struct schema head_schema = SCHEMA_OF("a Profile stanza", head_fields);
static const struct schema purpose_schema = SCHEMA_OF("a Purpose stanza", purpose_fields);
static const struct schema prov_schema = SCHEMA_OF("a Provision stanza", prov_fields);

/* Checks s against its table; the errors count against the profile. */
static void check_fields(struct profile_parser *ps, const struct stanza *s, const struct schema *sc)
{
	ps->errors += (int)schema_read(sc, s, ps->path, ps, ps->d);
}

static void parse_head(struct profile_parser *ps, const struct stanza *s, const char *id)
{
	struct profile *p = ps->p;
	check_fields(ps, s, &head_schema);
	if (p->id && id && strcmp(p->id, id) != 0)
		profile_err(ps, stanza_get(s, "Profile"), "Profile: '%s' differs from the file's name '%s' "
			"(ID.profile)", p->id, id);
	else if (p->id && !schema_is_id(p->id))
		profile_err(ps, stanza_get(s, "Profile"), "Profile: '%s' is not an id: expected a-z, 0-9 and "
			"'-'", p->id);
	if (p->date && !valid_date(p->date))
		profile_err(ps, stanza_get(s, "Date"), "Date: expected YYYY-MM-DD, not '%s'", p->date);
	if (p->status && strncmp(p->status, "verified", 8) != 0 &&
	    strncmp(p->status, "unverified", 10) != 0)
		profile_err(ps, stanza_get(s, "Status"), "Status: expected verified or unverified (with the "
			"reason in brackets), not '%s'", p->status);
	const struct field *age = stanza_get(s, "Child-age");
	char *end = NULL;
	long n = age ? strtol(age->value, &end, 10) : 18;
	if (age && *age->value && (*end || n < 1 || n > 130))
		profile_err(ps, age, "Child-age: expected a whole number from 1 to 130, not '%s'",
		    age->value);
	p->child_age = (int)n;
	parse_means_list(ps, s);
}

static void parse_purpose(struct profile_parser *ps, const struct stanza *s)
{
	struct profile *p = ps->p;
	check_fields(ps, s, &purpose_schema);
	const struct field *f = stanza_get(s, "Purpose");
	int ind = f ? indicator_lookup(f->value) : -1;
	if (f && *f->value && (ind < 0 || indicator_element(ind) != EL_PURPOSE)) {
		profile_err(ps, f, "Purpose: '%s' is not a purpose indicator of DESIGN §3 "
			   "(purpose.forced-labour, purpose.forced-marriage, …)", f->value);
		return;
	}
	if (ind < 0)
		return;
	if (profile_purpose(p, ind)) {
		profile_err(ps, f, "Purpose: '%s' is named twice", f->value);
		return;
	}
	p->purposes = xrealloc(p->purposes, (p->npurposes + 1) * sizeof *p->purposes);
	struct prof_purpose *pp = &p->purposes[p->npurposes++];
	memset(pp, 0, sizeof *pp);
	pp->ind = ind;
	pp->named = value(s, "Named");
	pp->note = value(s, "Note");
	pp->cite = -1;
	pp->children_only = profile_word(ps, s, "For", for_words) == 1;
}

/* True if the body line starts with the marker ("(1)", "3.") and a space. */
static bool starts_with_marker(const char *line, size_t n, const char *m)
{
	size_t k = strlen(m);
	return n > k && strncmp(line, m, k) == 0 && (line[k] == ' ' || line[k] == '\t');
}

/* The body line a Lines: token names, as a pointer and length: a line
 * number of the body, or the first line at or after from that starts with
 * the marker; false if none. */
static bool find_line(const char *body, const char *from, const char *tok, const char **at,
		      size_t *len)
{
	char *end;
	long want = strtol(tok, &end, 10);
	bool number = *tok && !*end;
	long k = 1;
	for (const char *p = body; *p; k++) {
		if (!number && p < from) {
			const char *e = strchr(p, '\n');
			p = e ? e + 1 : p + strlen(p);
			continue;
		}
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (number ? k == want : starts_with_marker(p, n, tok)) {
			*at = p;
			*len = n;
			return true;
		}
		p += n + (e != NULL);
	}
	return false;
}

/* The quoted lines of a text: those Lines: names, else the whole body. */
static char *quote_lines(struct profile_parser *ps, const struct field *lines, const char *body)
{
	if (!lines) {
		size_t n = strlen(body);
		while (n > 0 && body[n - 1] == '\n')
			n--;
		return xstrndup(body, n);
	}
	char *text = NULL, *copy = xstrdup(lines->value);
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out) {
		free(copy);
		return xstrdup("");
	}
	const char *from = body;
	for (char *t = strtok(copy, " "); t; t = strtok(NULL, " ")) {
		const char *at;
		size_t n;
		if (!find_line(body, from, t, &at, &n)) {
			profile_err(ps, lines, "Lines: no line '%s' in the text (after the lines before it): "
				       "expected a marker that starts a line (\"(1)\", \"3.\") "
				       "or a line number of the body", t);
			continue;
		}
		from = at + n;
		fprintf(out, "%s%.*s", len ? "\n" : "", (int)n, at);
		fflush(out);	/* len is the length so far */
	}
	fclose(out);
	free(copy);
	return text;
}

static const char *body_of(const char *data)
{
	const char *b = strstr(data, "\n\n");
	return b ? b + 2 : data;
}

/* A quoted provision: an embedded text, never one whose licence is not
 * determined. */
static void quote_text(struct profile_parser *ps, const struct stanza *s, struct prof_provision *v)
{
	const struct field *t = stanza_get(s, "Text");
	const struct law_blob *b = law_blob_find(t->value);
	if (!b) {
		profile_err(ps, t, "Text: no law text '%s' is built in: expected the name of a file of "
			   "screens/law/ without .txt (add the file and rebuild), or a citation "
			   "alone (Citation:, Source:, Not-quoted:)", t->value);
		return;
	}
	char *licence = law_blob_header(b, "Licence");
	if (!*licence || strncasecmp(licence, "not determined", 14) == 0)
		profile_err(ps, t, "Text: the licence of '%s' is not determined: cite it without quoting "
			   "(Citation:, Source:, Not-quoted:)", t->value);
	free(licence);
	v->text_name = xstrdup(t->value);
	v->text = quote_lines(ps, stanza_get(s, "Lines"), body_of(b->data));
	v->status = law_blob_header(b, "Status");
	v->status[strcspn(v->status, " (")] = '\0';
	v->source = law_blob_header(b, "Source");
	v->as_at = law_blob_header(b, "As-at");
}

static void parse_provision(struct profile_parser *ps, const struct stanza *s)
{
	struct profile *p = ps->p;
	check_fields(ps, s, &prov_schema);
	const struct field *f = stanza_get(s, "Provision");
	if (!f || !*f->value)
		return;
	if (!schema_is_id(f->value)) {
		profile_err(ps, f, "Provision: '%s' is not an id: expected a-z, 0-9, '-' and '.'",
		    f->value);
		return;
	}
	for (size_t i = 0; i < p->nprov; i++)
		if (strcmp(p->prov[i].id, f->value) == 0) {
			profile_err(ps, f, "provision '%s' is defined twice", f->value);
			return;
		}
	if (p->nprov == PROFILE_MAX_PROVISIONS) {
		profile_err(ps, f, "Provision: '%s': a profile holds at most 32 provisions", f->value);
		return;
	}
	struct prof_provision *v = &p->prov[p->nprov++];
	memset(v, 0, sizeof *v);
	v->id = xstrdup(f->value);
	v->title = value(s, "Title");
	int r = profile_word(ps, s, "Role", role_words);
	v->role = r < 0 ? PR_OFFENCE : (enum prof_role)r;
	const struct field *text = stanza_get(s, "Text"), *cit = stanza_get(s, "Citation");
	if (text && cit) {
		profile_err(ps, cit, "Citation: a provision is quoted (Text:) or cited alone (Citation:), "
			     "not both");
	} else if (text && *text->value) {
		if (stanza_get(s, "Not-quoted") || stanza_get(s, "Source"))
			profile_err(ps, stanza_get(s, "Not-quoted") ? stanza_get(s, "Not-quoted")
							    : stanza_get(s, "Source"),
			    "a quoted provision takes its source from the text's own header: "
			    "no Source: or Not-quoted:");
		quote_text(ps, s, v);
	} else if (cit && *cit->value) {
		if (stanza_get(s, "Lines"))
			profile_err(ps, stanza_get(s, "Lines"), "Lines: only a quoted provision (Text:) has "
							"lines");
		v->citation = xstrdup(cit->value);
		v->source = value(s, "Source");
		v->why = value(s, "Not-quoted");
		if (!v->source || !v->why)
			profile_err(ps, cit, "a citation alone needs 'Source:' (where the text is) and "
				     "'Not-quoted:' (why it is not quoted)");
	} else if (!text && !cit) {
		diags_add(ps->d, ps->path, s->line, 1, "a Provision stanza needs 'Text:' (an embedded "
			  "law text) or 'Citation:' (a citation alone)");
		ps->errors++;
	}
}

int profile_provision_index(const struct profile *p, const char *id)
{
	for (size_t i = 0; i < p->nprov; i++)
		if (strcmp(p->prov[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The purposes' Cite: references. */
static void resolve(struct profile_parser *ps, const struct stanza_file *f)
{
	struct profile *p = ps->p;
	size_t k = 0;
	for (size_t i = 1; i < f->n; i++) {
		const struct stanza *s = &f->s[i];
		const struct field *pf = stanza_get(s, "Purpose");
		if (!pf || k >= p->npurposes || (int)p->purposes[k].ind != indicator_lookup(pf->value))
			continue;
		struct prof_purpose *pp = &p->purposes[k++];
		const struct field *c = stanza_get(s, "Cite");
		if (c && *c->value && (pp->cite = profile_provision_index(p, c->value)) < 0)
			profile_err(ps, c, "Cite: no Provision '%s' in this profile", c->value);
	}
}

int profile_parse(const struct stanza_file *f, const char *id, struct profile *p,
		  struct diags *d)
{
	memset(p, 0, sizeof *p);
	struct profile_parser ps = { f->path, p, d, 0 };
	p->path = xstrdup(f->path);
	if (f->n == 0 || !stanza_get(&f->s[0], "Profile") ||
	    strcasecmp(f->s[0].f[0].key, "Profile") != 0) {
		diags_add(d, f->path, f->n ? f->s[0].line : 1, 1,
			  "a profile starts with a stanza whose first field is 'Profile: ID'");
		profile_free(p);
		return -1;
	}
	parse_head(&ps, &f->s[0], id);
	for (size_t i = 1; i < f->n; i++) {
		const char *first = f->s[i].f[0].key;
		if (strcasecmp(first, "Purpose") == 0) {
			parse_purpose(&ps, &f->s[i]);
		} else if (strcasecmp(first, "Provision") == 0) {
			parse_provision(&ps, &f->s[i]);
		} else if (strcasecmp(first, "Rule") != 0) {	/* rules: once all is known */
			diags_add(d, f->path, f->s[i].line, 1, "expected a stanza that starts with "
				  "'Purpose:', 'Rule:' or 'Provision:', not '%s:'", first);
			ps.errors++;
		}
	}
	resolve(&ps, f);
	profile_rules_read(&ps, f);
	if (ps.errors) {
		profile_free(p);
		return -1;
	}
	return 0;
}

/* "DIR/gb-ew.profile" → "gb-ew"; a new string. */
static char *id_of_path(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 8 && strcmp(b + n - 8, ".profile") == 0)
		n -= 8;
	return xstrndup(b, n);
}

int profile_load(const char *path, struct profile *p, struct diags *d)
{
	struct stanza_file f;
	memset(p, 0, sizeof *p);
	if (stanza_read(path, &f, d) < 0) {
		stanza_file_free(&f);
		return -1;
	}
	char *id = id_of_path(path);
	int rc = profile_parse(&f, id, p, d);
	free(id);
	stanza_file_free(&f);
	return rc;
}

static void provision_free(struct prof_provision *v)
{
	free(v->id);
	free(v->title);
	free(v->text);
	free(v->text_name);
	free(v->status);
	free(v->as_at);
	free(v->citation);
	free(v->source);
	free(v->why);
}

void profile_free(struct profile *p)
{
	char **s[] = { &p->id, &p->path, &p->jurisdiction, &p->instrument, &p->citation, &p->name,
		       &p->version, &p->date, &p->licence, &p->status, &p->source, &p->child_note };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		free(*s[i]);
	for (size_t i = 0; i < p->npurposes; i++) {
		free(p->purposes[i].named);
		free(p->purposes[i].note);
	}
	free(p->purposes);
	profile_rules_free(p);
	for (size_t i = 0; i < p->nprov; i++)
		provision_free(&p->prov[i]);
	memset(p, 0, sizeof *p);
}

char *profile_path(const char *deck, const char *id)
{
	if (strchr(id, '/')) {
		size_t n = strlen(id);
		return n > 8 && strcmp(id + n - 8, ".profile") == 0 ? xstrdup(id) : NULL;
	}
	if (!schema_is_id(id) || strchr(id, '.'))
		return NULL;
	return xasprintf("%s/law/profiles/%s.profile", deck, id);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int profile_check_all(const char *deck, struct diags *d)
{
	char *dir = xasprintf("%s/law/profiles", deck);
	DIR *dh = opendir(dir);
	if (!dh) {
		int e = errno;
		if (e != ENOENT)
			diags_add(d, dir, 0, 0, "cannot read the profiles: %s", strerror(e));
		free(dir);
		return e == ENOENT ? 0 : -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(dh));) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l <= 8 || strcmp(e->d_name + l - 8, ".profile") != 0)
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(dh);
	if (n > 1)	/* names is NULL when the folder has no profile */
		qsort(names, n, sizeof *names, cmp_names);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		struct profile p;
		if (profile_load(names[i], &p, d) < 0)
			bad++;
		else
			profile_free(&p);
		free(names[i]);
	}
	free(names);
	free(dir);
	return bad ? -1 : (int)n;
}

const struct prof_purpose *profile_purpose(const struct profile *p, enum indicator i)
{
	for (size_t k = 0; k < p->npurposes; k++)
		if (p->purposes[k].ind == i)
			return &p->purposes[k];
	return NULL;
}

/* Next to the contacts: the same folder, the file "law". */
char *profile_config_path(void)
{
	return fsx_xdg(FSX_XDG_CONFIG, "tipscreen/law");
}

/* The configuration file's one field. */
struct config {
	char *id;
	int line;	/* of the first Law: */
	const char *path;
	struct diags *d;
};

static void take_law(void *obj, const struct field *f)
{
	struct config *c = obj;
	if (c->id) {	/* in an earlier stanza: the table sees one at a time */
		schema_given_twice(f, c->line, c->path, c->d);
		return;
	}
	c->id = xstrdup(f->value);
	c->line = f->line;
}

static const struct schema_field config_fields[] = {
	{ "Law", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take_law },
};
static const struct schema config_schema = {
	"the law configuration", config_fields, 1, "'Law: ID' (a profile id, or none)", false
};

int profile_config_read(const char *path, char **id, struct diags *d)
{
	*id = NULL;
	if (access(path, F_OK) != 0)
		return 1;	/* no default */
	struct stanza_file f;
	if (stanza_read(path, &f, d) < 0) {
		stanza_file_free(&f);
		return -1;
	}
	size_t before = d->n;
	struct config c = { NULL, 0, path, d };
	for (size_t i = 0; i < f.n; i++)
		schema_read(&config_schema, &f.s[i], path, &c, d);
	if (f.n == 0)
		diags_add(d, path, 1, 1, "expected 'Law: ID' (a profile id, or none)");
	*id = c.id;
	int rc = d->n > before ? -1 : 0;
	if (rc < 0) {
		free(*id);
		*id = NULL;
	}
	stanza_file_free(&f);
	return rc;
}
