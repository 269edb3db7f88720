/*
 * pg_row.h
 *	  Result rows of the set-returning functions, built column by column
 *	  straight into a tuple.
 *
 * entities() returns one row per mention: about 16 000 rows per MiB of
 * text.  tuplestore_putvalues() first makes every text column a datum (a
 * palloc and a copy each), then heap_form_minimal_tuple() walks the tuple
 * descriptor twice, to size and to fill; together that was a tenth of the
 * function's instructions.  PgRow writes each value once, in the layout
 * heap_fill_tuple() would give it (1-byte headers for short text, aligned
 * 4-byte headers otherwise, the null bitmap), and hands the tuple to
 * tuplestore_puttuple(), which copies it.
 *
 * Only the column types the result types use are supported: text (or
 * another varlena given as bytes), 4-byte and 1-byte pass-by-value types.
 * pgdp_row_init() checks the descriptor and every put checks its column,
 * so a result type altered by hand gives an error, not a bad tuple.
 */
#ifndef PG_ROW_H
#define PG_ROW_H

#include "postgres.h"
#include "access/tupdesc.h"
#include "access/tupmacs.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#define PGDP_ROW_MAX_ATTS 32

typedef struct PgRow
{
	TupleDesc	desc;
	int			natts;
	int			col;			/* next column to put */
	bool		hasnull;
	bool		hasvarwidth;
	bits8		bits[(PGDP_ROW_MAX_ATTS + 7) / 8];
	int16		attlen[PGDP_ROW_MAX_ATTS];	/* the descriptor's, per column */
	uint8		alignto[PGDP_ROW_MAX_ATTS];	/* alignment in bytes */
	bool		packable[PGDP_ROW_MAX_ATTS];	/* short varlena headers allowed */
	bool		utf8_text;		/* server encoding takes UTF-8 bytes as they are */
	char	   *buf;			/* header room, then the data */
	size_t		cap;			/* bytes of data room after the header room */
	size_t		len;			/* data bytes written */
} PgRow;

/* Check desc (errors on an unsupported column type) and set up. */
extern void pgdp_row_init(PgRow *r, TupleDesc desc);
extern void pgdp_row_begin(PgRow *r);

/* The next column: UTF-8 bytes as text, a text datum (below). */
extern void pgdp_row_text(PgRow *r, const char *s, size_t n);
extern void pgdp_row_text_datum_slow(PgRow *r, Datum d);

/* Out of line: growth and errors of the inline puts below. */
extern void pgdp_row_grow(PgRow *r, size_t n);
extern void pgdp_row_bad_column(PgRow *r) pg_attribute_noreturn();

/*
 * Room before the data for the largest minimal tuple header, plus the bytes
 * a heap tuple header has before it; keeps the data MAXALIGNed.
 */
#define PGDP_ROW_HEADROOM 64

static inline char *
pgdp_row_data(PgRow *r)
{
	return r->buf + PGDP_ROW_HEADROOM;
}

static inline void
pgdp_row_reserve(PgRow *r, size_t n)
{
	if (unlikely(r->len + n > r->cap))
		pgdp_row_grow(r, n);
}

/* Zero-pad the data to an alignment of a bytes (a power of two). */
static inline void
pgdp_row_align(PgRow *r, uint8 a)
{
	size_t		to = (r->len + a - 1) & ~((size_t) a - 1);

	pgdp_row_reserve(r, to - r->len);
	while (r->len < to)
		pgdp_row_data(r)[r->len++] = 0;
}

/* Check the column a put fills (it exists, it has length attlen) and mark
 * it not null. */
static inline void
pgdp_row_column(PgRow *r, int16 attlen)
{
	if (unlikely(r->col >= r->natts || r->attlen[r->col] != attlen))
		pgdp_row_bad_column(r);
	r->bits[r->col >> 3] |= (bits8) (1 << (r->col & 7));
}

/* n bytes of a varlena's payload, as heap_fill_tuple() lays them out. */
static inline void
pgdp_row_varlena(PgRow *r, const char *s, size_t n)
{
	char	   *p;

	pgdp_row_column(r, -1);
	if (r->packable[r->col] && n + VARHDRSZ_SHORT <= VARATT_SHORT_MAX)
	{
		/* a 1-byte header, unaligned */
		pgdp_row_reserve(r, VARHDRSZ_SHORT + n);
		p = pgdp_row_data(r) + r->len;
		SET_VARSIZE_SHORT(p, VARHDRSZ_SHORT + n);
		memcpy(p + VARHDRSZ_SHORT, s, n);
		r->len += VARHDRSZ_SHORT + n;
	}
	else
	{
		if (n > MaxAllocSize - VARHDRSZ)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("diplo: result value too large")));
		pgdp_row_align(r, r->alignto[r->col]);
		pgdp_row_reserve(r, VARHDRSZ + n);
		p = pgdp_row_data(r) + r->len;
		SET_VARSIZE(p, VARHDRSZ + n);
		memcpy(p + VARHDRSZ, s, n);
		r->len += VARHDRSZ + n;
	}
	r->hasvarwidth = true;
	r->col++;
}

/* A text datum; the cached names and codes are plain 4-byte-header text. */
static inline void
pgdp_row_text_datum(PgRow *r, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	if (VARATT_IS_4B_U(v))
		pgdp_row_varlena(r, VARDATA(v), VARSIZE(v) - VARHDRSZ);
	else
		pgdp_row_text_datum_slow(r, d);
}

static inline void
pgdp_row_null(PgRow *r)
{
	if (unlikely(r->col >= r->natts))
		pgdp_row_bad_column(r);
	r->hasnull = true;
	r->col++;
}

/* Any 4-byte pass-by-value datum (int4, float4, an enum's OID). */
static inline void
pgdp_row_datum4(PgRow *r, Datum d)
{
	pgdp_row_column(r, 4);
	pgdp_row_align(r, r->alignto[r->col]);
	pgdp_row_reserve(r, 4);
	store_att_byval(pgdp_row_data(r) + r->len, d, 4);
	r->len += 4;
	r->col++;
}

static inline void
pgdp_row_int4(PgRow *r, int32 v)
{
	pgdp_row_datum4(r, Int32GetDatum(v));
}

static inline void
pgdp_row_float4(PgRow *r, float4 v)
{
	pgdp_row_datum4(r, Float4GetDatum(v));
}

static inline void
pgdp_row_bool(PgRow *r, bool v)
{
	pgdp_row_column(r, 1);
	pgdp_row_align(r, r->alignto[r->col]);
	pgdp_row_reserve(r, 1);
	store_att_byval(pgdp_row_data(r) + r->len, BoolGetDatum(v), 1);
	r->len += 1;
	r->col++;
}

/* Append the row (every column put) to ts. */
extern void pgdp_row_end(PgRow *r, Tuplestorestate *ts);

#endif
