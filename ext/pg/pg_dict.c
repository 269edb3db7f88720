/*
 * pg_dict.c
 *	  Loading, caching and invalidating the compiled dictionary.
 *
 * Cache invariant: a backend holds at most one "current" compiled
 * dictionary, built from the dictionary tables as a snapshot saw them and
 * as the calling user may read them (another user gets a rebuild).  A
 * statement trigger on every dictionary table sends a relcache invalidation
 * for its table; PostgreSQL delivers it to every backend when the change
 * commits, and to this backend at the end of the changing statement and
 * again if it rolls back.  The callback only marks the cache stale; the next
 * statement rebuilds it.  A statement pins the dictionary it started with
 * (every call site of the statement shares the pin), so one statement never
 * mixes two versions; an unpinned stale dictionary is freed.  A rebuild
 * happens in a fresh memory context that replaces the old one only once it
 * is complete: an error or a cancel during a rebuild leaves the old
 * dictionary in place (still stale, so the next call tries again).
 */
#include "postgres.h"

#include <sys/mman.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/xlog.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_depend.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "catalog/storage.h"
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "storage/smgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/float.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "portability/instr_time.h"

#include "pg_diplo.h"
#include "pg_dict.h"

PG_FUNCTION_INFO_V1(diplo_dictionary_changed);
PG_FUNCTION_INFO_V1(diplo_dictionary_info);


static PgDict *current = NULL;
static bool current_valid = false;
static LocalTransactionId current_only_lxid = InvalidLocalTransactionId;	/* built under a
																		 * transaction snapshot */
static Oid	table_oids[DP_T__COUNT];	/* of the tables in dp_tables[] */

/*
 * The user whose privileges and row-level security policies the current
 * dictionary was read with.  Another user (SET ROLE, a SECURITY DEFINER
 * function) gets a dictionary read as that user, from the next statement
 * on: a policy that hides rows from one role never shows them to another,
 * and a role without SELECT on a table gets the query's error.
 */
static Oid	current_reader = InvalidOid;

/*
 * Bumped by every invalidation of a dictionary table, including one that
 * arrives while a rebuild runs: a rebuild is valid only if the counter did
 * not move meanwhile (its snapshot may predate the change).
 */
static uint64 inval_gen = 0;

/* A statement's pin: the dictionary and the statement it belongs to. */
typedef struct DictPin
{
	PgDict	   *pd;
	TimestampTz stmt;
	LocalTransactionId lxid;
	CommandId	cid;
	uint64		gen;
} DictPin;

/* The last pin taken, shared by every call site of the same statement. */
static DictPin last_pin;

/*
 * What a call site (an FmgrInfo) keeps in fn_extra: its pin and the memory
 * context of one call's work (pgdp_call_context()).
 */
typedef struct CallSite
{
	DictPin		pin;
	MemoryContext work;
} CallSite;

static void
dict_inval_callback(Datum arg, Oid relid)
{
	bool		ours = !OidIsValid(relid);

	for (int i = 0; i < DP_T__COUNT && !ours; i++)
		if (table_oids[i] == relid)
			ours = true;
	if (ours)
	{
		inval_gen++;
		current_valid = false;
	}
}

void
pgdp_dict_init(void)
{
	size_t		len;

	/* the identity of the library file now, as it is loaded */
	(void) pgdp_image_build_id(&len);
	CacheRegisterRelcacheCallback(dict_inval_callback, (Datum) 0);
}

static void
pgdict_free(PgDict *pd)
{
	if (pd == last_pin.pd)
		last_pin.pd = NULL;
	MemoryContextDelete(pd->cxt);
}

/* Memory context reset callback: the dictionary's stemmer is malloc'd, its
 * image mapped. */
static void
dict_cxt_reset(void *arg)
{
	PgDict	   *pd = (PgDict *) arg;

	dp_dict_destroy(pd->dict);
	pd->dict = NULL;
	if (pd->map)
		(void) munmap(pd->map, pd->maplen);
	pd->map = NULL;
}

/*
 * The key of an image (pg_dict_image.c): a SHA-256 of this library's build
 * identity, the image layout, the server encoding, and then, table by table
 * in the order the compiler takes them, the SHA-256 of the table's rows:
 * every cell of every row in the order read, each as its length and bytes
 * (SQL NULL as a length no string has), then the table's number, column
 * count and row count and whether its rows are still to be sorted.  The
 * compiled dictionary is a function of exactly this input (the cells are
 * what dp_dict_add_row gets, after rows_sort, which is deterministic), so
 * equal keys mean equal dictionaries.  The cells are hashed as they are
 * read (rows_put); a table whose pages did not change since a scan read
 * them takes the hash that scan recorded (table_fingerprint()).
 */
typedef struct KeyBuf
{
	pg_cryptohash_ctx *ctx;		/* the current table's hash */
	pg_cryptohash_ctx *outer;	/* the key's */
	size_t		len;
	char		buf[32768];
} KeyBuf;

static pg_cryptohash_ctx *sha256_start(void);

/* The table's hash is started here, at its first bytes: a table taken from
 * its record needs none (each start costs OpenSSL a digest fetch). */
static void
key_flush(KeyBuf *kb)
{
	if (kb->ctx == NULL)
		kb->ctx = sha256_start();
	if (kb->len > 0 && pg_cryptohash_update(kb->ctx, (const uint8 *) kb->buf, kb->len) < 0)
		elog(ERROR, "diplo: could not hash the dictionary rows: %s", pg_cryptohash_error(kb->ctx));
	kb->len = 0;
}

static void
key_put(KeyBuf *kb, const void *p, size_t n)
{
	const char *c = (const char *) p;

	while (n > 0)
	{
		size_t		room = sizeof(kb->buf) - kb->len;
		size_t		take = Min(room, n);

		memcpy(kb->buf + kb->len, c, take);
		kb->len += take;
		c += take;
		n -= take;
		if (kb->len == sizeof(kb->buf))
			key_flush(kb);
	}
}

static pg_cryptohash_ctx *
sha256_start(void)
{
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);

	if (ctx == NULL || pg_cryptohash_init(ctx) < 0)
	{
		if (ctx)
			pg_cryptohash_free(ctx);
		elog(ERROR, "diplo: could not start hashing the dictionary rows");
	}
	return ctx;
}

static void
sha256_put(pg_cryptohash_ctx *ctx, const void *p, size_t n)
{
	if (pg_cryptohash_update(ctx, (const uint8 *) p, n) < 0)
		elog(ERROR, "diplo: could not hash the dictionary rows: %s", pg_cryptohash_error(ctx));
}

static void
sha256_finish(pg_cryptohash_ctx **ctx, uint8 *out)
{
	if (pg_cryptohash_final(*ctx, out, PGDP_DICT_KEY_LEN) < 0)
		elog(ERROR, "diplo: could not hash the dictionary rows: %s", pg_cryptohash_error(*ctx));
	pg_cryptohash_free(*ctx);
	*ctx = NULL;
}

