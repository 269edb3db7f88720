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
#include "dp_stance.h"

PG_FUNCTION_INFO_V1(diplo_stances);

static Datum
actor_or_null(PgDict *pd, int16 actor, bool *isnull)
{
	*isnull = actor < 0;
	return actor < 0 ? (Datum) 0 : pgdp_dict_code_text(pd, actor);
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

	InitMaterializedSRF(fcinfo, 0);
	work = AllocSetContextCreate(CurrentMemoryContext, "diplo stances", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, work);
	dp_stance_document(d, &mem, doc.utf8, doc.len, &ss);
	for (size_t i = 0; i < ss.n; i++)
	{
		const DpStance *s = &ss.s[i];
		Datum		values[13];
		bool		nulls[13] = {0};

		values[0] = PointerGetDatum(pgdp_text_from_utf8(s->holder, strlen(s->holder)));
		values[1] = actor_or_null(pd, s->holder_actor, &nulls[1]);
		values[2] = PointerGetDatum(pgdp_text_from_utf8(s->target, strlen(s->target)));
		values[3] = actor_or_null(pd, s->target_actor, &nulls[3]);
		values[4] = Float4GetDatum(s->score);
		values[5] = PointerGetDatum(pgdp_text_from_utf8(doc.utf8 + s->cue_off, s->cue_len));
		values[6] = Int32GetDatum(s->sentence);
		values[7] = Int32GetDatum(pgdp_start(&doc, s->off, s->coff));
		values[8] = Int32GetDatum(doc.byte_offsets ? s->len : s->clen);
		values[9] = BoolGetDatum(s->negated);
		values[10] = BoolGetDatum(s->hedged);
		values[11] = BoolGetDatum(s->reported);
		values[12] = PointerGetDatum(pgdp_text_from_utf8(doc.utf8 + s->off, s->len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}
