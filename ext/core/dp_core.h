/*
 * dp_core.h
 *	  Memory and error hooks shared by the language core.
 *
 * The core (everything under ext/core) includes no PostgreSQL header: it is
 * unit-tested, fuzzed and benchmarked on its own.  Its owner supplies the
 * allocator and the error exit; inside the server these are palloc in a
 * chosen memory context and ereport(ERROR), in the tests malloc and abort.
 */
#ifndef DP_CORE_H
#define DP_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest single allocation the core asks for (PostgreSQL's MaxAllocSize). */
#define DP_MAX_ALLOC ((size_t) 0x3fffffff)

typedef enum DpErr
{
	DP_ERR_TOO_BIG = 1,			/* a size limit was exceeded */
	DP_ERR_BAD_UTF8,			/* invalid UTF-8 byte sequence */
	DP_ERR_BAD_DATA,			/* a dictionary row cannot be used */
	DP_ERR_INTERNAL
} DpErr;

typedef struct DpMem
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	/* must not return */
	void		(*fail) (void *ctx, DpErr code, const char *msg);
	/* called in long loops; may not return (query cancel) */
	void		(*interrupt) (void *ctx);
	void	   *ctx;
} DpMem;

extern void *dp_alloc(DpMem *m, size_t size);
extern void *dp_alloc0(DpMem *m, size_t size);
extern void *dp_realloc(DpMem *m, void *ptr, size_t size);
extern void dp_free(DpMem *m, void *ptr);
extern char *dp_strndup(DpMem *m, const char *s, size_t n);
extern void dp_fail(DpMem *m, DpErr code, const char *msg) __attribute__((noreturn));
extern size_t dp_mul_size(DpMem *m, size_t a, size_t b);

/* The array p of *cap elements of elem bytes, grown to hold need elements
 * (the capacity doubles, from first); returns the (maybe moved) array. */
extern void *dp_reserve_grow(DpMem *m, void *p, size_t *cap, size_t need, size_t elem, size_t first);

/*
 * Room for need elements of elem bytes at p (capacity *cap, first when
 * empty): p itself when it has it (inline: nearly every call), else
 * dp_reserve_grow()'s reallocation.
 */
static inline void *
dp_reserve(DpMem *m, void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
	if (need <= *cap)
		return p;
	return dp_reserve_grow(m, p, cap, need, elem, first);
}

static inline void
dp_interrupt(DpMem *m)
{
	if (m->interrupt)
		m->interrupt(m->ctx);
}

/* A growable byte buffer. */
typedef struct DpBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} DpBuf;

extern void dp_buf_reserve(DpMem *m, DpBuf *b, size_t extra);
extern void dp_buf_append(DpMem *m, DpBuf *b, const char *s, size_t n);

static inline void
dp_buf_putc(DpMem *m, DpBuf *b, char c)
{
	if (b->len + 1 >= b->cap)
		dp_buf_reserve(m, b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

/*
 * A fast 64-bit hash for short keys, used by every hash table of the core:
 * eight bytes at a time, multiply and fold.
 */
/* strcmp(a, b) == 0 for short strings, inline (no library call). */
static inline bool
dp_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
	{
		a++;
		b++;
	}
	return *a == *b;
}

static inline uint64_t
dp_hash_bytes(const char *s, size_t n, uint64_t seed)
{
	uint64_t	h = 0x9E3779B97F4A7C15ULL ^ (seed * 0xC2B2AE3D27D4EB4FULL) ^ n;

	while (n >= 8)
	{
		uint64_t	v;

		__builtin_memcpy(&v, s, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n > 0)
	{
		/*
		 * The 1..7 tail bytes without a loop: two overlapping 4-byte loads
		 * cover 4..7 bytes, three byte loads cover 1..3 (with n mixed in
		 * above, both are one-to-one for a given length).
		 */
		uint64_t	v;

		if (n >= 4)
		{
			uint32_t	lo,
						hi;

			__builtin_memcpy(&lo, s, 4);
			__builtin_memcpy(&hi, s + n - 4, 4);
			v = (uint64_t) lo | ((uint64_t) hi << 32);
		}
		else
			v = (uint64_t) (unsigned char) s[0] |
				((uint64_t) (unsigned char) s[n / 2] << 8) |
				((uint64_t) (unsigned char) s[n - 1] << 16);
		h = (h ^ v) * 0xC4CEB9FE1A85EC53ULL;
	}
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 32;
	return h;
}

#endif