static void
key_start(KeyBuf *kb)
{
	size_t		blen;
	const void *bid = pgdp_image_build_id(&blen);
	int32		enc = GetDatabaseEncoding();
	uint32		layout = DP_DICT_IMAGE_VERSION;

	kb->ctx = NULL;
	kb->len = 0;
	kb->outer = sha256_start();
	sha256_put(kb->outer, bid, blen);
	sha256_put(kb->outer, &layout, sizeof(layout));
	sha256_put(kb->outer, &enc, sizeof(enc));
}

/* Before a table's cells. */
static void
key_table_start(KeyBuf *kb)
{
	Assert(kb->ctx == NULL);
	kb->len = 0;
}

/* One cell: its length and bytes; SQL NULL as a length no string has. */
static inline void
key_cell(KeyBuf *kb, const char *c, uint32 n)
{
	size_t		need;

	if (c == NULL)
		n = UINT32_MAX;
	need = sizeof(n) + (c ? n : 0);
	if (need > sizeof(kb->buf) - kb->len)
	{
		/* rare: a long cell, or the buffer is full */
		key_put(kb, &n, sizeof(n));
		if (c)
			key_put(kb, c, n);
		return;
	}
	memcpy(kb->buf + kb->len, &n, sizeof(n));
	if (c)
		memcpy(kb->buf + kb->len + sizeof(n), c, n);
	kb->len += need;
}

/* After a table's cells: its number, column count, row count, and whether
 * its rows still need rows_sort() (a heap scan of an ordered table); the
 * table's hash in h. */
static void
key_table_end(KeyBuf *kb, int k, int natts, bool unsorted, uint64 nrows, uint8 *h)
{
	int32		tail[3] = {k, natts, unsorted};

	key_put(kb, tail, sizeof(tail));
	key_put(kb, &nrows, sizeof(nrows));
	key_flush(kb);
	sha256_finish(&kb->ctx, h);
}

static void
key_finish(KeyBuf *kb, uint8 *key)
{
	sha256_finish(&kb->outer, key);
}

static void
key_abort(KeyBuf *kb)
{
	if (kb->ctx)
		pg_cryptohash_free(kb->ctx);
	if (kb->outer)
		pg_cryptohash_free(kb->outer);
	kb->ctx = kb->outer = NULL;
}

/*
 * The rows of the current dictionary query, as UTF-8 C strings (the core's
 * encoding), kept until the next query runs.  A DestReceiver copies each
 * column once, straight from the executor's slot: no SPI tuple table (a
 * copy of every row) and no per-column tuple walks, which were half of a
 * first call's instructions.  The strings live in one context whose first
 * block is kept across queries, so the load reuses the same memory instead
 * of touching new pages (a first call's other main cost on some virtual
 * machines).
 */
typedef struct DictRows
{
	DestReceiver pub;
	MemoryContext cxt;			/* the strings and the cell array */
	int			natts;
	bool	   *is_text;		/* per column: text, copied without a call */
	FmgrInfo   *out;			/* per column: the output function otherwise */
	struct OutCache *memo;		/* per column: its last strings, by value */
	KeyBuf	   *kb;				/* each cell is hashed into it, if set */
	bool		store;			/* keep the cells (to compile them) */
	bool		records;		/* use and make recorded table keys */
	bool		convert;		/* the server encoding is not UTF-8 (or SQL_ASCII) */
	char	  **cells;			/* row r, column c (1-based): cells[r * natts + c - 1] */
	uint64		nrows;
	uint64		caprows;
	char	   *arena;			/* bump allocation of the strings */
	size_t		arena_left;
} DictRows;

static DictRows dict_rows;

/*
 * The strings of a pass-by-value column's first values (an enum's labels,
 * a prior of 1, a polarity): the same value gives the same string (its
 * output function is deterministic within a load), so each is made once,
 * not once per row.
 */
#define OUT_MEMO 8

typedef struct OutCache
{
	bool		byval;
	int			n;
	Datum		val[OUT_MEMO];
	char	   *str[OUT_MEMO];
} OutCache;

#define DICT_ROWS_ARENA (64 * 1024)

static char *
rows_copy(DictRows *r, const char *s, size_t n)
{
	char	   *c;

	if (n + 1 > r->arena_left)
	{
		size_t		sz = Max(n + 1, (size_t) DICT_ROWS_ARENA);

		r->arena = MemoryContextAlloc(r->cxt, sz);
		r->arena_left = sz;
	}
	c = r->arena;
	memcpy(c, s, n);
	c[n] = '\0';
	r->arena += n + 1;
	r->arena_left -= n + 1;
	return c;
}

/* The columns' types (att[c] for c < natts): how each is turned into a string. */
static void
rows_columns(DictRows *r, TupleDesc typeinfo, const AttrNumber *att, int natts)
{
	r->natts = natts;
	r->convert = GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII;
	r->is_text = MemoryContextAllocZero(r->cxt, sizeof(bool) * (r->natts + 1));
	r->out = MemoryContextAllocZero(r->cxt, sizeof(FmgrInfo) * (r->natts + 1));
	r->memo = MemoryContextAllocZero(r->cxt, sizeof(OutCache) * (r->natts + 1));
	for (int c = 0; c < r->natts; c++)
	{
		Oid			typ = TupleDescAttr(typeinfo, att ? att[c] : c)->atttypid;

		r->is_text[c] = typ == TEXTOID;
		if (!r->is_text[c])
		{
			Oid			func;
			bool		varlena;

			getTypeOutputInfo(typ, &func, &varlena);
			fmgr_info_cxt(func, &r->out[c], r->cxt);
			r->memo[c].byval = TupleDescAttr(typeinfo, att ? att[c] : c)->attbyval;
		}
	}
}

static void
rows_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	rows_columns((DictRows *) self, typeinfo, NULL, typeinfo->natts);
}

