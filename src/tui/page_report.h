/* page_report: the bodies of the screens drawn from the view's reports —
 * the review (its rows, the unanswered, declined and discarded lists), the
 * summary and the referral's contacts — laid out as rows for page.c. */
#ifndef TIPSCREEN_PAGE_REPORT_H
#define TIPSCREEN_PAGE_REPORT_H

#include "tui/rows.h"

void page_review(struct builder *b, const struct screen *sc);
void page_summary(struct builder *b, const struct screen *sc);
void page_referral(struct builder *b, const struct screen *sc);

#endif
