/*
 * pg_arena.c
 *	  The compiled dictionary's allocator: a bump arena whose pages are
 *	  faulted in ahead, in batches, while the dictionary is built; its
 *	  memory context afterwards.
 *
 * A first call builds a dictionary of about 2.5 MB and writes each of its
 * pages for the first time.  On a virtual machine a first write to a 4 kB
 * page is a fault of about 11 µs: some 600 of them were a quarter of a first
 * call.  So while the dictionary is built, its memory is cut from regions
 * allocated in the dictionary's memory context (pg_backend_memory_contexts
 * counts them, and deleting the context frees them), and the pages ahead of
 * the bump pointer are faulted in 256 kB at a time by one
 * madvise(MADV_POPULATE_WRITE) call (Linux 5.14 and later; elsewhere the
 * call fails and the pages fault one by one, as before).
 *
 * Transparent huge pages (MADV_HUGEPAGE) made the first call faster still,
 * but entities() over 50 MiB 15 % slower with the dictionary on them, and
 * were dropped.
 *
 * Every block has a 16-byte header holding its size.  Freeing the newest
 * block gives its room back and growing it grows it in place (the build's
 * temporary buffers and growing arrays); other freed blocks of 4 kB or more
 * are kept, up to 64, for a later request of exactly their size (the word
 * cache's chunks, freed when the build ends, serve the first texts).  Once
 * the build is over, new blocks come from the memory context; arena blocks
 * freed or grown then are handled as above, never passed to pfree().
 */
#include "postgres.h"

#include <sys/mman.h>

#include "utils/memutils.h"

#include "pg_arena.h"
#include "pg_diplo.h"

#define ARENA_HDR 16
#define ARENA_PAGE ((size_t) 4096)
#define ARENA_REGION ((size_t) 4 * 1024 * 1024)
#define ARENA_AHEAD ((size_t) 256 * 1024)	/* pages faulted in per call */

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23	/* Linux; older headers lack it */
#endif
#define PGDP_ARENA_REUSE 4096

struct PgArenaRegion
{
	PgArenaRegion *next;
	char	   *start;
	char	   *end;
};

static inline size_t
round16(size_t n)
{
	return (n + 15) & ~(size_t) 15;
}

static inline size_t
block_size(const char *p)
{
	return *(const size_t *) (p - ARENA_HDR);
}

static bool
in_arena(const PgArena *a, const char *p)
{
	for (const PgArenaRegion *r = a->regions; r; r = r->next)
		if (p >= r->start && p < r->end)
			return true;
	return false;
}

/* A new region with room for a block of size bytes (and its header). */
static void
add_region(PgArena *a, size_t size)
{
	size_t		usable = Max(ARENA_REGION, TYPEALIGN(ARENA_PAGE, size + ARENA_HDR));
	PgArenaRegion *r = MemoryContextAlloc(a->cxt, sizeof(PgArenaRegion));
	char	   *raw = MemoryContextAllocHuge(a->cxt, usable + ARENA_PAGE);

	r->start = (char *) TYPEALIGN(ARENA_PAGE, raw);
	r->end = r->start + usable;
	r->next = a->regions;
	a->regions = r;
	a->cur = r->start;
	a->end = r->end;
	a->ready = r->start;
	a->last = NULL;
}

/*
 * Fault in the pages of the current region up to at least upto (and
 * ARENA_AHEAD more), in one call.  Advice only: where it fails, the pages
 * fault one by one when first written.
 */
static inline void
prefault(PgArena *a, const char *upto)
{
	char	   *to;

	if (upto <= a->ready)
		return;
	to = (char *) TYPEALIGN(ARENA_PAGE, upto) + ARENA_AHEAD;
	if (to > a->end)
		to = a->end;
	(void) madvise(a->ready, (size_t) (to - a->ready), MADV_POPULATE_WRITE);
	a->ready = to;
}

static void *
arena_alloc(void *ctx, size_t n)
{
	PgArena    *a = (PgArena *) ctx;
	size_t		size = round16(n);
	char	   *p;

	if (size >= PGDP_ARENA_REUSE)
		for (int i = 0; i < a->nfree; i++)
			if (a->freed[i].size == size)
			{
				p = a->freed[i].p;
				a->freed[i] = a->freed[--a->nfree];
				return p;
			}
	if (!a->building)
		return MemoryContextAlloc(a->cxt, n);
	if ((size_t) (a->end - a->cur) < size + ARENA_HDR)
		add_region(a, size);
	prefault(a, a->cur + ARENA_HDR + size);
	*(size_t *) a->cur = size;
	p = a->cur + ARENA_HDR;
	a->cur = p + size;
	a->last = p;
	return p;
}

static void
arena_free(void *ctx, void *ptr)
{
	PgArena    *a = (PgArena *) ctx;
	char	   *p = (char *) ptr;
	size_t		size;

	if (!in_arena(a, p))
	{
		pfree(p);
		return;
	}
	size = block_size(p);
	if (a->building && p == a->last)
	{
		a->cur = p - ARENA_HDR;
		a->last = NULL;
	}
	else if (size >= PGDP_ARENA_REUSE && a->nfree < PGDP_ARENA_FREE_SLOTS)
	{
		a->freed[a->nfree].p = p;
		a->freed[a->nfree].size = size;
		a->nfree++;
	}
	/* else its room stays unused until the dictionary is freed */
}

static void *
arena_realloc(void *ctx, void *ptr, size_t n)
{
	PgArena    *a = (PgArena *) ctx;
	char	   *p = (char *) ptr;
	size_t		size;
	size_t		want = round16(n);
	char	   *q;

	if (!in_arena(a, p))
		return repalloc(p, n);
	size = block_size(p);
	if (want <= size)
		return p;
	if (a->building && p == a->last && (size_t) (a->end - p) >= want)
	{
		prefault(a, p + want);
		*(size_t *) (p - ARENA_HDR) = want;
		a->cur = p + want;
		return p;
	}
	q = arena_alloc(a, n);
	memcpy(q, p, size);
	arena_free(a, p);
	return q;
}

void
pgdp_arena_init(PgArena *a, DpMem *m, MemoryContext cxt)
{
	memset(a, 0, sizeof(*a));
	a->cxt = cxt;
	a->building = true;
	pgdp_mem_init(m, cxt);
	m->alloc = arena_alloc;
	m->realloc = arena_realloc;
	m->free = arena_free;
	m->ctx = a;
}

void
pgdp_arena_built(PgArena *a)
{
	a->building = false;
	a->last = NULL;
}

void
pgdp_arena_set_building(PgArena *a, bool building)
{
	a->building = building;
	a->last = NULL;
}