/* One row: column c is values[att[c]] (values[c] without att). */
static void
rows_put(DictRows *r, const Datum *values, const bool *isnull, const AttrNumber *att)
{
	MemoryContext old = MemoryContextSwitchTo(r->cxt);
	char	  **row = NULL;

	if (r->store)
	{
		if (r->nrows == r->caprows)
		{
			uint64		cap = r->caprows ? r->caprows * 2 : 1024;

			if ((Size) (cap * Max(r->natts, 1)) >= MaxAllocSize / sizeof(char *))
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("diplo: too many dictionary rows")));
			r->cells = r->cells ? repalloc(r->cells, sizeof(char *) * cap * Max(r->natts, 1))
				: palloc(sizeof(char *) * cap * Max(r->natts, 1));
			r->caprows = cap;
		}
		row = r->cells + r->nrows * r->natts;
	}
	for (int c = 0; c < r->natts; c++)
	{
		int			a = att ? att[c] : c;
		char	   *v;

		if (isnull[a])
		{
			if (row)
				row[c] = NULL;
			if (r->kb)
				key_cell(r->kb, NULL, 0);
			continue;
		}
		if (r->is_text[c])
		{
			struct varlena *t = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(values[a]));

			if (!r->store && !r->convert)
			{
				/* only hashed: straight from the tuple, no copy */
				if (r->kb)
					key_cell(r->kb, VARDATA_ANY(t), (uint32) VARSIZE_ANY_EXHDR(t));
				if ((Pointer) t != DatumGetPointer(values[a]))
					pfree(t);
				continue;
			}
			v = rows_copy(r, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
			if ((Pointer) t != DatumGetPointer(values[a]))
				pfree(t);
			if (r->convert)
				v = pg_server_to_any(v, (int) strlen(v), PG_UTF8);
		}
		else
		{
			OutCache   *oc = &r->memo[c];
			int			m;

			v = NULL;
			for (m = 0; oc->byval && m < oc->n; m++)
				if (oc->val[m] == values[a])
				{
					v = oc->str[m];
					break;
				}
			if (v == NULL)
			{
				v = OutputFunctionCall(&r->out[c], values[a]);
				if (r->convert)
					v = pg_server_to_any(v, (int) strlen(v), PG_UTF8);
				if (oc->byval && oc->n < OUT_MEMO)
				{
					oc->val[oc->n] = values[a];
					oc->str[oc->n++] = v;
				}
			}
		}
		if (r->kb)
			key_cell(r->kb, v, (uint32) strlen(v));
		if (row)
			row[c] = v;
	}
	r->nrows++;
	MemoryContextSwitchTo(old);
	if ((r->nrows & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
}

static bool
rows_receive(TupleTableSlot *slot, DestReceiver *self)
{
	slot_getallattrs(slot);
	rows_put((DictRows *) self, slot->tts_values, slot->tts_isnull, NULL);
	return true;
}

static void
rows_shutdown(DestReceiver *self)
{
}

static void
rows_destroy(DestReceiver *self)
{
}

/* The quoted name of the extension's schema, for the queries below. */
static char dict_schema_buf[2 * NAMEDATALEN + 3];
static const char *dict_schema = dict_schema_buf;

/*
 * A new table's rows: the previous table's stay where they are (its
 * TableRows keeps them) until the load is over.
 */
static void
rows_reset(void)
{
	dict_rows.cells = NULL;
	dict_rows.nrows = dict_rows.caprows = 0;
	dict_rows.arena = NULL;
	dict_rows.arena_left = 0;
	dict_rows.natts = 0;
}

/*
 * Run a dictionary query; "%s" in it stands for the extension's schema.
 * Returns the number of rows, in dict_rows.
 */
static uint64
spi_query(const char *fmt)
{
	char	   *sql = psprintf(fmt, dict_schema, dict_schema);
	SPIExecuteOptions opt = {0};
	int			rc;

	rows_reset();
	dict_rows.pub.receiveSlot = rows_receive;
	dict_rows.pub.rStartup = rows_startup;
	dict_rows.pub.rShutdown = rows_shutdown;
	dict_rows.pub.rDestroy = rows_destroy;
	dict_rows.pub.mydest = DestNone;
	opt.read_only = true;
	opt.dest = &dict_rows.pub;
	/* a SELECT whose rows go to a receiver that is not SPI's reports
	 * SPI_OK_UTILITY when that receiver says DestNone */
	rc = SPI_execute_extended(sql, &opt);
	if (rc != SPI_OK_SELECT && rc != SPI_OK_UTILITY)
		elog(ERROR, "diplo: dictionary query failed: %s", sql);
	pfree(sql);
	return dict_rows.nrows;
}

/* COLLATE "C" order of the rows' first column, NULLs last (ORDER BY's default). */
static int
first_column_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *) a;
	const char *y = *(char *const *) b;

	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

/*
 * Recorded table keys.  A scan of a table records the hash of the rows it
 * read under the table's fingerprint, when every tuple on its pages is
 * settled; a later load (any backend: the records are kept in a file,
 * pgdp_tkeys_read()) whose fingerprint of the table is the same, and whose
 * snapshot is not older than the record's, takes that hash instead of
 * scanning the table again.
 *
 * The fingerprint is the table's relation file, its length and the LSN of
 * each of its pages, with the columns read (number, type, output function;
 * the labels of an enum; extra_float_digits for a float), the database,
 * the cluster (system identifier) and timeline the LSNs are of, the
 * encoding and this library's build.  Why a record is exact:
 *
 * - Every change of a tuple on a page of a WAL-logged table (an insert,
 *   update, delete or lock, a prune, a freeze; committed or not, a
 *   subtransaction's, made with session_replication_role = replica or
 *   triggers disabled: nothing here depends on triggers) is WAL-logged and
 *   sets the page's LSN to the new record's, which is larger than any
 *   before.  A new page changes the length.  So the same length and LSNs
 *   mean the same tuples, up to hint bits, which only cache commit status.
 * - The WAL up to the LSNs recorded is flushed first (WAL not yet flushed
 *   is lost in a crash, and its positions serve other records after it).
 * - A record is made only when no page changed during the scan (the same
 *   fingerprint before and after it) and every tuple's inserting and
 *   deleting transaction precedes the scan snapshot's xmin: all of them
 *   had ended, committed or aborted for good, so whether a tuple is
 *   visible no longer depends on the snapshot, for any snapshot whose xmin
 *   is not older (the record keeps that xmin; an older snapshot, as of a
 *   repeatable read transaction, reads the table).
 *
 * Tables whose changes may skip the WAL (unlogged; a relation file made in
 * this transaction under wal_level = minimal), standbys and
 * old_snapshot_threshold (a scan of a page newer than an old snapshot must
 * fail) have no fingerprint, nor do columns with a default added without a
 * rewrite (atthasmissing) or of another type than those of fp_type_ok().
 */
#define TKEYS_MAX 64

static PgTableKey tkeys[TKEYS_MAX];
static int	ntkeys = 0;
static bool tkeys_dirty = false;

static bool
fp_type_ok(Oid typ)
{
	return typ == TEXTOID || typ == BOOLOID || typ == INT2OID || typ == INT4OID ||
		typ == FLOAT4OID || typ == FLOAT8OID || type_is_enum(typ);
}

/* Whether a transaction id on a tuple had ended before settle (see above). */
static inline bool
xid_settled(TransactionId xid, TransactionId settle)
{
	return !TransactionIdIsNormal(xid) || TransactionIdPrecedes(xid, settle);
}

/* Whether every tuple of a page is settled: its xmin (unless frozen) and
 * the xmax of a delete or update precede settle. */
