/*
 * pg_stance.c
 *	  SQL function of the stance scorer: stances().
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "pg_diplo.h"
#include "pg_dict.h"
#include "pg_row.h"
#include "dp_stance.h"

PG_FUNCTION_INFO_V1(diplo_stances);

static void
actor_or_null(PgRow *row, PgDict *pd, int16 actor)
{
	if (actor < 0)
		pgdp_row_null(row);
	else
		pgdp_row_text_datum(row, pgdp_dict_code_text(pd, actor));
}

/* Every holder -> target stance of a document with its evidence. */
Datum
diplo_stances(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PgDict	   *pd = pgdp_dict_get_pg(fcinfo);
	DpDict	   *d = pd->dict;
	PgDoc		doc;
	DpMem		mem;
	DpStances	ss = {0};
	MemoryContext work;
	MemoryContext old;
	PgRow		row;

	pgdp_init_srf(fcinfo);
	work = pgdp_call_context(fcinfo);
	old = MemoryContextSwitchTo(work);
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, work);
	dp_stance_document(d, &mem, doc.utf8, doc.len, &ss);
	pgdp_row_init(&row, rsinfo->setDesc);
	for (size_t i = 0; i < ss.n; i++)
	{
		const DpStance *s = &ss.s[i];

		pgdp_row_begin(&row);
		pgdp_row_text(&row, s->holder, strlen(s->holder));
		actor_or_null(&row, pd, s->holder_actor);
		pgdp_row_text(&row, s->target, strlen(s->target));
		actor_or_null(&row, pd, s->target_actor);
		pgdp_row_float4(&row, s->score);
		pgdp_row_text(&row, doc.utf8 + s->cue_off, s->cue_len);
		pgdp_row_int4(&row, s->sentence);
		pgdp_row_int4(&row, pgdp_start(&doc, s->off, s->coff));
		pgdp_row_int4(&row, doc.byte_offsets ? s->len : s->clen);
		pgdp_row_bool(&row, s->negated);
		pgdp_row_bool(&row, s->hedged);
		pgdp_row_bool(&row, s->reported);
		pgdp_row_text(&row, doc.utf8 + s->off, s->len);
		pgdp_row_end(&row, rsinfo->setResult);
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(work);
	return (Datum) 0;
}
