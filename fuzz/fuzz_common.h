/*
 * fuzz_common.h
 *	  Shared pieces of the libFuzzer harnesses: a tracking allocator for the
 *	  core's DpMem hooks, the error exit and invariant checks.
 *
 * Every allocation the core makes through DpMem goes into an arena: a hash
 * set of the live pointers, each a plain malloc block so AddressSanitizer
 * keeps its red zones on both sides.  After each input the harness frees
 * the whole arena at once, as a PostgreSQL memory context would; so the only
 * leaks LeakSanitizer can still see are those of the core's own malloc use
 * (libstemmer, utf8proc), which are real.  A free or realloc of a pointer
 * the arena does not own (one from another arena, or a stale one) aborts.
 *
 * The error hook never returns: it longjmps back to the harness, which
 * decides whether that error was acceptable for the input.
 */
#ifndef DP_FUZZ_COMMON_H
#define DP_FUZZ_COMMON_H

#include "dp_core.h"
#include "dp_text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Helpers here are static; not every harness uses all of them. */
#define FZ_FN static __attribute__((unused))

typedef struct FzArena
{
	const char *name;
	void	  **keys;			/* open addressing, NULL = empty */
	size_t	   *sizes;
	size_t		nslots;			/* power of two */
	size_t		n;
	size_t		live_bytes;
	size_t		peak_bytes;
	jmp_buf    *jmp;			/* where fail() goes; NULL: abort */
	DpErr		err;			/* the last error raised */
	const char *errmsg;
} FzArena;

/* Abort with a message: libFuzzer saves the input as a crash. */
static void fz_die(const char *fmt,...) __attribute__((noreturn, format(printf, 1, 2)));

FZ_FN void
fz_die(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	fprintf(stderr, "\n==FUZZ INVARIANT== ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	abort();
}

#define FZ_CHECK(cond, ...) do { if (!(cond)) fz_die(__VA_ARGS__); } while (0)

FZ_FN size_t
fz_slot(const FzArena *a, const void *p)
{
	uint64_t	h = (uint64_t) (uintptr_t) p;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t) h & (a->nslots - 1);
}

FZ_FN void
fz_put(FzArena *a, void *p, size_t size)
{
	size_t		i;

	if ((a->n + 1) * 2 > a->nslots)
	{
		void	  **ok = a->keys;
		size_t	   *os = a->sizes;
		size_t		on = a->nslots;

		a->nslots = on ? on * 2 : 1024;
		a->keys = calloc(a->nslots, sizeof(void *));
		a->sizes = calloc(a->nslots, sizeof(size_t));
		if (!a->keys || !a->sizes)
			fz_die("arena %s: out of memory", a->name);
		a->n = 0;
		a->live_bytes = 0;
		for (size_t k = 0; k < on; k++)
			if (ok[k])
				fz_put(a, ok[k], os[k]);
		free(ok);
		free(os);
	}
	i = fz_slot(a, p);
	while (a->keys[i])
		i = (i + 1) & (a->nslots - 1);
	a->keys[i] = p;
	a->sizes[i] = size;
	a->n++;
	a->live_bytes += size;
	if (a->live_bytes > a->peak_bytes)
		a->peak_bytes = a->live_bytes;
}

/* Remove p (backward-shift deletion); aborts if p is not in the arena. */
FZ_FN void
fz_take(FzArena *a, void *p, const char *what)
{
	size_t		i,
				j;

	if (a->nslots == 0)
		fz_die("arena %s: %s of %p, which it never allocated", a->name, what, p);
	i = fz_slot(a, p);
	while (a->keys[i] != p)
	{
		if (a->keys[i] == NULL)
			fz_die("arena %s: %s of %p, which it does not own (another arena's, or already freed)",
				   a->name, what, p);
		i = (i + 1) & (a->nslots - 1);
	}
	a->live_bytes -= a->sizes[i];
	a->keys[i] = NULL;
	a->n--;
	j = i;
	for (;;)
	{
		size_t		h;

		j = (j + 1) & (a->nslots - 1);
		if (a->keys[j] == NULL)
			break;
		h = fz_slot(a, a->keys[j]);
		/* move keys[j] into the hole at i unless its home lies in (i, j] */
		if ((j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j)))
		{
			a->keys[i] = a->keys[j];
			a->sizes[i] = a->sizes[j];
			a->keys[j] = NULL;
			i = j;
		}
	}
}

