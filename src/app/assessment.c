#include "app/assessment.h"

#include <stdio.h>
#include <stdlib.h>

#include "domain/report.h"

char *assessment_json(const struct interview *iv, const char **outcome)
{
	struct assessment a;
	const char *why;
	if (interview_assess(iv, &a, &why) < 0)
		return NULL;
	char *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&json, &len);
	if (!f)
		return NULL;
	report_json(f, &a);
	if (fclose(f) != 0) {
		free(json);
		return NULL;
	}
	*outcome = assess_outcome_name(a.outcome);
	return json;
}
