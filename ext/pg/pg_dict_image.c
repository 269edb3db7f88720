/*
 * pg_dict_image.c
 *	  The compiled dictionary shared between backends through a cache file.
 *
 * A backend that compiles a dictionary writes the frozen part of it
 * (dp_dict_image_write: offsets, not pointers) to
 * $PGDATA/pg_diplo/<key>.dict, written under a temporary name and renamed
 * into place (atomic; no fsync: it is a cache, and a file lost or torn by a
 * crash fails the checks below and is compiled again).  Another backend (a
 * new connection, a parallel worker) that read the same rows attaches the
 * file instead of compiling: it reads it into its own memory and relocates
 * the offsets (dp_dict_attach).
 *
 * The key is a SHA-256 of exactly the rows the reader read (pg_dict.c): of
 * the SHA-256 of each table's rows (every column of every row, in the order
 * given to the compiler), table by table, with the server encoding, the
 * image layout version and this library's build identity; a table whose
 * pages did not change since a scan gives the hash that scan recorded
 * (pgdp_tkeys_read() below).  Whatever decides which rows a reader sees (an edit, a
 * rollback, row-level security, privileges, the snapshot) decides the key,
 * so a backend can only attach a dictionary compiled from the very rows it
 * would have compiled itself; anything that does not change the rows
 * (ANALYZE, VACUUM) does not change the key.
 *
 * A file is never trusted: a header with a magic number, the layout
 * version, the build identity, the key and the payload's size and CRC-32C
 * must all match before the payload is looked at, and the payload itself is
 * checked offset by offset by dp_dict_attach.  A file that fails any check
 * is ignored (and replaced once compiled again).  The directory keeps the
 * PGDP_IMAGE_KEEP most recently written images.
 */
#include "postgres.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/file_perm.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "port/pg_crc32c.h"
#include "portability/instr_time.h"
#include "storage/fd.h"
#include "utils/memutils.h"

#include "pg_dict.h"

#include <libstemmer.h>
#include <utf8proc.h>

#define PGDP_IMAGE_DIR "pg_diplo"
#define PGDP_IMAGE_MAGIC "DIPLODICT\0\0\0\0\0\0"	/* 16 bytes */
#define PGDP_IMAGE_LAYOUT 1
#define PGDP_IMAGE_KEEP 16
#define PGDP_IMAGE_MAX ((uint64) 1 << 30)

/*
 * What makes a library build's images readable by it: the layout, and the
 * identity of the library file as it was when this process loaded it
 * (pgdp_image_build_id() is first called from _PG_init): a backend that
 * loaded an older build before a reinstall never writes an image the new
 * build would take for its own.
 */
typedef struct PgDictBuild
{
	uint32		pg_version;
	uint32		layout;			/* PGDP_IMAGE_LAYOUT */
	uint32		core_layout;	/* DP_DICT_IMAGE_VERSION */
	uint32		sizes;			/* of the image's records and pointers */
	uint64		lib_dev;		/* the shared library file: device, inode, */
	uint64		lib_ino;		/* size and modification time */
	uint64		lib_size;
	uint64		lib_mtime_ns;
	uint64		deps;			/* the same of libstemmer's file, and utf8proc's version */
} PgDictBuild;

typedef struct PgDictFileHead
{
	char		magic[16];
	PgDictBuild build;
	uint8		key[PGDP_DICT_KEY_LEN];
	uint64		payload;		/* bytes after this header */
	pg_crc32c	crc;			/* of the payload */
	uint32		pad;
} PgDictFileHead;

StaticAssertDecl(sizeof(PgDictFileHead) % 8 == 0, "the payload stays 8-byte aligned");

static PgDictBuild build_id;
static bool build_id_done = false;

