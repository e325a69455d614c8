/* pq_load: libpq, loaded with dlopen only when the office opens a
 * PostgreSQL URL, so that the field tool (the interview, training and every
 * laptop command) never maps libpq and the two dozen libraries it brings
 * (DESIGN §12; issue 25). The types and constants come from libpq's header;
 * every libpq function db_pg.c calls is redirected by a macro below to the
 * table pq_load fills, so db_pg.c reads as ordinary libpq code.
 *
 * pq_load must succeed before any PQ function is called; it loads the
 * library once per process and keeps it loaded (it is never closed: a
 * connection may outlive any one caller). Not thread-safe; the office is
 * single-threaded. */
#ifndef TIPSCREEN_PQ_LOAD_H
#define TIPSCREEN_PQ_LOAD_H

#include <postgresql/libpq-fe.h>
#include <stddef.h>

/* One pointer per libpq function the office uses. */
struct pq_api {
	PGconn *(*connectdb)(const char *conninfo);
	ConnStatusType (*status)(const PGconn *conn);
	char *(*error_message)(const PGconn *conn);
	void (*finish)(PGconn *conn);
	PQnoticeProcessor (*set_notice_processor)(PGconn *conn, PQnoticeProcessor proc, void *arg);
	PGresult *(*exec)(PGconn *conn, const char *query);
	PGresult *(*exec_params)(PGconn *conn, const char *command, int nParams,
				 const Oid *paramTypes, const char *const *paramValues,
				 const int *paramLengths, const int *paramFormats, int resultFormat);
	PGresult *(*prepare)(PGconn *conn, const char *stmtName, const char *query, int nParams,
			     const Oid *paramTypes);
	PGresult *(*exec_prepared)(PGconn *conn, const char *stmtName, int nParams,
				   const char *const *paramValues, const int *paramLengths,
				   const int *paramFormats, int resultFormat);
	ExecStatusType (*result_status)(const PGresult *res);
	char *(*result_error_field)(const PGresult *res, int fieldcode);
	char *(*result_error_message)(const PGresult *res);
	void (*clear)(PGresult *res);
	int (*ntuples)(const PGresult *res);
	int (*nfields)(const PGresult *res);
	char *(*getvalue)(const PGresult *res, int tup_num, int field_num);
	int (*getisnull)(const PGresult *res, int tup_num, int field_num);
	int (*getlength)(const PGresult *res, int tup_num, int field_num);
	char *(*cmd_tuples)(PGresult *res);
	PGTransactionStatusType (*transaction_status)(const PGconn *conn);
};

/* Loads libpq (libpq.so.5) and fills the table: 0, or -1 with a message in
 * err saying that the PostgreSQL client library is missing and which
 * package gives it. Cheap after the first success. */
int pq_load(char *err, size_t n);

/* The table pq_load filled; only valid after it returned 0. */
const struct pq_api *pq_api(void);

#define PQconnectdb (pq_api()->connectdb)
#define PQstatus (pq_api()->status)
#define PQerrorMessage (pq_api()->error_message)
#define PQfinish (pq_api()->finish)
#define PQsetNoticeProcessor (pq_api()->set_notice_processor)
#define PQexec (pq_api()->exec)
#define PQexecParams (pq_api()->exec_params)
#define PQprepare (pq_api()->prepare)
#define PQexecPrepared (pq_api()->exec_prepared)
#define PQresultStatus (pq_api()->result_status)
#define PQresultErrorField (pq_api()->result_error_field)
#define PQresultErrorMessage (pq_api()->result_error_message)
#define PQclear (pq_api()->clear)
#define PQntuples (pq_api()->ntuples)
#define PQnfields (pq_api()->nfields)
#define PQgetvalue (pq_api()->getvalue)
#define PQgetisnull (pq_api()->getisnull)
#define PQgetlength (pq_api()->getlength)
#define PQcmdTuples (pq_api()->cmd_tuples)
#define PQtransactionStatus (pq_api()->transaction_status)

#endif
