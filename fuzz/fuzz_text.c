/*
 * fuzz_text.c
 *	  libFuzzer harness for the text layer: UTF-8 decoding, normalisation,
 *	  matching keys, the lexer, the sentence splitter and dp_count.
 *
 * The input is raw bytes.  Valid UTF-8 (what PostgreSQL hands the core)
 * goes through dp_normalize and dp_fold_key, whose output is checked and
 * compared with utf8proc's own NFC; invalid input may only make them fail
 * cleanly with DP_ERR_BAD_UTF8.  The lexer and the splitter run on the raw
 * bytes either way: they must never read out of bounds, and their tokens
 * must be ordered, non-overlapping, inside the text, with code point
 * offsets that agree with dp_utf8_count.
 */
#include "fuzz_common.h"

#include "dp_text.h"
#include "dp_token.h"

#include <utf8proc.h>

static FzArena arena = {.name = "input"};

/* ---------------------------------------------------------- UTF-8 */

/* dp_utf8_validate, dp_utf8_decode and dp_utf8_encode against utf8proc. */
static void
check_utf8(const char *s, size_t n, long bad)
{
	size_t		i = 0;
	size_t		ncp = 0;

	FZ_CHECK(bad == -1 || (bad >= 0 && (size_t) bad < n),
			 "dp_utf8_validate returned %ld for %zu bytes", bad, n);
	while (i < n)
	{
		int32_t		cp = -2;
		utf8proc_int32_t rcp = -2;
		int			l;
		utf8proc_ssize_t rl;
		char		enc[4];

		if (s[i] == '\0')
		{
			FZ_CHECK(bad == (long) i, "NUL at %zu but dp_utf8_validate says %ld", i, bad);
			return;
		}
		l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);
		rl = utf8proc_iterate((const utf8proc_uint8_t *) s + i, (utf8proc_ssize_t) (n - i), &rcp);
		if (rl < 0)
		{
			FZ_CHECK(l < 0, "dp_utf8_decode accepts at byte %zu (U+%04X, %d bytes) what utf8proc rejects",
					 i, (unsigned) cp, l);
			FZ_CHECK(bad == (long) i, "first invalid byte at %zu but dp_utf8_validate says %ld", i, bad);
			return;
		}
		FZ_CHECK(l == (int) rl && cp == rcp,
				 "dp_utf8_decode at byte %zu: %d bytes U+%04X, utf8proc: %d bytes U+%04X",
				 i, l, (unsigned) cp, (int) rl, (unsigned) rcp);
		FZ_CHECK(dp_utf8_encode(cp, enc) == l && memcmp(enc, s + i, (size_t) l) == 0,
				 "dp_utf8_encode(U+%04X) does not give back its bytes", (unsigned) cp);
		FZ_CHECK(dp_char_class(cp) <= DP_C_PUNCT, "dp_char_class(U+%04X) out of range", (unsigned) cp);
		i += (size_t) l;
		ncp++;
	}
	FZ_CHECK(bad == -1, "valid UTF-8 but dp_utf8_validate says %ld", bad);
	FZ_CHECK(dp_utf8_count(s, n) == ncp, "dp_utf8_count %zu, decoded %zu code points",
			 dp_utf8_count(s, n), ncp);
}

/* ------------------------------------------------------ lexer */

typedef struct TokVec
{
	DpToken    *t;
	size_t		n;
	size_t		cap;
} TokVec;

static bool
is_skippable(DpChar c)
{
	return c == DP_C_SPACE || c == DP_C_NEWLINE || c == DP_C_CONTROL || c == DP_C_IGNORE;
}

static void
tok_die(const char *s, size_t n, const DpToken *t, const char *what)
{
	fprintf(stderr, "\n==FUZZ INVARIANT== token %s: off=%u len=%u coff=%u clen=%u cls=%u flags=0x%x text=",
			what, t->off, t->len, t->coff, t->clen, t->cls, t->flags);
	if ((size_t) t->off <= n)
		fz_print_literal(stderr, s + t->off, n - t->off < t->len ? n - t->off : t->len, 80);
	fprintf(stderr, "\n");
	abort();
}

/*
 * Lex the whole buffer, checking every token; returns them in tv.  The
 * code point offsets are checked incrementally to stay linear.
 */