const void *
pgdp_image_build_id(size_t *len)
{
	if (!build_id_done)
	{
		Dl_info		info;
		struct stat st;

		memset(&build_id, 0, sizeof(build_id));
		build_id.pg_version = PG_VERSION_NUM;
		build_id.layout = PGDP_IMAGE_LAYOUT;
		build_id.core_layout = DP_DICT_IMAGE_VERSION;
		build_id.sizes = (uint32) (sizeof(void *) | sizeof(DpEntity) << 4 | sizeof(DpCountry) << 10 |
								   sizeof(DpCue) << 16 | sizeof(DpNode) << 22 | sizeof(DpVal) << 28);
		if (dladdr((void *) pgdp_image_build_id, &info) != 0 && info.dli_fname &&
			stat(info.dli_fname, &st) == 0)
		{
			build_id.lib_dev = (uint64) st.st_dev;
			build_id.lib_ino = (uint64) st.st_ino;
			build_id.lib_size = (uint64) st.st_size;
			build_id.lib_mtime_ns = (uint64) st.st_mtim.tv_sec * 1000000000 + (uint64) st.st_mtim.tv_nsec;
		}
		/*
		 * The compiled tries hold Snowball stems and utf8proc foldings: a
		 * library upgraded under the same diplo.so gives another build.
		 */
		{
			uint64		h = 0;
			const char *v = utf8proc_version();

			if (dladdr((void *) sb_stemmer_new, &info) != 0 && info.dli_fname &&
				stat(info.dli_fname, &st) == 0)
			{
				uint64		f[4] = {(uint64) st.st_dev, (uint64) st.st_ino, (uint64) st.st_size,
				(uint64) st.st_mtim.tv_sec * 1000000000 + (uint64) st.st_mtim.tv_nsec};

				h = hash_bytes_extended((const unsigned char *) f, sizeof(f), h);
			}
			if (v)
				h = hash_bytes_extended((const unsigned char *) v, strlen(v), h);
			build_id.deps = h;
		}
		build_id_done = true;
	}
	*len = sizeof(build_id);
	return &build_id;
}

static bool
build_known(void)
{
	size_t		len;

	(void) pgdp_image_build_id(&len);
	/* no identity of the library file: no image is written or read */
	return build_id.lib_ino != 0 || build_id.lib_size != 0;
}

