/* assessment: the assessment of an interview as the JSON the case keeps
 * (DESIGN §6: a case finished with an older deck still shows what it
 * assessed then). The session records these bytes; the formatting is the
 * report's (report_json), done here so that the session formats nothing. */
#ifndef TIPSCREEN_ASSESSMENT_H
#define TIPSCREEN_ASSESSMENT_H

#include "domain/interview.h"

/* The assessment of iv's answers as JSON: a new string, *outcome its
 * outcome's name (static). NULL when the answers contradict each other
 * or memory ran out: there is then nothing to keep. */
char *assessment_json(const struct interview *iv, const char **outcome);

#endif
