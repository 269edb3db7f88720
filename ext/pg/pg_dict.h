/*
 * pg_dict.h
 *	  The backend's compiled dictionary and its per-statement pin.
 */
#ifndef PG_DICT_H
#define PG_DICT_H

#include "postgres.h"
#include "fmgr.h"

#include "dp_dict.h"

typedef struct PgDict
{
	MemoryContext cxt;			/* owns everything below */
	DpMem		mem;
	DpDict	   *dict;
	int			refcount;		/* statements using it */
} PgDict;

extern void pgdp_dict_init(void);

/* The dictionary this statement uses (loaded or reloaded as needed). */
extern DpDict *pgdp_dict_get(FunctionCallInfo fcinfo);

#endif