static void
image_path(char *buf, size_t size, const uint8 *key, const char *suffix)
{
	char		hex[2 * PGDP_DICT_KEY_LEN + 1];

	for (int i = 0; i < PGDP_DICT_KEY_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", key[i]);
	snprintf(buf, size, "%s/%s/%s%s", DataDir, PGDP_IMAGE_DIR, hex, suffix);
}

/*
 * Read (or, with out, write) exactly n bytes at p; false on a short read or
 * write or an error.
 */
static bool
move_all(int fd, char *p, size_t n, bool out)
{
	while (n > 0)
	{
		ssize_t		r = out ? write(fd, p, n) : read(fd, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p += r;
		n -= (size_t) r;
	}
	return true;
}

static inline bool
read_all(int fd, char *p, size_t n)
{
	return move_all(fd, p, n, false);
}

static inline bool
write_all(int fd, const char *p, size_t n)
{
	return move_all(fd, unconstify(char *, p), n, true);
}

/*
 * Write a, then b (if any), to the new file tmp and rename it to path, so
 * that a reader sees the whole file or none; tmp is removed on failure.
 * Returns NULL, or the step that failed (errno tells why).
 */
static const char *
write_renamed(const char *tmp, const char *path, const char *a, size_t an, const char *b, size_t bn)
{
	const char *why = NULL;
	int			fd = OpenTransientFilePerm(tmp, O_WRONLY | O_CREAT | O_TRUNC | PG_BINARY, pg_file_create_mode);

	if (fd < 0)
		return "open";
	if (!write_all(fd, a, an) || (b != NULL && !write_all(fd, b, bn)))
		why = "write";
	if (CloseTransientFile(fd) != 0 && why == NULL)
		why = "close";
	if (why == NULL && rename(tmp, path) != 0)
		why = "rename";
	if (why != NULL)
		(void) unlink(tmp);
	return why;
}

/*
 * The dictionary of the image for key, attached with mem's allocator, or
 * NULL when there is none or it fails a check.  The file is mapped
 * read-only and shared (MAP_SHARED: every backend that attaches it reads the
 * same pages of the page cache); *map and *maplen are the mapping, to
 * munmap() when the dictionary is freed.  The dictionary's tries are read
 * in the mapping and never written; only its small records are copied.
 *
 * A mapped file must not shrink while mapped (a read past its new end is a
 * SIGBUS, which crashes the backend): diplo never writes a file in place (a
 * new image is renamed over the old, whose pages stay with the backends
 * that mapped them) and removes old ones with unlink().  Only a superuser
 * (COPY TO, lo_export into pg_diplo) or the server's OS user could write one
 * in place; the files stay 0600, not read-only, so that tools that rewrite
 * a data directory in place (pg_rewind) are not stopped by them.
 */
DpDict *
pgdp_image_attach(const uint8 *key, DpMem *mem, void **map, size_t *maplen)
{
	char		path[MAXPGPATH];
	int			fd;
	struct stat st;
	PgDictFileHead h;
	size_t		blen;
	const void *bid = pgdp_image_build_id(&blen);
	char	   *base = NULL;
	const char *payload = NULL;
	const char *why = NULL;
	pg_crc32c	crc;
	DpDict	   *d = NULL;
	instr_time	t0,
				t1,
				t2,
				t3;

	*map = NULL;
	*maplen = 0;
	if (!build_known())
		return NULL;
	INSTR_TIME_SET_CURRENT(t0);
	image_path(path, sizeof(path), key, ".dict");
	/* O_NONBLOCK: a FIFO put there must not hang the open (it fails S_ISREG) */
	fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
	if (fd < 0)
		return NULL;			/* none yet */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t) sizeof(h) ||
		(uint64) st.st_size > PGDP_IMAGE_MAX || !read_all(fd, (char *) &h, sizeof(h)))
		why = "too short";
	else if (memcmp(h.magic, PGDP_IMAGE_MAGIC, sizeof(h.magic)) != 0)
		why = "bad magic";
	else if (memcmp(&h.build, bid, blen) != 0)
		why = "another build or layout";
	else if (memcmp(h.key, key, PGDP_DICT_KEY_LEN) != 0)
		why = "another key";
	else if (h.payload != (uint64) st.st_size - sizeof(h))
		why = "size mismatch";
	else
	{
		base = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
		if (base == MAP_FAILED)
		{
			base = NULL;
			why = "cannot map";
		}
		else
		{
			payload = base + sizeof(h);
			INSTR_TIME_SET_CURRENT(t1);
			INIT_CRC32C(crc);
			COMP_CRC32C(crc, payload, h.payload);
			FIN_CRC32C(crc);
			if (!EQ_CRC32C(crc, h.crc))
				why = "checksum mismatch";
		}
	}
	CloseTransientFile(fd);
	INSTR_TIME_SET_CURRENT(t2);
	if (why == NULL)
		d = dp_dict_attach(mem, payload, h.payload, &why);
	INSTR_TIME_SET_CURRENT(t3);
	if (d)
	{
		*map = base;
		*maplen = (size_t) st.st_size;
		INSTR_TIME_SUBTRACT(t3, t2);
		INSTR_TIME_SUBTRACT(t2, t1);
		INSTR_TIME_SUBTRACT(t1, t0);
		elog(DEBUG1, "diplo: image mapped in %.3f ms, checksum %.3f ms, checked and attached in %.3f ms",
			 INSTR_TIME_GET_MILLISEC(t1), INSTR_TIME_GET_MILLISEC(t2), INSTR_TIME_GET_MILLISEC(t3));
		return d;
	}
	if (base)
		(void) munmap(base, (size_t) st.st_size);
	ereport(LOG,
			(errmsg("diplo: ignoring dictionary image \"%s\": %s", path, why ? why : "unknown")));
	return NULL;
}

/* A name under pg_diplo: an image, or a temporary file of one or of a
 * table keys file. */
static bool
image_name(const char *name, bool *tmp)
{
	size_t		n = strlen(name);

	*tmp = strstr(name, ".dict.tmp.") != NULL || strstr(name, ".keys.tmp.") != NULL;
	return *tmp || (n > 5 && strcmp(name + n - 5, ".dict") == 0);
}

/*
 * Keep the PGDP_IMAGE_KEEP most recently written images (keep, just
 * written, and the newest others); remove the
 * temporary files a crashed writer left more than ten minutes ago.
 */
