/*
 * pg_entity.c
 *	  SQL functions of the entity tagger: entities() and entity_ids().
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "storage/proc.h"
#include "pg_diplo.h"
#include "pg_dict.h"
#include "pg_row.h"
#include "dp_entity.h"

PG_FUNCTION_INFO_V1(diplo_entities);
PG_FUNCTION_INFO_V1(diplo_entity_ids);

/*
 * The diplo.entity_kind label values, looked up once per transaction (a
 * syscache lookup per label and document was a visible part of the cost).
 * Label OIDs never change while the type exists, and a type's OID is not
 * reused within a transaction.
 */
static const Datum *
kind_datums(Oid enumtype)
{
	static Datum kinds[DP_KIND__COUNT];
	static Oid	cached_type = InvalidOid;
	static LocalTransactionId cached_lxid = InvalidLocalTransactionId;

	if (cached_type != enumtype || cached_lxid != MyProc->lxid)
	{
		cached_type = InvalidOid;
		for (int k = 0; k < DP_KIND__COUNT; k++)
			kinds[k] = DirectFunctionCall2(enum_in, CStringGetDatum(dp_kind_names[k]),
										   ObjectIdGetDatum(enumtype));
		cached_type = enumtype;
		cached_lxid = MyProc->lxid;
	}
	return kinds;
}

/* Every named entity mention of a document. */
Datum
diplo_entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PgDict	   *pd = pgdp_dict_get_pg(fcinfo);
	DpDict	   *d = pd->dict;
	PgDoc		doc;
	DpMem		mem;
	DpMentions	ms = {0};
	MemoryContext work;
	MemoryContext old;
	const Datum *kinds;
	PgRow		row;

	pgdp_init_srf(fcinfo);
	kinds = kind_datums(TupleDescAttr(rsinfo->setDesc, 2)->atttypid);

	work = pgdp_call_context(fcinfo);
	old = MemoryContextSwitchTo(work);
	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, work);
	dp_tag_document(d, &mem, doc.utf8, doc.len, &ms);
	pgdp_row_init(&row, rsinfo->setDesc);
	for (size_t i = 0; i < ms.n; i++)
	{
		const DpMention *m = &ms.m[i];

		pgdp_row_begin(&row);
		pgdp_row_text(&row, doc.utf8 + m->off, m->len);
		/* dictionary names and codes are made into text once per backend */
		if (m->entity >= 0 && (uint32) m->entity < d->nentities && m->name == d->entities[m->entity].name)
			pgdp_row_text_datum(&row, pgdp_dict_name_text(pd, m->entity));
		else
			pgdp_row_text(&row, m->name, strlen(m->name));
		pgdp_row_datum4(&row, kinds[m->kind]);
		if (m->actor < 0)
			pgdp_row_null(&row);
		else
			pgdp_row_text_datum(&row, pgdp_dict_code_text(pd, m->actor));
		pgdp_row_int4(&row, pgdp_start(&doc, m->off, m->coff));
		pgdp_row_int4(&row, doc.byte_offsets ? m->len : m->clen);
		pgdp_row_int4(&row, m->sentence);
		StaticAssertStmt(DP_M__COUNT <= lengthof(pd->method_text), "method_text too small");
		pgdp_row_text_datum(&row, pgdp_dict_method_text(pd, m->method, dp_method_names[m->method]));
		pgdp_row_float4(&row, m->confidence);
		pgdp_row_end(&row, rsinfo->setResult);
		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(work);
	return (Datum) 0;
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * Sorted distinct canonical names of the scored kinds mentioned in a
 * document, for a GIN expression index.
 */
Datum
diplo_entity_ids(PG_FUNCTION_ARGS)
{
	DpDict	   *d = pgdp_dict_get(fcinfo);
	MemoryContext work = pgdp_call_context(fcinfo);
	PgDoc		doc;
	DpMem		mem;
	DpMentions	ms = {0};
	const char **names;
	Datum	   *elems;
	size_t		n = 0;
	ArrayType  *result;

	pgdp_doc_init(&doc, PG_GETARG_TEXT_PP(0));
	pgdp_mem_init(&mem, work);
	dp_tag_document(d, &mem, doc.utf8, doc.len, &ms);
	/* distinct names first (a hash set), then sort those few */
	{
		size_t		nslots = 16;
		const char **set;

		while (nslots < ms.n * 2 + 1)
			nslots *= 2;
		set = palloc0(sizeof(char *) * nslots);
		names = palloc(sizeof(char *) * (ms.n + 1));
		for (size_t i = 0; i < ms.n; i++)
		{
			const char *nm = ms.m[i].name;
			size_t		h;

			if ((i & 4095) == 4095)
				CHECK_FOR_INTERRUPTS();
			if (!(ms.m[i].kind == DP_KIND_PER || ms.m[i].kind == DP_KIND_GPE || ms.m[i].kind == DP_KIND_ORG))
				continue;
			h = (size_t) dp_hash_bytes(nm, strlen(nm), 7) & (nslots - 1);
			while (set[h] && strcmp(set[h], nm) != 0)
				h = (h + 1) & (nslots - 1);
			if (set[h])
				continue;
			set[h] = nm;
			names[n++] = nm;
		}
		pfree(set);
	}
	qsort(names, n, sizeof(char *), cmp_cstr);
	elems = palloc(sizeof(Datum) * (n + 1));
	for (size_t i = 0; i < n; i++)
		elems[i] = PointerGetDatum(pgdp_text_from_utf8(names[i], strlen(names[i])));
	result = construct_array(elems, (int) n, TEXTOID, -1, false, TYPALIGN_INT);
	MemoryContextReset(work);
	PG_RETURN_ARRAYTYPE_P(result);
}
