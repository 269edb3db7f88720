/*
 * pg_html.c
 *	  SQL function strip_html: the plain text of an HTML page, for
 *	  entities() and stances().
 */
#include "postgres.h"

#include "pg_diplo.h"
#include "dp_html.h"

PG_FUNCTION_INFO_V1(diplo_strip_html);

/* Tags dropped, blocks as paragraphs, character references decoded. */
Datum
diplo_strip_html(PG_FUNCTION_ARGS)
{
	PgDoc		doc;
	DpMem		mem;
	DpBuf		out = {0};

	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, CurrentMemoryContext);
	dp_strip_html(&mem, doc.utf8, doc.len, &out);
	PG_RETURN_TEXT_P(pgdp_text_from_utf8(out.data ? out.data : "", out.len));
}
