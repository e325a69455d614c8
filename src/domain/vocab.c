#include "domain/vocab.h"

#include "domain/catalog.h"

#include <stddef.h>
#include <string.h>

struct indicator_info {
	const char *id;
	enum element el;
	const char *cite;
	const char *words;
};

#define X_INFO(e, id, el, cite, words) { id, el, cite, words },
static const struct indicator_info indicators[IND_COUNT] = { INDICATOR_TABLE(X_INFO) };
#undef X_INFO

static const char *const elements[EL_COUNT] = { "act", "means", "purpose", "smuggling" };

static const char *const values[IV_COUNT] = {
	"absent", "yes", "intended", "no", "dontknow", "declined", "unanswered"
};

const char *indicator_id(enum indicator i)
{
	return indicators[i].id;
}

int indicator_lookup(const char *id)
{
	for (int i = 0; i < IND_COUNT; i++)
		if (strcmp(indicators[i].id, id) == 0)
			return i;
	return -1;
}

enum element indicator_element(enum indicator i)
{
	return indicators[i].el;
}

const char *indicator_cite(enum indicator i)
{
	return indicators[i].cite;
}

const char *indicator_words(enum indicator i)
{
	return indicators[i].words;
}

const char *element_name(enum element e)
{
	return elements[e];
}

int element_lookup(const char *name)
{
	for (int i = 0; i < EL_COUNT; i++)
		if (strcmp(elements[i], name) == 0)
			return i;
	return -1;
}

const char *ind_value_name(enum ind_value v)
{
	return values[v];
}

int ind_value_lookup(const char *name)
{
	for (int i = IV_YES; i < IV_COUNT; i++)
		if (strcmp(values[i], name) == 0)
			return i;
	return -1;
}

const char *ind_value_text(enum ind_value v)
{
	static const char *const texts[] = {
		[IV_ABSENT] = N_("not asked"), [IV_YES] = N_("yes"),
		[IV_INTENDED] = N_("intended (told, planned or expected)"), [IV_NO] = N_("no"),
		[IV_DONTKNOW] = N_("don't know"), [IV_DECLINED] = N_("declined"),
		[IV_UNANSWERED] = N_("not answered"),
	};
	return _(texts[v]);
}
