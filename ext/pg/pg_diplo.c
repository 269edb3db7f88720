/*
 * pg_diplo.c
 *	  The glue between the core and the server: memory hooks, error mapping
 *	  and encodings (the module's entry point is pg_module.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "pg_diplo.h"
#include "dp_text.h"

static void *
pg_alloc(void *ctx, size_t n)
{
	return MemoryContextAlloc((MemoryContext) ctx, n);
}

static void *
pg_realloc(void *ctx, void *p, size_t n)
{
	return repalloc(p, n);
}

static void
pg_free(void *ctx, void *p)
{
	pfree(p);
}

static void
pg_fail(void *ctx, DpErr code, const char *msg)
{
	switch (code)
	{
		case DP_ERR_TOO_BIG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("diplo: %s", msg),
					 errhint("Split the document into smaller parts.")));
			break;
		case DP_ERR_BAD_UTF8:
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("diplo: %s", msg)));
			break;
		case DP_ERR_BAD_DATA:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("diplo: %s", msg)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("diplo: internal error: %s", msg)));
	}
}

static void
pg_interrupt(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

void
pgdp_mem_init(DpMem *m, MemoryContext cxt)
{
	m->alloc = pg_alloc;
	m->realloc = pg_realloc;
	m->free = pg_free;
	m->fail = pg_fail;
	m->interrupt = pg_interrupt;
	m->ctx = cxt;
}

void
pgdp_doc_init(PgDoc *doc, text *t)
{
	const char *data = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	int			enc = GetDatabaseEncoding();

	doc->byte_offsets = false;
	doc->converted = false;
	if (enc == PG_UTF8)
	{
		/* the server validated it on input */
		doc->utf8 = data;
		doc->len = len;
		return;
	}
	if (enc == PG_SQL_ASCII)
	{
		long		bad = dp_utf8_validate(data, len);

		if (bad >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("diplo: invalid byte sequence for encoding \"UTF8\" at byte %ld", bad + 1),
					 errdetail("In a SQL_ASCII database diplo reads text as UTF-8."),
					 errhint("Store UTF-8 text, or use a UTF8 database.")));
		doc->utf8 = data;
		doc->len = len;
		doc->byte_offsets = true;
		return;
	}
	/* other server encodings: convert, code points map 1:1 to characters */
	doc->utf8 = (const char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, data),
														 (int) len, enc, PG_UTF8);
	doc->len = (doc->utf8 == data) ? len : strlen(doc->utf8);
	doc->converted = (doc->utf8 != data);
}

text *
pgdp_text_from_utf8(const char *s, size_t n)
{
	int			enc = GetDatabaseEncoding();
	char	   *conv;
	text	   *result;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return cstring_to_text_with_len(s, (int) n);
	conv = (char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, s), (int) n,
											  PG_UTF8, enc);
	if (conv == s)
		return cstring_to_text_with_len(s, (int) n);
	result = cstring_to_text(conv);
	pfree(conv);
	return result;
}

/*
 * InitMaterializedSRF() with the row type the executor expects, when it
 * gives one (a function scan and a target-list call do): that is the
 * function's declared result type, read once when the plan was made, where
 * get_call_result_type() looks it up in the catalog caches for every
 * document.
 */
void
pgdp_init_srf(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bits32		flags = 0;

	if (rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) && rsinfo->expectedDesc != NULL)
		flags |= MAT_SRF_USE_EXPECTED_DESC;
	InitMaterializedSRF(fcinfo, flags);
}
