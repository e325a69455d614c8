/* pq_load: libpq by dlopen (pq_load.h). The table is the one piece of
 * process-wide state here: the library is loaded once and stays, as a
 * linked library would. */
#include "office/pq_load.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static struct pq_api api;
static bool loaded;

/* Each table slot and the libpq symbol that fills it. */
#define PQ_SYMBOLS(X) \
	X(connectdb, "PQconnectdb") X(status, "PQstatus") X(error_message, "PQerrorMessage") \
	X(finish, "PQfinish") X(set_notice_processor, "PQsetNoticeProcessor") \
	X(exec, "PQexec") X(exec_params, "PQexecParams") X(prepare, "PQprepare") \
	X(exec_prepared, "PQexecPrepared") X(result_status, "PQresultStatus") \
	X(result_error_field, "PQresultErrorField") \
	X(result_error_message, "PQresultErrorMessage") X(clear, "PQclear") \
	X(ntuples, "PQntuples") X(nfields, "PQnfields") X(getvalue, "PQgetvalue") \
	X(getisnull, "PQgetisnull") X(getlength, "PQgetlength") X(cmd_tuples, "PQcmdTuples") \
	X(transaction_status, "PQtransactionStatus")

/* dlsym returns an object pointer; POSIX guarantees it converts to a
 * function pointer, which ISO C does not say, hence the memcpy. */
static bool take(void *lib, const char *name, void *slot, size_t size)
{
	void *p = dlsym(lib, name);
	if (p)
		memcpy(slot, &p, size);
	return p != NULL;
}

int pq_load(char *err, size_t n)
{
	if (loaded)
		return 0;
	void *lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(err, n, "a postgresql:// store needs the PostgreSQL client library "
			 "libpq.so.5, which cannot be loaded (install the package libpq5): %s",
			 dlerror());
		return -1;
	}
	bool ok = true;
#define PQ_TAKE(slot, name) ok = ok && take(lib, name, &api.slot, sizeof api.slot);
	PQ_SYMBOLS(PQ_TAKE)
#undef PQ_TAKE
	if (!ok) {
		snprintf(err, n, "the PostgreSQL client library libpq.so.5 lacks a function the "
			 "office needs (too old?): %s", dlerror());
		dlclose(lib);
		return -1;
	}
	loaded = true;
	return 0;
}

const struct pq_api *pq_api(void)
{
	return &api;
}
