/*
 * pg_arena.h
 *	  The compiled dictionary's allocator: a bump arena with its pages
 *	  faulted in ahead while the dictionary is built, its memory context
 *	  afterwards.
 */
#ifndef PG_ARENA_H
#define PG_ARENA_H

#include "postgres.h"

#include "dp_core.h"

#define PGDP_ARENA_FREE_SLOTS 64

typedef struct PgArenaRegion PgArenaRegion;

typedef struct PgArena
{
	MemoryContext cxt;			/* owns the regions and later allocations */
	bool		building;		/* allocations come from the regions */
	char	   *cur;			/* free room of the newest region */
	char	   *end;
	char	   *ready;			/* its pages are faulted in up to here */
	char	   *last;			/* the newest bump allocation, or NULL */
	PgArenaRegion *regions;
	int			nfree;			/* freed blocks of PGDP_ARENA_REUSE bytes or more */
	struct
	{
		char	   *p;
		size_t		size;
	}			freed[PGDP_ARENA_FREE_SLOTS];
} PgArena;

/* An arena in cxt, building; m allocates from it (fail hook as pgdp_mem_init). */
extern void pgdp_arena_init(PgArena *a, DpMem *m, MemoryContext cxt);

/* The build is over: new memory comes from the memory context. */
extern void pgdp_arena_built(PgArena *a);

/* Whether allocations come from the regions (a build) or the context. */
extern void pgdp_arena_set_building(PgArena *a, bool building);

#endif
