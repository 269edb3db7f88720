/*
 * dp_core.c
 *	  Checked allocation helpers over the owner's hooks.
 */
#include "dp_core.h"

#include <string.h>

void
dp_fail(DpMem *m, DpErr code, const char *msg)
{
	m->fail(m->ctx, code, msg);
	/* the hook must not return; be safe if it does */
	__builtin_trap();
}

void *
dp_alloc(DpMem *m, size_t size)
{
	if (size > DP_MAX_ALLOC)
		dp_fail(m, DP_ERR_TOO_BIG, "requested memory exceeds the 1 GB limit");
	return m->alloc(m->ctx, size ? size : 1);
}

/*
 * Zeroed memory.  A large block is zeroed a slice at a time with a cancel
 * check between slices: the maps of a 100 MB document take hundreds of MB,
 * and zeroing them (page faults included) in one memset kept a query cancel
 * waiting for 0.1-0.7 s.
 */
#define DP_ZERO_SLICE ((size_t) 1 << 22)

void *
dp_alloc0(DpMem *m, size_t size)
{
	char	   *p = dp_alloc(m, size);
	size_t		done = 0;

	while (size - done > DP_ZERO_SLICE)
	{
		memset(p + done, 0, DP_ZERO_SLICE);
		done += DP_ZERO_SLICE;
		dp_interrupt(m);
	}
	memset(p + done, 0, size - done);
	return p;
}

void *
dp_realloc(DpMem *m, void *ptr, size_t size)
{
	if (size > DP_MAX_ALLOC)
		dp_fail(m, DP_ERR_TOO_BIG, "requested memory exceeds the 1 GB limit");
	if (ptr == NULL)
		return dp_alloc(m, size);
	return m->realloc(m->ctx, ptr, size ? size : 1);
}

void
dp_free(DpMem *m, void *ptr)
{
	if (ptr)
		m->free(m->ctx, ptr);
}

char *
dp_strndup(DpMem *m, const char *s, size_t n)
{
	char	   *p = dp_alloc(m, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Multiply two sizes, failing cleanly instead of overflowing. */
size_t
dp_mul_size(DpMem *m, size_t a, size_t b)
{
	if (a != 0 && b > DP_MAX_ALLOC / a)
		dp_fail(m, DP_ERR_TOO_BIG, "requested memory exceeds the 1 GB limit");
	return a * b;
}

void
dp_buf_reserve(DpMem *m, DpBuf *b, size_t extra)
{
	size_t		need;
	size_t		cap;

	if (extra > DP_MAX_ALLOC - b->len - 1)
		dp_fail(m, DP_ERR_TOO_BIG, "text exceeds the 1 GB limit");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = (cap > DP_MAX_ALLOC / 2) ? DP_MAX_ALLOC : cap * 2;
	b->data = dp_realloc(m, b->data, cap);
	b->cap = cap;
}

void
dp_buf_append(DpMem *m, DpBuf *b, const char *s, size_t n)
{
	dp_buf_reserve(m, b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void *
dp_reserve_grow(DpMem *m, void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t		c = *cap ? *cap : first;

	if (need <= *cap)
		return p;
	while (c < need)
		c = dp_mul_size(m, c, 2);
	p = dp_realloc(m, p, dp_mul_size(m, c, elem));
	*cap = c;
	return p;
}