static bool
page_settled(Page page, TransactionId settle)
{
	OffsetNumber maxoff = PageGetMaxOffsetNumber(page);

	/* the buffer manager checked the header; never read past the page */
	if (maxoff > MaxHeapTuplesPerPage)
		return false;
	for (OffsetNumber off = FirstOffsetNumber; off <= maxoff; off++)
	{
		ItemId		lp = PageGetItemId(page, off);
		HeapTupleHeader t;

		if (!ItemIdIsNormal(lp))
			continue;
		if (ItemIdGetOffset(lp) + ItemIdGetLength(lp) > BLCKSZ ||
			ItemIdGetLength(lp) < SizeofHeapTupleHeader)
			return false;
		t = (HeapTupleHeader) PageGetItem(page, lp);
		if (!HeapTupleHeaderXminFrozen(t) && !xid_settled(HeapTupleHeaderGetRawXmin(t), settle))
			return false;
		if (!(t->t_infomask & HEAP_XMAX_INVALID) && !HEAP_XMAX_IS_LOCKED_ONLY(t->t_infomask))
		{
			if (t->t_infomask & HEAP_XMAX_IS_MULTI)
				return false;
			if (!xid_settled(HeapTupleHeaderGetRawXmax(t), settle))
				return false;
		}
	}
	return true;
}

/*
 * The fingerprint of table relid as read for table k (columns
 * names[0..n-1]) in fp; false when it has none (see above), or when settle
 * is a valid transaction id and a tuple is not settled before it.  The
 * caller holds a lock on the table.  Only the catalog caches, the storage
 * manager and the buffers: no relation cache entry, whose building (its
 * triggers, constraints, attributes) was most of the time of a table taken
 * from its record.
 */
static bool
table_fingerprint(Oid relid, int k, char **names, int n, TransactionId settle, uint8 *fp)
{
	HeapTuple	tup;
	Form_pg_class cl;
	RelFileNode rnode;
	SMgrRelation smgr;
	pg_cryptohash_ctx *ctx;
	size_t		blen;
	const void *bid;
	int32		head[4];
	int32		col[8][6];
	Oid			enums[8];
	BlockNumber nblocks;
	bool		ok = true;
	XLogRecPtr	lsns[64];
	int			nlsn = 0;
	XLogRecPtr	maxlsn = InvalidXLogRecPtr;
	static const char tag[] = "diplo table fingerprint 3";

	if (n < 1 || n > (int) lengthof(col) || RecoveryInProgress() ||
		!ActiveSnapshotSet() || GetActiveSnapshot()->takenDuringRecovery ||
		old_snapshot_threshold >= 0)
		return false;
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		return false;
	cl = (Form_pg_class) GETSTRUCT(tup);
	ok = cl->relkind == RELKIND_RELATION && cl->relpersistence == RELPERSISTENCE_PERMANENT &&
		cl->relam == HEAP_TABLE_AM_OID && OidIsValid(cl->relfilenode);
	rnode.spcNode = OidIsValid(cl->reltablespace) ? cl->reltablespace : MyDatabaseTableSpace;
	rnode.dbNode = MyDatabaseId;
	rnode.relNode = cl->relfilenode;
	ReleaseSysCache(tup);
	/* a relation file of this transaction whose changes skip the WAL */
	if (!ok || RelFileNodeSkippingWAL(rnode))
		return false;
	{
		/* the table's columns in one catalog lookup, not one per column */
		CatCList   *alist = SearchSysCacheList1(ATTNAME, ObjectIdGetDatum(relid));

		for (int c = 0; c < n && ok; c++)
		{
			Form_pg_attribute a = NULL;

			for (int i = 0; i < alist->n_members && a == NULL; i++)
			{
				Form_pg_attribute m = (Form_pg_attribute) GETSTRUCT(&alist->members[i]->tuple);

				if (!m->attisdropped && strcmp(NameStr(m->attname), names[c]) == 0)
					a = m;
			}
			ok = a != NULL && a->attnum > 0 && !a->atthasmissing && fp_type_ok(a->atttypid);
			if (!ok)
				break;
			col[c][0] = a->attnum;
			col[c][1] = (int32) a->atttypid;
			col[c][2] = a->atttypmod;
			col[c][3] = a->attlen;
			col[c][4] = a->attbyval;
			enums[c] = type_is_enum(a->atttypid) ? a->atttypid : InvalidOid;
		}
		ReleaseSysCacheList(alist);
		if (!ok)
			return false;
		for (int c = 0; c < n; c++)
		{
			Oid			out;
			bool		varlena;

			getTypeOutputInfo((Oid) col[c][1], &out, &varlena);
			col[c][5] = (int32) out;
		}
	}
	smgr = smgropen(rnode, InvalidBackendId);
	nblocks = smgrnblocks(smgr, MAIN_FORKNUM);

	ctx = sha256_start();
	bid = pgdp_image_build_id(&blen);
	sha256_put(ctx, tag, sizeof(tag));
	sha256_put(ctx, bid, blen);
	head[0] = GetDatabaseEncoding();
	head[1] = k;
	head[2] = n;
	head[3] = extra_float_digits;
	sha256_put(ctx, head, sizeof(head));
	{
		/* LSNs are of this cluster and its timeline */
		uint64		sysid = GetSystemIdentifier();
		TimeLineID	tli = GetWALInsertionTimeLine();

		sha256_put(ctx, &sysid, sizeof(sysid));
		sha256_put(ctx, &tli, sizeof(tli));
	}
	sha256_put(ctx, &MyDatabaseId, sizeof(Oid));
	sha256_put(ctx, &relid, sizeof(Oid));
	sha256_put(ctx, &rnode.spcNode, sizeof(Oid));
	sha256_put(ctx, &rnode.dbNode, sizeof(Oid));
	sha256_put(ctx, &rnode.relNode, sizeof(Oid));
	for (int c = 0; c < n; c++)
	{
		sha256_put(ctx, col[c], sizeof(col[c]));
		if (OidIsValid(enums[c]))
		{
			CatCList   *list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(enums[c]));

			sha256_put(ctx, &list->n_members, sizeof(list->n_members));
			for (int i = 0; i < list->n_members; i++)
			{
				Form_pg_enum e = (Form_pg_enum) GETSTRUCT(&list->members[i]->tuple);
				uint32		len = (uint32) strlen(NameStr(e->enumlabel));

				sha256_put(ctx, &e->oid, sizeof(Oid));
				sha256_put(ctx, &e->enumsortorder, sizeof(e->enumsortorder));
				sha256_put(ctx, &len, sizeof(len));
				sha256_put(ctx, NameStr(e->enumlabel), len);
			}
			ReleaseSysCacheList(list);
		}
	}
	sha256_put(ctx, &nblocks, sizeof(nblocks));

	/* the LSN of every page (and, to record, whether it is settled) */
	for (BlockNumber b = 0; b < nblocks && ok; b++)
	{
		Buffer		buf = ReadBufferWithoutRelcache(rnode, MAIN_FORKNUM, b, RBM_NORMAL, NULL, true);
		Page		page;

		LockBuffer(buf, BUFFER_LOCK_SHARE);
		page = BufferGetPage(buf);
		/*
		 * An empty new page has no tuple, and a tuple put there moves its
		 * LSN.  A page with no LSN was written without the WAL (wal_level =
		 * minimal, by the transaction that made the relation file): a later
		 * file of that number could hold other tuples under the same (no)
		 * LSN, so such a table has no fingerprint.
		 */
		lsns[nlsn++] = PageIsNew(page) ? InvalidXLogRecPtr : PageGetLSN(page);
		if (!PageIsNew(page) && PageGetLSN(page) == InvalidXLogRecPtr)
			ok = false;
		else if (TransactionIdIsValid(settle) && !PageIsNew(page) && !page_settled(page, settle))
			ok = false;
		if (!PageIsNew(page))
			maxlsn = Max(maxlsn, PageGetLSN(page));
		UnlockReleaseBuffer(buf);
		if (nlsn == (int) lengthof(lsns))
		{
			sha256_put(ctx, lsns, sizeof(XLogRecPtr) * nlsn);
			nlsn = 0;
		}
		if ((b & 63) == 63)
			CHECK_FOR_INTERRUPTS();
	}
	if (!ok)
	{
		pg_cryptohash_free(ctx);
		return false;
	}

	/*
	 * To record: the WAL up to the pages' LSNs flushed first.  WAL past the
	 * flushed end is lost in a crash and its positions are used again by
	 * other records, which could give a page other tuples under a recorded
	 * LSN.  (A record is rare: the first load after a change.)
	 */
	if (TransactionIdIsValid(settle) && maxlsn != InvalidXLogRecPtr)
	{
		/* (an LSN past the WAL's end is a damaged page: no record) */
		if (maxlsn > GetXLogInsertRecPtr())
		{
			pg_cryptohash_free(ctx);
			return false;
		}
		XLogFlush(maxlsn);
	}
	sha256_put(ctx, lsns, sizeof(XLogRecPtr) * nlsn);
	sha256_finish(&ctx, fp);
	return true;
}

