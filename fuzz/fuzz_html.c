/*
 * fuzz_html.c
 *	  libFuzzer harness for dp_strip_html, the plain text of an HTML page.
 *
 * The input, made valid UTF-8 first as PostgreSQL guarantees (invalid bytes
 * and NUL become U+FFFD), is stripped.  The output must be valid UTF-8,
 * terminated, and never longer than the input (which bounds what the
 * reference decoder may write); text with no '<' and no '&' must come back
 * byte for byte; otherwise white space must be collapsed and trimmed: no
 * tab, carriage return, form feed or vertical tab, no two spaces in a row,
 * no space next to a line break, at most two line breaks in a row, none at
 * either end.  Stripping again after text already in the buffer must append
 * exactly the same bytes.
 */
#include "fuzz_common.h"

#include "dp_html.h"
#include "dp_text.h"

static FzArena arena = {.name = "document"};

static void
html_die(const char *what, const char *in, size_t n, const char *out, size_t len)
{
	fprintf(stderr, "\n==FUZZ INVARIANT== %s\n  input:  ", what);
	fz_print_literal(stderr, in, n, 300);
	fprintf(stderr, "\n  output: ");
	fz_print_literal(stderr, out, len, 300);
	fprintf(stderr, "\n");
	abort();
}

/* White space in the output of a page with markup. */
static void
check_spacing(const char *in, size_t n, const char *s, size_t len)
{
	size_t		run = 0;		/* line breaks in a row */

	if (len == 0)
		return;
	if (s[0] == ' ' || s[0] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\n')
		html_die("leading or trailing white space", in, n, s, len);
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '\t' || c == '\r' || c == '\f' || c == '\v')
			html_die("a tab, carriage return, form feed or vertical tab is left", in, n, s, len);
		if (c == ' ' && (s[i + 1] == ' ' || s[i + 1] == '\n'))
			html_die("two spaces, or a space before a line break", in, n, s, len);
		if (c == '\n' && s[i + 1] == ' ')
			html_die("a space after a line break", in, n, s, len);
		run = c == '\n' ? run + 1 : 0;
		if (run > 2)
			html_die("more than two line breaks in a row", in, n, s, len);
	}
}

/* Strip the valid UTF-8 html[0..n) twice and check both outputs. */
static void
check_strip(const char *html, size_t n)
{
	DpMem		m = fz_mem(&arena);
	DpBuf		out = {0};
	DpBuf		again = {0};
	bool		markup = memchr(html, '<', n) != NULL || memchr(html, '&', n) != NULL;

	dp_strip_html(&m, html, n, &out);
	if (out.data == NULL)
		FZ_CHECK(out.len == 0, "no buffer but %zu bytes", out.len);
	else
	{
		FZ_CHECK(out.len < out.cap && out.data[out.len] == '\0', "output not terminated");
		if (dp_utf8_validate(out.data, out.len) != -1)
			html_die("invalid UTF-8 output", html, n, out.data, out.len);
	}
	if (out.len > n)
		html_die("output longer than the input", html, n, out.data, out.len);
	if (!markup && (out.len != n || (n > 0 && memcmp(out.data, html, n) != 0)))
		html_die("text without markup changed", html, n, out.data, out.len);
	if (markup)
		check_spacing(html, n, out.data, out.len);

	/* after text of someone else's: the same bytes, appended */
	dp_buf_append(&m, &again, "x\n", 2);
	dp_strip_html(&m, html, n, &again);
	if (again.len != out.len + 2 || memcmp(again.data + 2, out.data ? out.data : "", out.len) != 0)
		html_die("stripping after text in the buffer gives other bytes", html, n, again.data, again.len);
	fz_reset(&arena);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n;
	char	   *html = fz_repair_utf8(data, size, &n);

	FZ_CHECK(dp_utf8_validate(html, n) == -1, "repaired text is not valid UTF-8");
	check_strip(html, n);
	free(html);
	return 0;
}
