#include "domain/contacts.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/schema.h"
#include "base/xalloc.h"
#include "domain/catalog.h"

static const char *const fields[] = { "Name", "For", "Phone", "Hours", "Address", "Note", NULL };
/* The fields as the referral screen shows them, in the interface language. */
static const char *const labels[] = {
	NC_("contact", "Name"), NC_("contact", "For"), NC_("contact", "Phone"),
	NC_("contact", "Hours"), NC_("contact", "Address"), NC_("contact", "Note"),
};

/* The referral screen shows the fields as they are: nothing to take. */
static const struct schema_field contact_fields[] = {
	{ "Name", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, NULL }, { "For", SCHEMA_NONEMPTY, NULL },
	{ "Phone", SCHEMA_NONEMPTY, NULL },	{ "Hours", SCHEMA_NONEMPTY, NULL },
	{ "Address", SCHEMA_NONEMPTY, NULL },	{ "Note", SCHEMA_NONEMPTY, NULL },
};
static const struct schema contact_schema = SCHEMA_OF("a contact", contact_fields);

int contacts_load(const char *path, struct contacts *c, struct diags *d)
{
	memset(c, 0, sizeof *c);
	if (access(path, F_OK) != 0)
		return 1;
	size_t before = d->n;
	stanza_read(path, &c->file, d);
	for (size_t i = 0; i < c->file.n; i++)
		schema_read(&contact_schema, &c->file.s[i], path, NULL, d);
	return d->n > before ? -1 : 0;
}

/* Whether text begins with word, in any case, as a whole word. */
static bool begins_with_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	return strncasecmp(text, word, n) == 0 && !isalpha((unsigned char)text[n]);
}

static enum contacts_for audience(const struct stanza *s)
{
	const struct field *f = stanza_get(s, "For");
	if (!f)
		return CONTACTS_ANYONE;
	if (begins_with_word(f->value, "children") || begins_with_word(f->value, "child"))
		return CONTACTS_CHILD;
	if (begins_with_word(f->value, "adults") || begins_with_word(f->value, "adult"))
		return CONTACTS_ADULT;
	return CONTACTS_ANYONE;
}

bool contacts_fits(const struct contacts *c, size_t i, enum contacts_for who)
{
	enum contacts_for a = audience(&c->file.s[i]);
	return who == CONTACTS_ANYONE || a == CONTACTS_ANYONE || a == who;
}

size_t contacts_print(const struct contacts *c, enum contacts_for who, FILE *out)
{
	size_t shown = 0;
	for (size_t i = 0; i < c->file.n; i++) {
		const struct stanza *s = &c->file.s[i];
		if (!contacts_fits(c, i, who))
			continue;
		shown++;
		for (int k = 0; fields[k]; k++) {
			const struct field *f = stanza_get(s, fields[k]);
			if (f && k == 0) {
				fprintf(out, "  %s\n", f->value);
			} else if (f) {
				/* TRANSLATORS: a field and its value; French puts a space
				 * before the colon. */
				fprintf(out, "    ");
				fprintf(out, C_("label", "%s: %s"), C_("contact", labels[k]), f->value);
				fputc('\n', out);
			}
		}
	}
	return shown;
}

void contacts_free(struct contacts *c)
{
	stanza_file_free(&c->file);
}

char *contacts_default_path(void)
{
	return fsx_xdg(FSX_XDG_CONFIG, "tipscreen/contacts");
}
