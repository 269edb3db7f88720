/*
 * pg_diplo.h
 *	  Shared pieces of the SQL layer: the core's memory hooks over palloc,
 *	  and documents converted to UTF-8 with the right offset unit.
 */
#ifndef PG_DIPLO_H
#define PG_DIPLO_H

#include "postgres.h"
#include "fmgr.h"

#include "dp_core.h"

/* A document as the core sees it. */
typedef struct PgDoc
{
	const char *utf8;			/* UTF-8 bytes (maybe converted) */
	size_t		len;
	bool		byte_offsets;	/* SQL_ASCII: substr() counts bytes */
	bool		converted;		/* utf8 is not the server's own text */
} PgDoc;

/* Hooks that allocate in cxt and turn core failures into ereport(ERROR). */
extern void pgdp_mem_init(DpMem *m, MemoryContext cxt);

/* Read a text argument as UTF-8; errors 22021 on invalid bytes. */
extern void pgdp_doc_init(PgDoc *doc, text *t);

/* A piece of UTF-8 as a text datum in the server encoding. */
extern text *pgdp_text_from_utf8(const char *s, size_t n);

/* The setting diplo.rules_off (pg_rules.c). */
extern void pgdp_rules_init(void);

/* The hint on permission errors about the dictionary (pg_hint.c). */
extern void pgdp_hint_init(void);

/* InitMaterializedSRF() for the set-returning functions (see pg_diplo.c). */
extern void pgdp_init_srf(FunctionCallInfo fcinfo);

/* 1-based substr() start and length of a core token range. */
static inline int32
pgdp_start(const PgDoc *doc, uint32 off, uint32 coff)
{
	return (int32) (doc->byte_offsets ? off : coff) + 1;
}

#endif