static void
tkeys_load(void)
{
	ntkeys = pgdp_tkeys_read(tkeys, TKEYS_MAX);
	tkeys_dirty = false;
}

/* The record of fingerprint fp, if any: its hash in h, its snapshot's xmin. */
static bool
tkey_find(const uint8 *fp, uint8 *h, TransactionId *xmin)
{
	for (int i = 0; i < ntkeys; i++)
		if (memcmp(tkeys[i].fp, fp, PGDP_DICT_KEY_LEN) == 0)
		{
			memcpy(h, tkeys[i].hash, PGDP_DICT_KEY_LEN);
			*xmin = tkeys[i].xmin;
			return true;
		}
	return false;
}

/* Record a table's key, first (the oldest record goes when full). */
static void
tkey_add(const uint8 *fp, const uint8 *h, TransactionId xmin)
{
	uint8		dummy[PGDP_DICT_KEY_LEN];
	TransactionId old;

	if (tkey_find(fp, dummy, &old) && !TransactionIdPrecedes(xmin, old))
		return;
	for (int i = 0; i < ntkeys; i++)
		if (memcmp(tkeys[i].fp, fp, PGDP_DICT_KEY_LEN) == 0)
		{
			/*
			 * the same pages, settled before an older xmin: serves more.
			 * (Element by element, not memmove: glibc's fortified memmove
			 * runs as __memcpy_chk, which valgrind reports as an overlap.)
			 */
			for (int j = i; j + 1 < ntkeys; j++)
				tkeys[j] = tkeys[j + 1];
			ntkeys--;
			break;
		}
	if (ntkeys == TKEYS_MAX)
		ntkeys--;
	for (int j = ntkeys; j > 0; j--)
		tkeys[j] = tkeys[j - 1];
	memset(&tkeys[0], 0, sizeof(PgTableKey));
	memcpy(tkeys[0].fp, fp, PGDP_DICT_KEY_LEN);
	memcpy(tkeys[0].hash, h, PGDP_DICT_KEY_LEN);
	tkeys[0].xmin = xmin;
	ntkeys++;
	tkeys_dirty = true;
}

static void
tkeys_save(void)
{
	if (tkeys_dirty)
		pgdp_tkeys_write(tkeys, ntkeys);
	tkeys_dirty = false;
}

/*
 * The rows a dictionary query would give, read by a heap scan of the table
 * instead: the queries' parsing, planning and executor were 26 M of
 * the 68 M instructions of a first call.  The same snapshot (the active
 * one, which a read-only SPI query uses), the same lock (AccessShareLock,
 * kept to the end of the transaction), the same strings (text copied, other
 * types through their output function), the same order once sorted by
 * rows_sort() (ordered: by the
 * first column's bytes, as COLLATE "C").  Wherever the query could behave
 * differently the query runs instead, and gives its answer or its error:
 * no USAGE on the schema or no SELECT on the table, row-level security, a
 * relation that is not an ordinary table or lacks a column, a database
 * encoding other than UTF-8 or SQL_ASCII (byte order of the converted
 * strings), no active snapshot.  Returns whether it read the rows.
 */
static bool
scan_table(int k, Oid relid, char **names, int n, bool ordered, uint8 *h, bool *recorded)
{
	Relation	rel;
	TupleDesc	desc;
	AttrNumber	att[8];
	int			maxatt = 0;
	TupleTableSlot *slot;
	TableScanDesc scan;
	uint8		fp[PGDP_DICT_KEY_LEN];
	uint8		fp2[PGDP_DICT_KEY_LEN];
	bool		fp_ok = false;

	if (n < 1 || n > (int) lengthof(att) || !OidIsValid(relid) || !ActiveSnapshotSet() ||
		(GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII) ||
		get_rel_relkind(relid) != RELKIND_RELATION ||
		pg_namespace_aclcheck(get_rel_namespace(relid), GetUserId(), ACL_USAGE) != ACLCHECK_OK ||
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK ||
		check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED)
		return false;

	if (dict_rows.records)
	{
		/* the lock table_open() takes, before the catalogs are looked at */
		TransactionId rec_xmin;

		LockRelationOid(relid, AccessShareLock);
		fp_ok = table_fingerprint(relid, k, names, n, InvalidTransactionId, fp);
		if (fp_ok && tkey_find(fp, h, &rec_xmin) &&
			TransactionIdFollowsOrEquals(GetActiveSnapshot()->xmin, rec_xmin))
		{
			/* the same pages as a scan read and recorded: its rows' hash */
			rows_reset();
			dict_rows.natts = n;
			*recorded = true;
			return true;
		}
	}
	rel = table_open(relid, AccessShareLock);
	desc = RelationGetDescr(rel);
	for (int c = 0; c < n; c++)
	{
		att[c] = -1;
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute a = TupleDescAttr(desc, i);

			if (!a->attisdropped && strcmp(NameStr(a->attname), names[c]) == 0)
			{
				att[c] = (AttrNumber) i;
				maxatt = Max(maxatt, i + 1);
				break;
			}
		}
		if (att[c] < 0)
		{
			table_close(rel, NoLock);
			return false;
		}
	}

	rows_reset();
	rows_columns(&dict_rows, desc, att, n);
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		slot_getsomeattrs(slot, maxatt);
		rows_put(&dict_rows, slot->tts_values, slot->tts_isnull, att);
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	/* ordered: sorted by dict_load, and only if it compiles (rows_sort) */
	key_table_end(dict_rows.kb, k, n, ordered, dict_rows.nrows, h);

	/*
	 * Record the hash if no page changed during the scan (the same
	 * fingerprint after it as before) and every tuple is settled before
	 * the scan snapshot's xmin.  A parallel worker only uses records (a
	 * record flushes the WAL).
	 */
	if (fp_ok && !IsParallelWorker() && TransactionIdIsNormal(GetActiveSnapshot()->xmin) &&
		table_fingerprint(relid, k, names, n, GetActiveSnapshot()->xmin, fp2) &&
		memcmp(fp, fp2, sizeof(fp)) == 0)
		tkey_add(fp, h, GetActiveSnapshot()->xmin);
	table_close(rel, NoLock);
	return true;
}

