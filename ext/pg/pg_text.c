/*
 * pg_text.c
 *	  SQL functions of the text layer: normalize, match_key, tokens,
 *	  sentences, text_stats.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "pg_diplo.h"
#include "dp_text.h"
#include "dp_token.h"

PG_FUNCTION_INFO_V1(diplo_normalize);
PG_FUNCTION_INFO_V1(diplo_match_key);
PG_FUNCTION_INFO_V1(diplo_tokens);
PG_FUNCTION_INFO_V1(diplo_sentences);
PG_FUNCTION_INFO_V1(diplo_text_stats);

/* Apply a core normaliser to a text argument. */
static text *
apply_norm(text *arg, void (*fn) (DpMem *, const char *, size_t, DpBuf *))
{
	PgDoc		doc;
	DpMem		mem;
	DpBuf		out = {0};

	pgdp_doc_init(&doc, arg);
	pgdp_mem_init(&mem, CurrentMemoryContext);
	fn(&mem, doc.utf8, doc.len, &out);
	return pgdp_text_from_utf8(out.data ? out.data : "", out.len);
}

/* NFC and typographic folding of a text. */
Datum
diplo_normalize(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(apply_norm(PG_GETARG_TEXT_PP(0), dp_normalize));
}

/* The case- and accent-folded key names are matched on. */
Datum
diplo_match_key(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(apply_norm(PG_GETARG_TEXT_PP(0), dp_fold_key));
}

/* Return every token of a document as a row. */
Datum
diplo_tokens(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PgDoc		doc;
	DpMem		mem;
	DpSplitter	sp;
	DpSentence	sent = {0};
	MemoryContext rowcxt;
	int32		position = 0;

	pgdp_init_srf(fcinfo);
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, CurrentMemoryContext);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "diplo tokens row", ALLOCSET_SMALL_SIZES);
	dp_splitter_init(&sp, &mem, doc.utf8, doc.len);
	while (dp_splitter_next(&sp, &sent))
	{
		for (size_t i = 0; i < sent.ntok; i++)
		{
			const DpToken *t = &sent.tok[i];
			Datum		values[7];
			bool		nulls[7] = {0};
			DpBuf		norm = {0};
			DpMem		rmem;
			MemoryContext old = MemoryContextSwitchTo(rowcxt);

			pgdp_mem_init(&rmem, rowcxt);
			dp_normalize(&rmem, doc.utf8 + t->off, t->len, &norm);
			values[0] = Int32GetDatum(++position);
			values[1] = PointerGetDatum(pgdp_text_from_utf8(doc.utf8 + t->off, t->len));
			values[2] = PointerGetDatum(pgdp_text_from_utf8(norm.data ? norm.data : "", norm.len));
			values[3] = Int32GetDatum(pgdp_start(&doc, t->off, t->coff));
			values[4] = Int32GetDatum(doc.byte_offsets ? t->len : t->clen);
			values[5] = Int32GetDatum(t->sentence);
			values[6] = CStringGetTextDatum(dp_tok_class_names[t->cls]);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			MemoryContextSwitchTo(old);
			MemoryContextReset(rowcxt);
		}
	}
	return (Datum) 0;
}

/* Return every sentence of a document as a row. */
Datum
diplo_sentences(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PgDoc		doc;
	DpMem		mem;
	DpSplitter	sp;
	DpSentence	sent = {0};

	pgdp_init_srf(fcinfo);
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, CurrentMemoryContext);
	dp_splitter_init(&sp, &mem, doc.utf8, doc.len);
	while (dp_splitter_next(&sp, &sent))
	{
		const DpToken *a = &sent.tok[0];
		const DpToken *z = &sent.tok[sent.ntok - 1];
		Datum		values[4];
		bool		nulls[4] = {0};
		text	   *txt = pgdp_text_from_utf8(doc.utf8 + a->off, z->off + z->len - a->off);

		values[0] = Int32GetDatum(sent.number);
		values[1] = Int32GetDatum(pgdp_start(&doc, a->off, a->coff));
		values[2] = Int32GetDatum(doc.byte_offsets ? z->off + z->len - a->off
								  : z->coff + z->clen - a->coff);
		values[3] = PointerGetDatum(txt);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		pfree(txt);
	}
	return (Datum) 0;
}

/* Count tokens and sentences without materialising them. */
Datum
diplo_text_stats(PG_FUNCTION_ARGS)
{
	PgDoc		doc;
	DpMem		mem;
	size_t		ntok,
				nsent;
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {0};

	/* the blessed row type, once per call site */
	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		tupdesc = BlessTupleDesc(tupdesc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tupdesc;
	}
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, CurrentMemoryContext);
	dp_count(&mem, doc.utf8, doc.len, &ntok, &nsent);
	values[0] = Int64GetDatum((int64) ntok);
	values[1] = Int64GetDatum((int64) nsent);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
