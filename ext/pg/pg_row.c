/*
 * pg_row.c
 *	  Result rows built straight into a tuple (see pg_row.h).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"

#include "pg_diplo.h"
#include "pg_row.h"


StaticAssertDecl(MINIMAL_TUPLE_OFFSET + MAXALIGN(SizeofMinimalTupleHeader + BITMAPLEN(PGDP_ROW_MAX_ATTS)) <= PGDP_ROW_HEADROOM,
				 "PGDP_ROW_HEADROOM too small");

void
pgdp_row_init(PgRow *r, TupleDesc desc)
{
	int			enc = GetDatabaseEncoding();

	memset(r, 0, sizeof(*r));
	if (desc->natts > PGDP_ROW_MAX_ATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("diplo: result type has %d columns, at most %d are supported",
						desc->natts, PGDP_ROW_MAX_ATTS)));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (att->attisdropped ||
			!(att->attlen == -1 || (att->attbyval && (att->attlen == 4 || att->attlen == 1))))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("diplo: column %d of the result type has been changed", i + 1),
					 errhint("Reinstall the extension to restore its result types.")));
		r->attlen[i] = att->attlen;
		r->alignto[i] = (uint8) att_align_nominal(1, att->attalign);
		r->packable[i] = att->attstorage != TYPSTORAGE_PLAIN;
	}
	r->desc = desc;
	r->natts = desc->natts;
	r->utf8_text = enc == PG_UTF8 || enc == PG_SQL_ASCII;
	r->cap = 1024;
	r->buf = palloc(PGDP_ROW_HEADROOM + r->cap);
}

void
pgdp_row_begin(PgRow *r)
{
	/* room for every fixed-length column with its padding */
	if (r->cap < (size_t) r->natts * 8)
	{
		r->cap = (size_t) r->natts * 8;
		r->buf = repalloc(r->buf, PGDP_ROW_HEADROOM + r->cap);
	}
	r->col = 0;
	r->len = 0;
	r->hasnull = false;
	r->hasvarwidth = false;
	memset(r->bits, 0, sizeof(r->bits));
}

/* Grow the data room to hold n more bytes. */
void
pgdp_row_grow(PgRow *r, size_t n)
{
	size_t		cap = r->cap;

	while (r->len + n > cap)
		cap *= 2;
	if (PGDP_ROW_HEADROOM + cap > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("diplo: result row too large")));
	r->buf = repalloc(r->buf, PGDP_ROW_HEADROOM + cap);
	r->cap = cap;
}

void
pgdp_row_bad_column(PgRow *r)
{
	if (r->col >= r->natts)
		elog(ERROR, "diplo: more values than columns in a result row");
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("diplo: column %d of the result type has been changed", r->col + 1),
			 errhint("Reinstall the extension to restore its result types.")));
}

void
pgdp_row_text(PgRow *r, const char *s, size_t n)
{
	if (r->utf8_text)
		pgdp_row_varlena(r, s, n);
	else
	{
		text	   *t = pgdp_text_from_utf8(s, n);

		pgdp_row_varlena(r, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		pfree(t);
	}
}

void
pgdp_row_text_datum_slow(PgRow *r, Datum d)
{
	struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

	pgdp_row_varlena(r, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	if ((Pointer) v != DatumGetPointer(d))
		pfree(v);
}

void
pgdp_row_end(PgRow *r, Tuplestorestate *ts)
{
	size_t		hoff;
	MinimalTuple mt;
	HeapTupleData ht;

	if (r->col != r->natts)
		elog(ERROR, "diplo: %d values for %d columns in a result row", r->col, r->natts);
	/* what heap_form_minimal_tuple() does around heap_fill_tuple() */
	hoff = MAXALIGN(SizeofMinimalTupleHeader + (r->hasnull ? BITMAPLEN(r->natts) : 0));
	mt = (MinimalTuple) (pgdp_row_data(r) - hoff);
	memset(mt, 0, hoff);
	mt->t_len = (uint32) (hoff + r->len);
	HeapTupleHeaderSetNatts(mt, r->natts);
	mt->t_hoff = (uint8) (hoff + MINIMAL_TUPLE_OFFSET);
	if (r->hasnull)
	{
		mt->t_infomask |= HEAP_HASNULL;
		memcpy(mt->t_bits, r->bits, BITMAPLEN(r->natts));
	}
	if (r->hasvarwidth)
		mt->t_infomask |= HEAP_HASVARWIDTH;

	/* as a heap tuple, which tuplestore_puttuple() copies as a minimal one */
	ht.t_len = (uint32) (hoff + r->len + MINIMAL_TUPLE_OFFSET);
	ht.t_data = (HeapTupleHeader) ((char *) mt - MINIMAL_TUPLE_OFFSET);
	ItemPointerSetInvalid(&ht.t_self);
	ht.t_tableOid = InvalidOid;
	tuplestore_puttuple(ts, &ht);
}