/*
 * The rows of "SELECT cols FROM schema.table" (ORDER BY the first column
 * COLLATE "C" when ordered), by a heap scan where it gives the same answer
 * as the query, by the query otherwise.  Returns the number of rows, read
 * in dict_rows.
 */
static uint64
dict_read(DpTable k, const char *cols, bool ordered, bool *unsorted, uint8 *h, bool *recorded)
{
	char	   *names[8];
	int			n = 0;
	char	   *list = pstrdup(cols);
	char	   *save = NULL;
	char	   *sql;

	for (char *tok = strtok_r(list, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
	{
		if (n == (int) lengthof(names))
			elog(ERROR, "diplo: too many columns in a dictionary read");
		names[n++] = tok;
	}
	if (n == 0)
		elog(ERROR, "diplo: no column in a dictionary read");
	*unsorted = false;
	*recorded = false;
	if (scan_table(k, table_oids[k], names, n, ordered, h, recorded))
	{
		*unsorted = ordered;
		pfree(list);
		return dict_rows.nrows;
	}
	if (ordered)
		sql = psprintf("SELECT %s FROM %%s.%s ORDER BY %s COLLATE pg_catalog.\"C\"",
					   cols, dp_tables[k].name, names[0]);
	else
		sql = psprintf("SELECT %s FROM %%s.%s", cols, dp_tables[k].name);
	pfree(list);
	(void) spi_query(sql);
	key_table_end(dict_rows.kb, k, dict_rows.natts, false, dict_rows.nrows, h);
	return dict_rows.nrows;
}

/*
 * The schema of the extension's tables, found through the extension's
 * membership (pg_depend), not by name: a renamed schema and a look-alike
 * schema named diplo cannot redirect the load.
 */
static Oid
extension_schema(void)
{
	Oid			ext = get_extension_oid("diplo", true);
	Oid			nsp = InvalidOid;
	int			found = 0;
	Relation	dep;
	ScanKeyData key[2];
	SysScanDesc scan;
	HeapTuple	tup;

	/*
	 * SELECT d.objid FROM pg_depend d JOIN pg_extension x ON x.oid =
	 * d.refobjid WHERE x.extname = 'diplo' AND d.refclassid =
	 * 'pg_extension'::regclass AND d.classid = 'pg_namespace'::regclass AND
	 * d.deptype = 'e', by an index scan of pg_depend instead of a query (its
	 * parsing and planning were a fifth of a new connection's first call)
	 */
	if (OidIsValid(ext))
	{
		dep = table_open(DependRelationId, AccessShareLock);
		ScanKeyInit(&key[0], Anum_pg_depend_refclassid, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(ExtensionRelationId));
		ScanKeyInit(&key[1], Anum_pg_depend_refobjid, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(ext));
		scan = systable_beginscan(dep, DependReferenceIndexId, true, NULL, 2, key);
		while (HeapTupleIsValid(tup = systable_getnext(scan)))
		{
			Form_pg_depend f = (Form_pg_depend) GETSTRUCT(tup);

			/* the first, as the query's LIMIT 1 took one */
			if (f->classid == NamespaceRelationId && f->deptype == DEPENDENCY_EXTENSION && found++ == 0)
				nsp = f->objid;
		}
		systable_endscan(scan);
		table_close(dep, AccessShareLock);
	}
	if (found == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("diplo: extension \"diplo\" is not installed in this database"),
				 errhint("Run CREATE EXTENSION diplo.")));
	return nsp;
}

/*
 * On a node of a Citus cluster, a worker added after the dictionary was
 * distributed has only the built-in rows until diplo.citus_sync() sends it
 * the user's: diplo.cluster_check() then raises an error, so that such a
 * worker never answers with a dictionary that is not the coordinator's.
 * Nothing to check where Citus is not installed in this database (no
 * pg_dist_partition), nor with an install script older than the function
 * (no diplo.cluster_node, made by the same script).
 */
static void
cluster_check(Oid nsp)
{
	char	   *sql;

	if (!OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE)) ||
		!OidIsValid(get_relname_relid("cluster_node", nsp)))
		return;
	sql = psprintf("SELECT %s.cluster_check()", dict_schema);
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "diplo: cluster check failed: %s", sql);
	pfree(sql);
}

/* The rows read from one table, kept until the load is over. */
typedef struct TableRows
{
	char	  **cells;
	uint64		nrows;
	int			natts;
	bool		unsorted;		/* read by a heap scan, still to be sorted */
} TableRows;

/*
 * Sort the rows of a heap scan of an ordered table as its query's ORDER BY
 * ... COLLATE "C" would.  Only a compile needs it: the key is of the rows as
 * read (and of whether they still need this sort), and pg_qsort is
 * deterministic, so the same rows read give the same sorted rows.
 */
static void
rows_sort(TableRows *t)
{
	if (t->unsorted && t->nrows > 1)
		qsort(t->cells, t->nrows, sizeof(char *) * t->natts, first_column_cmp);
	t->unsorted = false;
}


/*
 * Read every dictionary table, hashing its cells into the key; store: keep
 * them in rows[] too (to compile them).
 */
static int
read_tables(KeyBuf *kb, TableRows *rows, bool store, uint8 *key)
{
	int			nrecorded = 0;

	key_start(kb);
	dict_rows.kb = kb;
	dict_rows.store = store;
	/* the first pass only: a compile reads every row it compiles */
	dict_rows.records = !store;
	if (dict_rows.records)
		tkeys_load();
	for (int k = 0; k < DP_T__COUNT; k++)
	{
		instr_time	h0,
					h1;
		bool		unsorted;
		bool		recorded;
		uint64		n;
		uint8		h[PGDP_DICT_KEY_LEN];

		INSTR_TIME_SET_CURRENT(h0);
		key_table_start(kb);
		n = dict_read((DpTable) k, dp_tables[k].columns, dp_tables[k].ordered, &unsorted, h, &recorded);
		if (recorded)
		{
			/* no scan: the table's hash is the recorded one */
			Assert(kb->ctx == NULL && kb->len == 0);
			nrecorded++;
		}
		sha256_put(kb->outer, h, sizeof(h));
		INSTR_TIME_SET_CURRENT(h1);
		INSTR_TIME_SUBTRACT(h1, h0);
		elog(DEBUG2, "diplo: table %s: %s in %.3f ms%s", dp_tables[k].name,
			 recorded ? "recorded key" : psprintf("%d rows", (int) n),
			 INSTR_TIME_GET_MILLISEC(h1), store ? " (kept)" : "");
		rows[k].nrows = n;
		rows[k].cells = store ? dict_rows.cells : NULL;
		rows[k].natts = dict_rows.natts;
		rows[k].unsorted = unsorted;
	}
	if (dict_rows.records)
		tkeys_save();
	dict_rows.kb = NULL;
	dict_rows.store = false;
	dict_rows.records = false;
	key_finish(kb, key);
	return nrecorded;
}