static void
image_prune(const char *keep)
{
	char		dir[MAXPGPATH];
	DIR		   *dh;
	struct dirent *de;
	struct
	{
		char		name[MAXPGPATH];
		uint64		mtime_ns;
	}		   *old = NULL;
	int			n = 0,
				cap = 0;
	time_t		now = time(NULL);

	snprintf(dir, sizeof(dir), "%s/%s", DataDir, PGDP_IMAGE_DIR);
	dh = AllocateDir(dir);
	if (dh == NULL)
		return;
	while ((de = ReadDirExtended(dh, dir, LOG)) != NULL)
	{
		char		path[MAXPGPATH];
		struct stat st;
		bool		tmp;

		if (!image_name(de->d_name, &tmp))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (tmp)
		{
			if (now - st.st_mtime > 600)
				(void) unlink(path);
			continue;
		}
		if (strcmp(path, keep) == 0)
			continue;			/* the image just written stays */
		if (n == cap)
		{
			cap = cap ? cap * 2 : 16;
			old = old ? repalloc(old, sizeof(*old) * cap) : palloc(sizeof(*old) * cap);
		}
		strlcpy(old[n].name, path, sizeof(old[n].name));
		old[n].mtime_ns = (uint64) st.st_mtim.tv_sec * 1000000000 + (uint64) st.st_mtim.tv_nsec;
		n++;
	}
	FreeDir(dh);
	/* remove the oldest until PGDP_IMAGE_KEEP are left */
	while (n > PGDP_IMAGE_KEEP - 1)
	{
		int			o = 0;

		for (int i = 1; i < n; i++)
			if (old[i].mtime_ns < old[o].mtime_ns)
				o = i;
		(void) unlink(old[o].name);
		old[o] = old[--n];
	}
	if (old)
		pfree(old);
}

/*
 * Write the image of the finished dictionary d for key.  Best effort: a
 * failure leaves no file behind (a DEBUG1 message says why) and the
 * dictionary is used all the same.
 */
