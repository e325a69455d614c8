/* recovery_log: `tipscreen office recovery NOTICE…` — the notices that
 * `tipscreen recover` writes on a laptop (store/recovery.h), opened with
 * the office key, their laptop judged against the known laptops as a
 * bundle's is, and each written once to the office's audit log as a
 * "recovery" entry (`office audit` shows it). A notice that does not
 * open, or of an unknown laptop, is refused and the refusal audited. */
#ifndef TIPSCREEN_RECOVERY_LOG_H
#define TIPSCREEN_RECOVERY_LOG_H

#include "office/office.h"

office_fn office_recovery;

#endif