/*
 * Read every dictionary table into a new dictionary: attached from the
 * image of the same rows when another backend wrote one, compiled (and its
 * image written) otherwise.
 */
static PgDict *
dict_load(void)
{
	MemoryContext cxt;
	MemoryContext old;
	PgDict	   *pd;
	DpDict	   *d;
	Oid			nsp;
	TableRows  *rows;
	KeyBuf	   *volatile kb = NULL;
	instr_time	t0,
				t1;
	volatile double t_read = 0,
				t_make = 0,
				t_setup = 0;
	volatile int nrecorded = 0;

	INSTR_TIME_SET_CURRENT(t0);
	cxt = AllocSetContextCreate(TopMemoryContext, "diplo dictionary", ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		MemoryContextCallback *cb;
		int			guc_level;
		bool		pushed = false;

		old = MemoryContextSwitchTo(cxt);
		pd = palloc0(sizeof(PgDict));
		pd->cxt = cxt;
		pgdp_arena_init(&pd->arena, &pd->mem, cxt);
		pd->mem.interrupt = NULL;	/* never longjmp out of a half-updated cache */
		MemoryContextSwitchTo(old);

		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "diplo: SPI_connect failed");
		/* the first block (256 kB) holds most rows */
		dict_rows.cxt = AllocSetContextCreate(CurrentMemoryContext, "diplo dictionary rows",
											  256 * 1024, 256 * 1024, ALLOCSET_DEFAULT_MAXSIZE);
		rows = palloc0(sizeof(TableRows) * DP_T__COUNT);
		kb = palloc(sizeof(KeyBuf));
		kb->ctx = kb->outer = NULL;

		/*
		 * Read the latest committed rows, not the statement's snapshot: an
		 * invalidation already processed may come from a commit newer than
		 * that snapshot, and its rows must be in this rebuild.  A
		 * repeatable-read transaction reads its own snapshot (its tables
		 * and its dictionary agree), and what it builds serves only that
		 * transaction.  A parallel worker reads the leader's snapshot.
		 */
		if (!IsInParallelMode() && !IsolationUsesXactSnapshot())
		{
			PushActiveSnapshot(GetLatestSnapshot());
			pushed = true;
		}

		/* no search_path can capture an operator or function of the load */
		guc_level = NewGUCNestLevel();
		(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
		nsp = extension_schema();
		for (int k = 0; k < DP_T__COUNT; k++)
			table_oids[k] = get_relname_relid(dp_tables[k].name, nsp);
		strlcpy(dict_schema_buf, quote_identifier(get_namespace_name(nsp)), sizeof(dict_schema_buf));
		dict_schema = dict_schema_buf;
		cluster_check(nsp);

		/*
		 * Every table in dp_tables[] order, each row as its column strings;
		 * COLLATE "C" where the order matters: the same order in every
		 * database, and a cheap sort.  A first pass only hashes the rows
		 * into the key (no copy): most loads then attach the image of that
		 * key.  Otherwise a second pass, under the same snapshot, keeps the
		 * rows and hashes them again: what is compiled, and the key its
		 * image is written under, are those of the very same rows.
		 */
		INSTR_TIME_SET_CURRENT(t1);
		INSTR_TIME_SUBTRACT(t1, t0);
		t_setup = INSTR_TIME_GET_MILLISEC(t1);
		nrecorded = read_tables(kb, rows, false, pd->key);
		INSTR_TIME_SET_CURRENT(t1);
		INSTR_TIME_SUBTRACT(t1, t0);
		t_read = INSTR_TIME_GET_MILLISEC(t1);
		INSTR_TIME_SET_CURRENT(t0);

		old = MemoryContextSwitchTo(cxt);
		/* an attached dictionary's memory comes from the context: no
		 * 4 MB arena region for its few small allocations */
		pgdp_arena_set_building(&pd->arena, false);
		d = pgdp_image_attach(pd->key, &pd->mem, &pd->map, &pd->maplen);
		pd->attached = (d != NULL);
		if (d == NULL)
		{
			pgdp_arena_set_building(&pd->arena, true);
			d = dp_dict_create(&pd->mem);
		}
		pd->dict = d;
		cb = palloc0(sizeof(MemoryContextCallback));
		cb->func = dict_cxt_reset;
		cb->arg = pd;
		MemoryContextRegisterResetCallback(cxt, cb);
		MemoryContextSwitchTo(old);

		if (!pd->attached)
		{
			uint8		key2[PGDP_DICT_KEY_LEN];

			read_tables(kb, rows, true, key2);
			if (memcmp(key2, pd->key, PGDP_DICT_KEY_LEN) != 0)
			{
				elog(DEBUG1, "diplo: the dictionary rows differ between the two reads");
				memcpy(pd->key, key2, PGDP_DICT_KEY_LEN);
			}
			for (int k = 0; k < DP_T__COUNT; k++)
			{
				rows_sort(&rows[k]);
				for (uint64 i = 0; i < rows[k].nrows; i++)
				{
					dp_dict_add_row(d, (DpTable) k,
									(const char *const *) &rows[k].cells[i * rows[k].natts]);
					if ((i & 1023) == 1023)
						CHECK_FOR_INTERRUPTS();
				}
				if (k == DP_T_ENTITY)
					dp_dict_add_state_entities(d);
			}
			dp_dict_finish(d);
			pgdp_image_write(d, pd->key);
		}
		pgdp_arena_built(&pd->arena);
		INSTR_TIME_SET_CURRENT(t1);
		INSTR_TIME_SUBTRACT(t1, t0);
		t_make = INSTR_TIME_GET_MILLISEC(t1);
		elog(DEBUG1, "diplo: dictionary rows read and hashed in %.3f ms (setup %.3f ms, %d of %d tables by their recorded keys), %s in %.3f ms",
			 t_read, t_setup, nrecorded, DP_T__COUNT, pd->attached ? "attached" : "compiled", t_make);
		AtEOXact_GUC(true, guc_level);
		if (pushed)
			PopActiveSnapshot();
		SPI_finish();
		dict_rows.cxt = NULL;	/* deleted with the SPI procedure context */
	}
	PG_CATCH();
	{
		if (kb)
			key_abort(kb);
		dict_rows.kb = NULL;
		dict_rows.store = false;
		dict_rows.records = false;
		dict_rows.cxt = NULL;
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return pd;
}

/* Release a call site's pin; free the dictionary if it is stale and unpinned. */
static void
unpin(void *arg)
{
	DictPin    *pin = (DictPin *) arg;
	PgDict	   *pd = pin->pd;

	pin->pd = NULL;
	if (pd == NULL)
		return;
	pd->refcount--;
	if (pd->refcount == 0 && pd != current)
		pgdict_free(pd);
}

static bool
same_statement(const DictPin *a, const DictPin *b)
{
	return a->stmt == b->stmt && a->lxid == b->lxid && a->cid == b->cid;
}

/*
 * The dictionary for this call.  A statement is identified by its start
 * time, its transaction and its command id: several statements of one query
 * string differ by command id once one of them changed the dictionary (its
 * own invalidation is processed at that command boundary), and a PL/pgSQL
 * simple expression, which
 * keeps its call state for the whole transaction, is re-pinned at each new
 * statement.  Invalidations are accepted only when a statement takes its
 * first pin, so that one statement never mixes two versions.
 */
DpDict *
pgdp_dict_get(FunctionCallInfo fcinfo)
{
	return pgdp_dict_get_pg(fcinfo)->dict;
}

static Datum
cached_text(PgDict *pd, Datum *slot, const char *s)
{
	if (*slot == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(pd->cxt);

		*slot = PointerGetDatum(pgdp_text_from_utf8(s, strlen(s)));
		MemoryContextSwitchTo(old);
	}
	return *slot;
}

/* Slot idx of a lazily allocated array of n cached text datums. */
static Datum
cached_in_array(PgDict *pd, Datum **arr, uint32 n, uint32 idx, const char *s)
{
	Assert(idx < n);
	if (*arr == NULL)
		*arr = MemoryContextAllocZero(pd->cxt, sizeof(Datum) * (n + 1));
	return cached_text(pd, &(*arr)[idx], s);
}

Datum
pgdp_dict_name_text(PgDict *pd, int32 entity)
{
	return cached_in_array(pd, &pd->name_text, pd->dict->nentities, (uint32) entity,
						   pd->dict->entities[entity].name);
}

Datum
pgdp_dict_code_text(PgDict *pd, int16 country)
{
	return cached_in_array(pd, &pd->code_text, pd->dict->ncountries, (uint32) country,
						   pd->dict->countries[country].code);
}

Datum
pgdp_dict_method_text(PgDict *pd, int idx, const char *s)
{
	Assert(idx >= 0 && idx < (int) lengthof(pd->method_text));
	return cached_text(pd, &pd->method_text[idx], s);
}

PgDict *
pgdp_dict_get_pg(FunctionCallInfo fcinfo)
{
	FmgrInfo   *fl = fcinfo->flinfo;
	CallSite   *site = (CallSite *) fl->fn_extra;
	DictPin    *pin = site ? &site->pin : NULL;
	DictPin		now;
	PgDict	   *pd;

	now.stmt = GetCurrentStatementStartTimestamp();
	now.lxid = MyProc->lxid;
	now.cid = GetCurrentCommandId(false);
	now.gen = inval_gen;
	if (pin && pin->pd && same_statement(pin, &now))
		return pin->pd;

	if (last_pin.pd && same_statement(&last_pin, &now))
		pd = last_pin.pd;
	else
	{
		AcceptInvalidationMessages();
		if (current == NULL || !current_valid || current_reader != GetUserId() ||
			(current_only_lxid != InvalidLocalTransactionId && current_only_lxid != MyProc->lxid))
		{
			uint64		gen_before = inval_gen;
			PgDict	   *fresh = dict_load();

			if (current && current->refcount == 0)
				pgdict_free(current);
			current = fresh;
			current_valid = (inval_gen == gen_before);
			current_reader = GetUserId();
			current_only_lxid = IsolationUsesXactSnapshot() ? MyProc->lxid : InvalidLocalTransactionId;
		}
		pd = current;
		now.gen = inval_gen;
		last_pin = now;
		last_pin.pd = pd;
	}
	if (pin == NULL)
	{
		MemoryContextCallback *cb;

		site = MemoryContextAllocZero(fl->fn_mcxt, sizeof(CallSite));
		pin = &site->pin;
		cb = MemoryContextAlloc(fl->fn_mcxt, sizeof(MemoryContextCallback));
		cb->func = unpin;
		cb->arg = pin;
		MemoryContextRegisterResetCallback(fl->fn_mcxt, cb);
		fl->fn_extra = site;
	}
	else if (pin->pd != pd)
		unpin(pin);
	if (pin->pd != pd)
	{
		pd->refcount++;
		*pin = last_pin;
		pin->pd = pd;
	}
	else
		*pin = last_pin;
	return pd;
}

/*
 * The memory context of this call's work, empty: kept with the call site's
 * pin (a child of fn_mcxt, so it goes with the query) and reset at every
 * call.  A context created and deleted per document cost its first blocks'
 * malloc() and free() each time.  The first 64 kB stay between calls.
 * pgdp_dict_get_pg() must have been called for this call.
 */
MemoryContext
pgdp_call_context(FunctionCallInfo fcinfo)
{
	CallSite   *site = (CallSite *) fcinfo->flinfo->fn_extra;

	if (site == NULL)
		elog(ERROR, "diplo: call context requested before the dictionary");
	if (site->work == NULL)
		site->work = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "diplo call",
										   64 * 1024, 64 * 1024, ALLOCSET_DEFAULT_MAXSIZE);
	else
		MemoryContextReset(site->work);
	return site->work;
}

