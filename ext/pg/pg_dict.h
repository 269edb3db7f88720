/*
 * pg_dict.h
 *	  The backend's compiled dictionary and its per-statement pin.
 */
#ifndef PG_DICT_H
#define PG_DICT_H

#include "postgres.h"
#include "fmgr.h"

#include "dp_dict.h"
#include "pg_arena.h"

#define PGDP_DICT_KEY_LEN 32		/* SHA-256 of the rows read (pg_dict.c) */

typedef struct PgDict
{
	MemoryContext cxt;			/* owns everything below */
	DpMem		mem;			/* allocates from arena */
	PgArena		arena;
	DpDict	   *dict;
	int			refcount;		/* statements using it */
	bool		attached;		/* from an image file, not compiled here */
	void	   *map;			/* the image file's read-only mapping, or NULL */
	size_t		maplen;
	uint8		key[PGDP_DICT_KEY_LEN];	/* of the rows it was made from */
	/* text datums (server encoding) of entity names, country codes and
	 * method names, made on first use, in cxt: result rows repeat them */
	Datum	   *name_text;
	Datum	   *code_text;
	Datum		method_text[8];
} PgDict;

extern void pgdp_dict_init(void);

/* The image file of the compiled dictionary (pg_dict_image.c). */
extern const void *pgdp_image_build_id(size_t *len);
extern DpDict *pgdp_image_attach(const uint8 *key, DpMem *mem, void **map, size_t *maplen);
extern void pgdp_image_write(const DpDict *d, const uint8 *key);

/*
 * A table's recorded key (pg_dict.c): the fingerprint of a table's pages,
 * the SHA-256 of the rows a scan of them read, and the xmin of that scan's
 * snapshot, before which every tuple's transactions had ended.
 */
typedef struct PgTableKey
{
	uint8		fp[PGDP_DICT_KEY_LEN];
	uint8		hash[PGDP_DICT_KEY_LEN];
	TransactionId xmin;
	uint32		pad;
} PgTableKey;

extern int	pgdp_tkeys_read(PgTableKey *out, int max);
extern void pgdp_tkeys_write(const PgTableKey *keys, int n);

/* The dictionary this statement uses (loaded or reloaded as needed). */
extern DpDict *pgdp_dict_get(FunctionCallInfo fcinfo);

/* The same, with the text datum caches around the dictionary. */
extern PgDict *pgdp_dict_get_pg(FunctionCallInfo fcinfo);

/* An empty memory context for this call's work, kept by the call site. */
extern MemoryContext pgdp_call_context(FunctionCallInfo fcinfo);

/* Cached text datums of an entity's name, a country's code, a C string
 * from a fixed table (index < 8). */
extern Datum pgdp_dict_name_text(PgDict *pd, int32 entity);
extern Datum pgdp_dict_code_text(PgDict *pd, int16 country);
extern Datum pgdp_dict_method_text(PgDict *pd, int idx, const char *s);

#endif
