/*
 * unit.c
 *	  TAP output and malloc-based DpMem hooks for the C unit tests.
 */
#include "unit.h"

#include <stdarg.h>

int			unit_planned,
			unit_run,
			unit_failed;
jmp_buf    *unit_jmp;
DpErr		unit_last_err;

/*
 * Every block carries a header linking it into one list, so that
 * unit_reset() frees what the core left allocated (as a memory context
 * reset does in the server) and LeakSanitizer reports only real leaks.
 */
typedef struct Hdr
{
	struct Hdr *prev;
	struct Hdr *next;
	size_t		size;
	size_t		pad;
} Hdr;

static Hdr	head = {&head, &head, 0, 0};

static void *
u_alloc(void *ctx, size_t n)
{
	Hdr		   *h = malloc(sizeof(Hdr) + n);

	(void) ctx;
	if (!h)
		abort();
	h->size = n;
	h->next = head.next;
	h->prev = &head;
	head.next->prev = h;
	head.next = h;
	return h + 1;
}

static void
u_free(void *ctx, void *p)
{
	Hdr		   *h = (Hdr *) p - 1;

	(void) ctx;
	h->prev->next = h->next;
	h->next->prev = h->prev;
	free(h);
}

static void *
u_realloc(void *ctx, void *p, size_t n)
{
	void	   *q = u_alloc(ctx, n);
	Hdr		   *h = (Hdr *) p - 1;

	memcpy(q, p, h->size < n ? h->size : n);
	u_free(ctx, p);
	return q;
}

void
unit_reset(void)
{
	while (head.next != &head)
		u_free(NULL, head.next + 1);
}

static void
u_fail(void *ctx, DpErr code, const char *msg)
{
	(void) ctx;
	unit_last_err = code;
	if (unit_jmp)
		longjmp(*unit_jmp, 1);
	fprintf(stderr, "unexpected core error %d: %s\n", code, msg);
	abort();
}

DpMem		unit_mem = {u_alloc, u_realloc, u_free, u_fail, NULL, NULL};

static void
vreport(int ok, const char *file, int line, const char *fmt, va_list ap)
{
	unit_run++;
	if (!ok)
		unit_failed++;
	printf("%s %d - ", ok ? "ok" : "not ok", unit_run);
	vprintf(fmt, ap);
	printf("\n");
	if (!ok)
		printf("#   at %s line %d\n", file, line);
}

void
unit_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	vreport(cond, file, line, fmt, ap);
	va_end(ap);
}

void
unit_is_str(const char *got, const char *want, const char *file, int line, const char *fmt, ...)
{
	va_list		ap;
	int			ok = (got && want) ? strcmp(got, want) == 0 : got == want;

	va_start(ap, fmt);
	vreport(ok, file, line, fmt, ap);
	va_end(ap);
	if (!ok)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
}

void
unit_is_int(long got, long want, const char *file, int line, const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	vreport(got == want, file, line, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got:  %ld\n#   want: %ld\n", got, want);
}

DpErr
unit_catch(void (*fn) (void *), void *arg)
{
	jmp_buf		jb;
	jmp_buf    *save = unit_jmp;

	unit_last_err = 0;
	unit_jmp = &jb;
	if (setjmp(jb) == 0)
		fn(arg);
	unit_jmp = save;
	return unit_last_err;
}