/* Statement trigger on the dictionary tables. */
Datum
diplo_dictionary_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("diplo.dictionary_changed() must be called as a trigger")));
	CacheInvalidateRelcache(td->tg_relation);
	return PointerGetDatum(NULL);
}

/* Sizes of the compiled dictionary this statement sees. */
Datum
diplo_dictionary_info(PG_FUNCTION_ARGS)
{
	DpDict	   *d = pgdp_dict_get(fcinfo);
	PgDict	   *pd = ((CallSite *) fcinfo->flinfo->fn_extra)->pin.pd;
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7] = {0};
	char		hex[2 * PGDP_DICT_KEY_LEN + 1];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	/* 0.1 has the first five columns, 0.2 adds source and key */
	if (tupdesc->natts != 5 && tupdesc->natts != 7)
		elog(ERROR, "diplo.dictionary_info(): unexpected row type");
	values[0] = Int64GetDatum(d->nentities);
	values[1] = Int64GetDatum(d->ncountries);
	values[2] = Int64GetDatum(d->ncues);
	values[3] = Int64GetDatum(d->ntopics);
	values[4] = Int64GetDatum((int64) MemoryContextMemAllocated(pd->cxt, true));
	if (tupdesc->natts == 7)
	{
		for (int i = 0; i < PGDP_DICT_KEY_LEN; i++)
			snprintf(hex + 2 * i, 3, "%02x", pd->key[i]);
		values[5] = CStringGetTextDatum(pd->attached ? "attached" : "compiled");
		values[6] = CStringGetTextDatum(hex);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