static void
check_lexer(const char *s, size_t n, bool valid, TokVec *tv)
{
	DpLexer		lx;
	DpToken		t;
	size_t		prev_end = 0;
	size_t		cpos = 0;		/* dp_utf8_count(s, prev_end) */

	dp_lexer_init(&lx, s, n);
	while (dp_lexer_next(&lx, &t))
	{
		size_t		end = (size_t) t.off + t.len;
		size_t		gap_cp;
		bool		nonascii = false;

		if (t.len == 0)
			tok_die(s, n, &t, "is empty");
		if (t.off < prev_end)
			tok_die(s, n, &t, "overlaps the previous one or goes backwards");
		if (end > n)
			tok_die(s, n, &t, "ends past the text");
		if (t.cls >= DP_TOK__COUNT)
			tok_die(s, n, &t, "has an invalid class");
		gap_cp = dp_utf8_count(s + prev_end, t.off - prev_end);
		if (t.coff != cpos + gap_cp)
			tok_die(s, n, &t, "code point offset disagrees with dp_utf8_count");
		if (t.clen != dp_utf8_count(s + t.off, t.len))
			tok_die(s, n, &t, "code point length disagrees with dp_utf8_count");
		if (((t.flags & DP_TF_SPACE) != 0) != (t.off > prev_end))
			tok_die(s, n, &t, "DP_TF_SPACE does not match the skipped bytes");
		for (size_t i = t.off; i < end; i++)
			if ((unsigned char) s[i] >= 0x80)
				nonascii = true;
		if (((t.flags & DP_TF_NONASCII) != 0) != nonascii)
			tok_die(s, n, &t, "DP_TF_NONASCII is wrong");
		if (valid)
		{
			int32_t		cp;
			int			l;

			if (((unsigned char) s[t.off] & 0xC0) == 0x80 ||
				(end < n && ((unsigned char) s[end] & 0xC0) == 0x80))
				tok_die(s, n, &t, "cuts a code point");
			if (t.clen == 0)
				tok_die(s, n, &t, "has no code point");
			/* only white space, controls and zero-width characters are skipped */
			for (size_t i = prev_end; i < t.off; i += (size_t) l)
			{
				l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);
				FZ_CHECK(l > 0, "bad UTF-8 in valid text");
				if (!is_skippable(dp_char_class(cp)))
				{
					fprintf(stderr, "\n==FUZZ INVARIANT== U+%04X at byte %zu dropped between tokens\n",
							(unsigned) cp, i);
					tok_die(s, n, &t, "follows a gap that loses text");
				}
			}
			l = dp_utf8_decode((const unsigned char *) s + t.off, n - t.off, &cp);
			if (l <= 0 || is_skippable(dp_char_class(cp)))
				tok_die(s, n, &t, "starts with white space or a control");
		}
		cpos += gap_cp + t.clen;
		prev_end = end;
		if (tv->n == tv->cap)
		{
			tv->cap = tv->cap ? tv->cap * 2 : 256;
			tv->t = realloc(tv->t, tv->cap * sizeof(DpToken));
			FZ_CHECK(tv->t != NULL, "out of memory");
		}
		tv->t[tv->n++] = t;
		FZ_CHECK(tv->n <= n, "more tokens (%zu) than bytes (%zu)", tv->n, n);
	}
	FZ_CHECK(lx.pos == n, "lexer stopped at byte %zu of %zu", lx.pos, n);
	FZ_CHECK(lx.cpos == dp_utf8_count(s, n), "lexer ended at code point %zu, text has %zu",
			 lx.cpos, dp_utf8_count(s, n));
	if (valid)
	{
		for (size_t i = prev_end; i < n;)
		{
			int32_t		cp;
			int			l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);

			FZ_CHECK(l > 0, "bad UTF-8 in valid text");
			FZ_CHECK(is_skippable(dp_char_class(cp)), "trailing U+%04X at byte %zu never tokenized",
					 (unsigned) cp, i);
			i += (size_t) l;
		}
	}
	FZ_CHECK(!dp_lexer_next(&lx, &t), "lexer yields a token after the end");
}