FZ_FN void *
fz_alloc(void *ctx, size_t size)
{
	FzArena    *a = ctx;
	void	   *p = malloc(size);

	if (!p)
		fz_die("arena %s: malloc(%zu) failed", a->name, size);
	fz_put(a, p, size);
	return p;
}

FZ_FN void *
fz_realloc(void *ctx, void *ptr, size_t size)
{
	FzArena    *a = ctx;
	void	   *q;

	fz_take(a, ptr, "realloc");
	q = realloc(ptr, size);
	if (!q)
		fz_die("arena %s: realloc(%zu) failed", a->name, size);
	fz_put(a, q, size);
	return q;
}

FZ_FN void
fz_free(void *ctx, void *ptr)
{
	FzArena    *a = ctx;

	fz_take(a, ptr, "free");
	free(ptr);
}

FZ_FN void
fz_fail(void *ctx, DpErr code, const char *msg)
{
	FzArena    *a = ctx;

	a->err = code;
	a->errmsg = msg;
	if (a->jmp)
		longjmp(*a->jmp, 1);
	fz_die("arena %s: unexpected core error %d: %s", a->name, (int) code, msg);
}

/* Free everything the arena holds, as a memory context reset would. */
FZ_FN void
fz_reset(FzArena *a)
{
	for (size_t k = 0; k < a->nslots; k++)
		if (a->keys[k])
		{
			free(a->keys[k]);
			a->keys[k] = NULL;
		}
	a->n = 0;
	a->live_bytes = 0;
	a->err = 0;
	a->errmsg = NULL;
	a->jmp = NULL;
}

/* Reset and release the arena's own tables. */
FZ_FN void
fz_destroy(FzArena *a)
{
	fz_reset(a);
	free(a->keys);
	free(a->sizes);
	a->keys = NULL;
	a->sizes = NULL;
	a->nslots = 0;
}

FZ_FN DpMem
fz_mem(FzArena *a)
{
	DpMem		m = {fz_alloc, fz_realloc, fz_free, fz_fail, NULL, a};

	return m;
}

/* ------------------------------------------------------- helpers */

/*
 * A valid UTF-8 copy of arbitrary bytes, as PostgreSQL would only ever hand
 * the core: every invalid byte and NUL becomes U+FFFD.  The copy is exactly
 * n bytes long (not NUL-terminated) so AddressSanitizer sees any over-read.
 */
FZ_FN char *
fz_repair_utf8(const uint8_t *data, size_t size, size_t *outlen)
{
	char	   *out = malloc(size * 3 + 1);
	size_t		o = 0;
	size_t		i = 0;
	char	   *exact;

	if (!out)
		fz_die("out of memory");
	while (i < size)
	{
		int32_t		cp;
		int			l;

		if (data[i] == 0)
			l = -1;
		else
			l = dp_utf8_decode(data + i, size - i, &cp);
		if (l < 0)
		{
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(out + o, data + i, (size_t) l);
		o += (size_t) l;
		i += (size_t) l;
	}
	exact = malloc(o ? o : 1);
	if (!exact)
		fz_die("out of memory");
	memcpy(exact, out, o);
	free(out);
	*outlen = o;
	return exact;
}

/* Print a byte range as a C string literal (for invariant messages). */
FZ_FN void
fz_print_literal(FILE *f, const char *s, size_t n, size_t max)
{
	fputc('"', f);
	for (size_t i = 0; i < n && i < max; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, f);
		else
			fprintf(f, "\\x%02X\"\"", c);
	}
	fputc('"', f);
	if (n > max)
		fprintf(f, "...(%zu bytes)", n);
}

#endif
