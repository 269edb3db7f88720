/*
 * pg_stance.c
 *	  SQL function of the stance scorer: stances().
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "pg_diplo.h"
#include "pg_dict.h"
#include "pg_row.h"
#include "dp_stance.h"
#include "dp_text.h"

/* diplo.stance of version 0.1 ends at evidence; 0.2 adds five columns */
#define STANCE_COLUMNS_0_1 13

PG_FUNCTION_INFO_V1(diplo_stances);

static void
actor_or_null(PgRow *row, PgDict *pd, int16 actor)
{
	if (actor < 0)
		pgdp_row_null(row);
	else
		pgdp_row_text_datum(row, pgdp_dict_code_text(pd, actor));
}

static void
kind_or_null(PgRow *row, int kind)
{
	if (kind < 0 || kind >= DP_KIND__COUNT)
		pgdp_row_null(row);
	else
		pgdp_row_text(row, dp_kind_names[kind], strlen(dp_kind_names[kind]));
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
		/* three decimals: what a cue's weight can say, without float noise */
		pgdp_row_float4(&row, rintf(s->score * 1000.0f) / 1000.0f);
		pgdp_row_text(&row, doc.utf8 + s->cue_off, s->cue_len);
		pgdp_row_int4(&row, s->sentence);
		pgdp_row_int4(&row, pgdp_start(&doc, s->off, s->coff));
		pgdp_row_int4(&row, doc.byte_offsets ? s->len : s->clen);
		pgdp_row_bool(&row, s->negated);
		pgdp_row_bool(&row, s->hedged);
		pgdp_row_bool(&row, s->reported);
		pgdp_row_text(&row, doc.utf8 + s->off, s->len);
		if (row.natts > STANCE_COLUMNS_0_1)
		{
			/* the columns added in 0.2 (a 0.1 install has 13) */
			uint32		ccoff;

			pgdp_row_int4(&row, (int32) i + 1);
			kind_or_null(&row, s->holder_kind);
			if (s->target_topic)
				pgdp_row_text(&row, "topic", 5);
			else
				kind_or_null(&row, s->target_kind);
			/* the cue's code point offset, counted from the evidence's */
			if (s->cue_off >= s->off)
				ccoff = s->coff + (uint32) dp_utf8_count(doc.utf8 + s->off, s->cue_off - s->off);
			else
				ccoff = s->coff - (uint32) dp_utf8_count(doc.utf8 + s->cue_off, s->off - s->cue_off);
			pgdp_row_int4(&row, pgdp_start(&doc, s->cue_off, ccoff));
			pgdp_row_int4(&row, doc.byte_offsets ? (int32) s->cue_len
						  : (int32) dp_utf8_count(doc.utf8 + s->cue_off, s->cue_len));
		}
		pgdp_row_end(&row, rsinfo->setResult);
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(work);
	return (Datum) 0;
}