/* The splitter must give the lexer's tokens, cut into numbered sentences. */
static void
check_splitter(DpMem *m, const char *s, size_t n, const TokVec *tv)
{
	DpSplitter	sp;
	DpSentence	sent = {0};
	size_t		k = 0;
	uint32_t	number = 0;
	size_t		ntok,
				nsent;

	dp_splitter_init(&sp, m, s, n);
	while (dp_splitter_next(&sp, &sent))
	{
		number++;
		FZ_CHECK(sent.number == number, "sentence %u numbered %u", number, sent.number);
		FZ_CHECK(sent.ntok >= 1 && sent.ntok <= DP_MAX_SENTENCE_TOKENS,
				 "sentence %u has %zu tokens", number, sent.ntok);
		for (size_t i = 0; i < sent.ntok; i++, k++)
		{
			const DpToken *a = &sent.tok[i];
			const DpToken *b;

			FZ_CHECK(k < tv->n, "splitter yields more tokens than the lexer (%zu)", tv->n);
			b = &tv->t[k];
			FZ_CHECK(a->sentence == number, "token %zu of sentence %u says sentence %u", i, number,
					 a->sentence);
			if (a->off != b->off || a->len != b->len || a->coff != b->coff || a->clen != b->clen ||
				a->cls != b->cls || a->flags != b->flags)
				tok_die(s, n, a, "from the splitter differs from the lexer's");
		}
	}
	FZ_CHECK(k == tv->n, "splitter yields %zu tokens, the lexer %zu", k, tv->n);
	FZ_CHECK(!dp_splitter_next(&sp, &sent), "splitter yields a sentence after the end");
	dp_free(m, sent.tok);
	dp_count(m, s, n, &ntok, &nsent);
	FZ_CHECK(ntok == tv->n && nsent == number, "dp_count says %zu tokens %zu sentences, splitter %zu %u",
			 ntok, nsent, tv->n, number);
}

/* ------------------------------------------------- normalisation */

/*
 * Longest run, in bytes, of code points NFC may join to what precedes them
 * (marks, zero-width characters, Hangul vowel and final jamo, non-zero
 * combining class): only inside such a run may the core cut a chunk blindly.
 */
static size_t
longest_joining_run(const char *s, size_t n)
{
	size_t		best = 0,
				run = 0;

	for (size_t i = 0; i < n;)
	{
		int32_t		cp;
		int			l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);
		bool		joins;

		if (l <= 0)
			return n;
		joins = cp >= 0x80 &&
			(dp_char_class(cp) == DP_C_MARK || dp_char_class(cp) == DP_C_IGNORE ||
			 (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF) ||
			 utf8proc_get_property(cp)->combining_class != 0);
		run = joins ? run + (size_t) l : 0;
		if (run > best)
			best = run;
		i += (size_t) l;
	}
	return best;
}

/* utf8proc's whole-buffer NFC (or casefolded key), then the core's folding. */
static char *
reference_norm(const char *s, size_t n, bool key, size_t *outlen)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t len;
	int			options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	char	   *out;
	size_t		o = 0;

	char	   *kept;
	size_t		k = 0;

	if (key)
		options |= UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
	/* zero-width characters and soft hyphens are dropped before NFC */
	kept = malloc(n + 1);
	FZ_CHECK(kept != NULL, "out of memory");
	for (size_t i = 0; i < n;)
	{
		int32_t		cp;
		int			l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);

		FZ_CHECK(l > 0, "reference_norm on invalid UTF-8");
		if (dp_char_class(cp) != DP_C_IGNORE)
		{
			memcpy(kept + k, s + i, (size_t) l);
			k += (size_t) l;
		}
		i += (size_t) l;
	}
	len = utf8proc_map((const utf8proc_uint8_t *) kept, (utf8proc_ssize_t) k, &nfc, options);
	free(kept);
	FZ_CHECK(len >= 0, "utf8proc_map failed on valid UTF-8: %s", utf8proc_errmsg(len));
	out = malloc((size_t) len * 4 + 1);
	FZ_CHECK(out != NULL, "out of memory");
	for (utf8proc_ssize_t i = 0; i < len;)
	{
		int32_t		cp;
		int			l = dp_utf8_decode(nfc + i, (size_t) (len - i), &cp);

		FZ_CHECK(l > 0, "utf8proc produced invalid UTF-8");
		i += l;
		cp = dp_char_fold_punct(cp);
		if (cp < 0)
			continue;
		if (key && (dp_char_class(cp) == DP_C_DASH || cp == 0x2010))
			cp = '-';
		o += (size_t) dp_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	free(nfc);
	*outlen = o;
	return out;
}

static void
norm_die(const char *what, const char *in, size_t n, const DpBuf *got, const char *want, size_t wantlen)
{
	fprintf(stderr, "\n==FUZZ INVARIANT== %s\n  input: ", what);
	fz_print_literal(stderr, in, n, 200);
	fprintf(stderr, "\n  got:   ");
	fz_print_literal(stderr, got->data ? got->data : "", got->len, 200);
	if (want)
	{
		fprintf(stderr, "\n  want:  ");
		fz_print_literal(stderr, want, wantlen, 200);
	}
	fprintf(stderr, "\n");
	abort();
}

