#include "domain/contacts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/xalloc.h"
#include "domain/catalog.h"

static const char *const fields[] = { "Name", "For", "Phone", "Hours", "Address", "Note", NULL };
/* The fields as the referral screen shows them, in the interface language. */
static const char *const labels[] = {
	NC_("contact", "Name"), NC_("contact", "For"), NC_("contact", "Phone"),
	NC_("contact", "Hours"), NC_("contact", "Address"), NC_("contact", "Note"),
};

static bool known(const char *key)
{
	for (int i = 0; fields[i]; i++)
		if (strcasecmp(fields[i], key) == 0)
			return true;
	return false;
}

int contacts_load(const char *path, struct contacts *c, struct diags *d)
{
	memset(c, 0, sizeof *c);
	if (access(path, F_OK) != 0)
		return 1;
	size_t before = d->n;
	stanza_read(path, &c->file, d);
	for (size_t i = 0; i < c->file.n; i++) {
		const struct stanza *s = &c->file.s[i];
		if (!stanza_get(s, "Name"))
			diags_add(d, path, s->line, 1, "a contact needs a 'Name:' field");
		for (size_t j = 0; j < s->n; j++)
			if (!known(s->f[j].key))
				diags_add(d, path, s->f[j].line, s->f[j].col,
					  "unknown field '%s': expected Name, For, Phone, Hours, Address or Note",
					  s->f[j].key);
	}
	return d->n > before ? -1 : 0;
}

void contacts_print(const struct contacts *c, FILE *out)
{
	for (size_t i = 0; i < c->file.n; i++) {
		const struct stanza *s = &c->file.s[i];
		for (int k = 0; fields[k]; k++) {
			const struct field *f = stanza_get(s, fields[k]);
			if (f && k == 0)
				fprintf(out, "  %s\n", f->value);
			else if (f)
				fprintf(out, "    %s: %s\n", C_("contact", labels[k]), f->value);
		}
	}
}

void contacts_free(struct contacts *c)
{
	stanza_file_free(&c->file);
}

char *contacts_default_path(void)
{
	return fsx_xdg(FSX_XDG_CONFIG, "tipscreen/contacts");
}