void
pgdp_image_write(const DpDict *d, const uint8 *key)
{
	char		dir[MAXPGPATH];
	char		path[MAXPGPATH];
	char		tmp[MAXPGPATH];
	char		suffix[64];
	size_t		blen;
	const void *bid;
	size_t		size;
	char	   *buf;
	PgDictFileHead h;
	const char *why = NULL;

	if (!build_known())
		return;
	bid = pgdp_image_build_id(&blen);
	size = dp_dict_image_size(d);
	if (size == 0 || (uint64) size + sizeof(h) > PGDP_IMAGE_MAX)
		return;
	buf = MemoryContextAllocExtended(CurrentMemoryContext, sizeof(h) + size,
									 MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
	if (buf == NULL)
		return;
	if (dp_dict_image_write(d, buf + sizeof(h), size) != size ||
		(why = dp_dict_image_check(buf + sizeof(h), size)) != NULL)
	{
		/* never write what a reader would refuse */
		elog(DEBUG1, "diplo: no dictionary image: %s", why ? why : "write failed");
		pfree(buf);
		return;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, PGDP_IMAGE_MAGIC, sizeof(h.magic));
	memcpy(&h.build, bid, blen);
	memcpy(h.key, key, PGDP_DICT_KEY_LEN);
	h.payload = size;
	INIT_CRC32C(h.crc);
	COMP_CRC32C(h.crc, buf + sizeof(h), size);
	FIN_CRC32C(h.crc);
	memcpy(buf, &h, sizeof(h));

	snprintf(dir, sizeof(dir), "%s/%s", DataDir, PGDP_IMAGE_DIR);
	if (MakePGDirectory(dir) != 0 && errno != EEXIST)
	{
		elog(DEBUG1, "diplo: cannot create \"%s\": %m", dir);
		pfree(buf);
		return;
	}
	image_path(path, sizeof(path), key, ".dict");
	snprintf(suffix, sizeof(suffix), ".dict.tmp.%d", MyProcPid);
	image_path(tmp, sizeof(tmp), key, suffix);
	why = write_renamed(tmp, path, buf, sizeof(h) + size, NULL, 0);
	pfree(buf);
	if (why)
		elog(DEBUG1, "diplo: dictionary image \"%s\" not written (%s): %m", path, why);
	else
		image_prune(path);
}

/*
 * The recorded keys of single tables (pg_dict.c, table_fingerprint()):
 * $PGDATA/pg_diplo/tables.<database oid>.keys, a header (magic, this
 * build, the database, the entry count and a CRC-32C of the entries) and
 * entries of a table's fingerprint, the SHA-256 of its rows as a scan read
 * them and that scan's snapshot xmin.  Like an image, a cache: written under a temporary name and
 * renamed into place, and a file that fails a check is ignored (and
 * replaced by the next write).  Concurrent writers may lose each other's
 * entries, which only costs a scan.
 */
#define PGDP_TKEYS_MAGIC "DIPLOTKEYS2\0\0\0\0\0"	/* 16 bytes */

typedef struct PgTableKeysHead
{
	char		magic[16];
	PgDictBuild build;
	uint32		database;
	uint32		count;
	pg_crc32c	crc;			/* of the entries */
	uint32		pad;
} PgTableKeysHead;

StaticAssertDecl(sizeof(PgTableKeysHead) % 8 == 0, "the entries stay 8-byte aligned");

static void
tkeys_path(char *buf, size_t size, const char *suffix)
{
	snprintf(buf, size, "%s/%s/tables.%u.keys%s", DataDir, PGDP_IMAGE_DIR, MyDatabaseId, suffix);
}

int
pgdp_tkeys_read(PgTableKey *out, int max)
{
	char		path[MAXPGPATH];
	int			fd;
	struct stat st;
	PgTableKeysHead h;
	size_t		blen;
	const void *bid = pgdp_image_build_id(&blen);
	pg_crc32c	crc;
	int			n = 0;

	if (!build_known() || max <= 0)
		return 0;
	tkeys_path(path, sizeof(path), "");
	fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t) sizeof(h) &&
		read_all(fd, (char *) &h, sizeof(h)) &&
		memcmp(h.magic, PGDP_TKEYS_MAGIC, sizeof(h.magic)) == 0 &&
		memcmp(&h.build, bid, blen) == 0 && h.database == MyDatabaseId &&
		h.count <= (uint32) max &&
		(uint64) st.st_size == sizeof(h) + (uint64) h.count * sizeof(PgTableKey) &&
		read_all(fd, (char *) out, (size_t) h.count * sizeof(PgTableKey)))
	{
		INIT_CRC32C(crc);
		COMP_CRC32C(crc, out, (size_t) h.count * sizeof(PgTableKey));
		FIN_CRC32C(crc);
		if (EQ_CRC32C(crc, h.crc))
			n = (int) h.count;
	}
	CloseTransientFile(fd);
	return n;
}

void
pgdp_tkeys_write(const PgTableKey *keys, int n)
{
	char		dir[MAXPGPATH];
	char		path[MAXPGPATH];
	char		tmp[MAXPGPATH];
	char		suffix[64];
	size_t		blen;
	const void *bid;
	PgTableKeysHead h;
	const char *why = NULL;

	if (!build_known() || n <= 0)
		return;
	bid = pgdp_image_build_id(&blen);
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, PGDP_TKEYS_MAGIC, sizeof(h.magic));
	memcpy(&h.build, bid, blen);
	h.database = MyDatabaseId;
	h.count = (uint32) n;
	INIT_CRC32C(h.crc);
	COMP_CRC32C(h.crc, keys, (size_t) n * sizeof(PgTableKey));
	FIN_CRC32C(h.crc);

	snprintf(dir, sizeof(dir), "%s/%s", DataDir, PGDP_IMAGE_DIR);
	if (MakePGDirectory(dir) != 0 && errno != EEXIST)
		return;
	tkeys_path(path, sizeof(path), "");
	snprintf(suffix, sizeof(suffix), ".tmp.%d", MyProcPid);
	tkeys_path(tmp, sizeof(tmp), suffix);
	why = write_renamed(tmp, path, (const char *) &h, sizeof(h), (const char *) keys,
						(size_t) n * sizeof(PgTableKey));
	if (why)
		elog(DEBUG1, "diplo: table keys \"%s\" not written (%s): %m", path, why);
}