static void
check_norm(DpMem *m, const char *s, size_t n, bool key)
{
	DpBuf		out = {0};
	const char *fn = key ? "dp_fold_key" : "dp_normalize";
	char	   *want;
	size_t		wantlen;
	char		msg[160];

	if (key)
		dp_fold_key(m, s, n, &out);
	else
		dp_normalize(m, s, n, &out);
	if (n > 0 && out.data == NULL)
		norm_die("no output buffer", s, n, &out, NULL, 0);
	if (out.data == NULL)
		return;
	FZ_CHECK(out.len < out.cap && out.data[out.len] == '\0', "%s: output not terminated", fn);
	if (dp_utf8_validate(out.data, out.len) != -1)
	{
		snprintf(msg, sizeof(msg), "%s: invalid UTF-8 output", fn);
		norm_die(msg, s, n, &out, NULL, 0);
	}
	for (size_t i = 0; i < out.len;)
	{
		int32_t		cp;
		int			l = dp_utf8_decode((const unsigned char *) out.data + i, out.len - i, &cp);
		DpChar		c = dp_char_class(cp);
		const char *why = NULL;

		if (c == DP_C_IGNORE)
			why = "a zero-width character or soft hyphen";
		else if (c == DP_C_APOS && cp != '\'')
			why = "a typographic apostrophe";
		else if (c == DP_C_SPACE && cp != ' ')
			why = "a space other than U+0020";
		else if (cp == 0x2011)
			why = "U+2011";
		else if (key && (c == DP_C_DASH || cp == 0x2010))
			why = "a dash other than '-'";
		else if (key && cp >= 'A' && cp <= 'Z')
			why = "an ASCII capital";
		else if (key && c == DP_C_MARK)
			why = "a combining mark";
		if (why)
		{
			snprintf(msg, sizeof(msg), "%s: output keeps %s (U+%04X at byte %zu)", fn, why,
					 (unsigned) cp, i);
			norm_die(msg, s, n, &out, NULL, 0);
		}
		i += (size_t) l;
	}
	/* the chunked normalisation must equal utf8proc over the whole buffer,
	 * except where the core admits a blind cut (a run of joining code points
	 * longer than half a chunk) */
	want = reference_norm(s, n, key, &wantlen);
	if ((wantlen != out.len || memcmp(want, out.data, wantlen) != 0) &&
		longest_joining_run(s, n) < 8192)
	{
		snprintf(msg, sizeof(msg), "%s differs from utf8proc NFC + folding", fn);
		norm_die(msg, s, n, &out, want, wantlen);
	}
	free(want);
}

/* On invalid UTF-8 the normalisers may only fail with DP_ERR_BAD_UTF8. */
static void
check_norm_invalid(const char *s, size_t n, bool key)
{
	jmp_buf		jb;
	DpMem		m = fz_mem(&arena);
	DpBuf		out = {0};

	arena.jmp = &jb;
	if (setjmp(jb) == 0)
	{
		if (key)
			dp_fold_key(&m, s, n, &out);
		else
			dp_normalize(&m, s, n, &out);
	}
	else
		FZ_CHECK(arena.err == DP_ERR_BAD_UTF8, "%s on invalid UTF-8 failed with error %d: %s",
				 key ? "dp_fold_key" : "dp_normalize", (int) arena.err, arena.errmsg);
	fz_reset(&arena);
}


/* The lexer's fast path must give exactly the general scanner's tokens. */
static void
check_fast_path(const char *s, size_t n, const TokVec *tv)
{
	DpLexer		lx;
	DpToken		t;
	size_t		k = 0;

	dp_lexer_fast = false;
	dp_lexer_init(&lx, s, n);
	while (dp_lexer_next(&lx, &t))
	{
		if (k >= tv->n)
			tok_die(s, n, &t, "exists only without the lexer's fast path");
		if (memcmp(&t, &tv->t[k], sizeof(DpToken)) != 0)
			tok_die(s, n, &tv->t[k], "differs from the general scanner's token (fast path)");
		k++;
	}
	dp_lexer_fast = true;
	FZ_CHECK(k == tv->n, "the fast path gives %zu tokens, the general scanner %zu", tv->n, k);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	long		bad = dp_utf8_validate(s, size);
	bool		valid = bad < 0;
	DpMem		m = fz_mem(&arena);
	TokVec		tv = {0};

	check_utf8(s, size, bad);

	check_lexer(s, size, valid, &tv);
	check_fast_path(s, size, &tv);
	check_splitter(&m, s, size, &tv);
	free(tv.t);
	fz_reset(&arena);

	if (valid)
	{
		check_norm(&m, s, size, false);
		fz_reset(&arena);
		check_norm(&m, s, size, true);
		fz_reset(&arena);
	}
	else
	{
		check_norm_invalid(s, size, false);
		check_norm_invalid(s, size, true);
	}
	return 0;
}
