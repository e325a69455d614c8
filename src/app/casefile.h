/* casefile: one case as a readable case file, the text export (DESIGN.md
 * §6, `tipscreen export ID --format txt`).
 *
 * In order: the case (id, dates, status, the stop and where, language,
 * deck identity), the setup (role, place, contact, interpreter, safety,
 * consent), the person's accounts (the open text answers), the answers by
 * section with the indicator each sets, the referral (consent, when the
 * contacts were shown), the screener's notes kept apart from the person's
 * answers, the summary (the structured report, also for a stopped
 * interview) and the changes in order. Every time is a date: ISO 8601 in
 * local time with its offset from UTC, never seconds since the epoch.
 *
 * Everything is borrowed from the caller; nothing is kept. The output is
 * not sanitised here: the caller sanitises the whole export. */
#ifndef TIPSCREEN_CASEFILE_H
#define TIPSCREEN_CASEFILE_H

#include <stdio.h>
#include <time.h>

#include "domain/interview.h"
#include "domain/report.h"
#include "store/record.h"
#include "store/store.h"

struct casefile {
	const char *id;
	const struct store_case *info;
	const struct records *r;
	const struct interview *iv;	/* NULL: answered with another deck */
	const struct report *summary;	/* with iv: its summary (and a law profile's) */
};

/* The case file, prose wrapped to width columns. */
void casefile_print(FILE *out, const struct casefile *c, int width);

/* t (seconds) or ms (milliseconds) since the epoch as ISO 8601 local time
 * with the offset ("2026-12-01T23:14:05+01:00"); buf holds 32. */
void casefile_time(char *buf, size_t n, time_t t);
void casefile_time_ms(char *buf, size_t n, long long ms);

#endif
