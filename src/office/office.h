/* office: the office's commands over the office store (db.h): init,
 * import (import.c), cases, show, conflicts, audit, stats (cmd.c, stats.c).
 * Each returns an exit code (cmd.h); the store is opened by cmd_office. */
#ifndef TIPSCREEN_OFFICE_H
#define TIPSCREEN_OFFICE_H

#include "office/db.h"
#include "cmd/cmd.h"

int office_import(const struct options *o, struct db *db, int argc, const char *const *argv);
int office_stats(const struct options *o, struct db *db);

/* A time as "2026-12-01 23:40" (UTC) into buf (32 bytes). */
const char *office_date(const char *seconds, char buf[32]);

#endif
