/*
 * dp_text.c
 *	  UTF-8 decoding, character classes, NFC normalisation and matching keys.
 *
 * Normalisation goes through utf8proc, always into buffers this module
 * allocates with the owner's allocator, so an error raised by the owner
 * (ereport) never leaks a malloc'd utf8proc result.  Long inputs are
 * normalised in chunks cut just before an ASCII character: ASCII characters
 * are starters that never compose with what precedes them, so NFC of the
 * concatenation equals the concatenation of the NFCs.
 */
#include "dp_text.h"

#include <string.h>
#include <utf8proc.h>

#define DP_NORM_CHUNK 16384

int
dp_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char c = s[0];
	int32_t		v;
	int			len;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return -1;
	if (c < 0xE0)
	{
		len = 2;
		v = c & 0x1F;
	}
	else if (c < 0xF0)
	{
		len = 3;
		v = c & 0x0F;
	}
	else if (c < 0xF5)
	{
		len = 4;
		v = c & 0x07;
	}
	else
		return -1;
	if ((size_t) len > n)
		return -1;
	for (int i = 1; i < len; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and out-of-range values */
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
		(v >= 0xD800 && v <= 0xDFFF))
		return -1;
	*cp = v;
	return len;
}

int
dp_utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = 0xC0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = 0xE0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3F);
		o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F);
	o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

long
dp_utf8_validate(const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		int32_t		cp;
		int			l;

		if ((unsigned char) s[i] < 0x80)
		{
			if (s[i] == '\0')
				return (long) i;
			i++;
			continue;
		}
		l = dp_utf8_decode((const unsigned char *) s + i, n - i, &cp);
		if (l < 0)
			return (long) i;
		i += l;
	}
	return -1;
}

size_t
dp_utf8_count(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

const DpChar dp_ascii_class[128] = {
	[0 ... 8] = DP_C_CONTROL,
	['\t'] = DP_C_SPACE,
	['\n'] = DP_C_NEWLINE,
	['\v'] = DP_C_NEWLINE,
	['\f'] = DP_C_NEWLINE,
	['\r'] = DP_C_NEWLINE,
	[14 ... 31] = DP_C_CONTROL,
	[' '] = DP_C_SPACE,
	['!' ... '&'] = DP_C_PUNCT,
	['\''] = DP_C_APOS,
	['(' ... ','] = DP_C_PUNCT,
	['-'] = DP_C_HYPHEN,
	['.' ... '/'] = DP_C_PUNCT,
	['0' ... '9'] = DP_C_DIGIT,
	[':' ... '@'] = DP_C_PUNCT,
	['A' ... 'Z'] = DP_C_UPPER,
	['[' ... '`'] = DP_C_PUNCT,
	['a' ... 'z'] = DP_C_LOWER,
	['{' ... '~'] = DP_C_PUNCT,
	[127] = DP_C_CONTROL,
};

DpChar
dp_char_class(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return dp_ascii_class[cp];
	switch (cp)
	{
		case 0x2019:			/* ’ */
		case 0x2018:			/* ‘ */
		case 0x02BC:			/* ʼ */
		case 0x2032:			/* ′ */
			return DP_C_APOS;
		case 0x2010:
		case 0x2011:
			return DP_C_HYPHEN;
		case 0x2013:
		case 0x2014:
		case 0x2212:
			return DP_C_DASH;
		case 0x00AD:			/* soft hyphen */
		case 0x200B:			/* zero-width space */
		case 0x2060:			/* word joiner */
		case 0xFEFF:			/* BOM / ZWNBSP */
			return DP_C_IGNORE;
		case 0x0085:
		case 0x2028:
		case 0x2029:
			return DP_C_NEWLINE;
		default:
			break;
	}
	switch (utf8proc_category(cp))
	{
		case UTF8PROC_CATEGORY_LU:
		case UTF8PROC_CATEGORY_LT:
			return DP_C_UPPER;
		case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LM:
		case UTF8PROC_CATEGORY_LO:
			return DP_C_LOWER;
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC:
		case UTF8PROC_CATEGORY_ME:
			return DP_C_MARK;
		case UTF8PROC_CATEGORY_ND:
			return DP_C_DIGIT;
		case UTF8PROC_CATEGORY_ZS:
			return DP_C_SPACE;
		case UTF8PROC_CATEGORY_ZL:
		case UTF8PROC_CATEGORY_ZP:
			return DP_C_NEWLINE;
		case UTF8PROC_CATEGORY_CC:
			return DP_C_CONTROL;
		case UTF8PROC_CATEGORY_PC:
		case UTF8PROC_CATEGORY_PD:
		case UTF8PROC_CATEGORY_PS:
		case UTF8PROC_CATEGORY_PE:
		case UTF8PROC_CATEGORY_PI:
		case UTF8PROC_CATEGORY_PF:
		case UTF8PROC_CATEGORY_PO:
			return DP_C_PUNCT;
		default:
			return DP_C_OTHER;
	}
}

int32_t
dp_char_fold_punct(int32_t cp)
{
	switch (dp_char_class(cp))
	{
		case DP_C_APOS:
			return '\'';
		case DP_C_SPACE:
			return ' ';
		case DP_C_IGNORE:
			return -1;
		default:
			return cp == 0x2011 ? '-' : cp;
	}
}

/*
 * Can a chunk start at code point cp, i.e. does NFC never join it to what
 * comes before?  A starter that is no mark, no ignorable character (dropped,
 * it would let a mark reach the previous base) and no Hangul vowel or final
 * consonant jamo (which compose with the syllable before).
 */
static bool
norm_safe_start(int32_t cp)
{
	DpChar		c = dp_char_class(cp);

	if (cp < 0x80)
		return true;
	if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
		return false;
	if (c == DP_C_MARK || c == DP_C_IGNORE)
		return false;
	return utf8proc_get_property(cp)->combining_class == 0;
}

/*
 * Find where to cut [s, s+n) at most max bytes in: before an ASCII byte if
 * one is near, else before a code point that starts a chunk safely.
 */
static size_t
norm_chunk_end(const char *s, size_t n, size_t max)
{
	size_t		i;

	if (n <= max)
		return n;
	for (i = max; i > max / 2; i--)
		if ((unsigned char) s[i] < 0x80)
			return i;
	for (i = max; i > 0; i--)
	{
		int32_t		cp;

		if (((unsigned char) s[i] & 0xC0) == 0x80)
			continue;
		if (dp_utf8_decode((const unsigned char *) s + i, n - i, &cp) > 0 && norm_safe_start(cp))
			return i;
	}
	/* a run of marks longer than max/2 bytes: any code point boundary */
	for (i = max; i > 0; i--)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			return i;
	return n;
}

/*
 * Zero-width characters and soft hyphens go before composition, so that
 * e + U+200B + U+0301 becomes é like e + U+0301.  Returns a copy without
 * them (and sets *n), or NULL when there are none.  An invalid sequence
 * ends the scan; utf8proc reports it.
 */
static char *
drop_ignorables(DpMem *m, const char *s, size_t *n)
{
	char	   *kept = NULL;
	size_t		k = 0;
	size_t		i = 0;

	while (i < *n)
	{
		int32_t		cp;
		int			l = dp_utf8_decode((const unsigned char *) s + i, *n - i, &cp);

		if (l <= 0)
			break;
		if (dp_char_class(cp) == DP_C_IGNORE)
		{
			if (!kept)
			{
				kept = dp_alloc(m, *n + 1);
				memcpy(kept, s, i);
				k = i;
			}
		}
		else if (kept)
		{
			memcpy(kept + k, s + i, (size_t) l);
			k += (size_t) l;
		}
		i += (size_t) l;
	}
	if (!kept)
		return NULL;
	memcpy(kept + k, s + i, *n - i);	/* the rest after an invalid sequence */
	*n = k + (*n - i);
	return kept;
}

/*
 * Run utf8proc over one chunk with the given options, then apply the
 * per-code-point folding and append to out.
 */
static void
norm_chunk(DpMem *m, const char *s, size_t n, int options, bool key, DpBuf *out)
{
	utf8proc_ssize_t need;
	utf8proc_int32_t *buf;
	utf8proc_ssize_t len;
	char	   *kept = drop_ignorables(m, s, &n);

	if (kept)
		s = kept;
	need = utf8proc_decompose((const utf8proc_uint8_t *) s, (utf8proc_ssize_t) n,
							  NULL, 0, options);
	if (need < 0)
		dp_fail(m, DP_ERR_BAD_UTF8, "invalid byte sequence for encoding \"UTF8\"");
	buf = dp_alloc(m, dp_mul_size(m, (size_t) need + 1, sizeof(utf8proc_int32_t)));
	len = utf8proc_decompose((const utf8proc_uint8_t *) s, (utf8proc_ssize_t) n,
							 buf, need, options);
	if (len < 0)
		dp_fail(m, DP_ERR_BAD_UTF8, "invalid byte sequence for encoding \"UTF8\"");
	len = utf8proc_normalize_utf32(buf, len, options);
	if (len < 0)
		dp_fail(m, DP_ERR_INTERNAL, "unicode normalisation failed");
	dp_buf_reserve(m, out, (size_t) len * 4);
	for (utf8proc_ssize_t i = 0; i < len; i++)
	{
		int32_t		cp = dp_char_fold_punct(buf[i]);

		if (cp < 0)
			continue;
		if (key && dp_char_class(cp) == DP_C_DASH)
			cp = '-';
		if (key && cp == 0x2010)
			cp = '-';
		out->len += dp_utf8_encode(cp, out->data + out->len);
	}
	out->data[out->len] = '\0';
	dp_free(m, buf);
	if (kept)
		dp_free(m, kept);
}

static void
norm_run(DpMem *m, const char *s, size_t n, bool key, DpBuf *out)
{
	int			options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	size_t		pos = 0;

	if (key)
		options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
	while (pos < n)
	{
		size_t		end = pos + norm_chunk_end(s + pos, n - pos, DP_NORM_CHUNK);
		bool		ascii = true;

		/*
		 * ASCII is already NFC, and so is text of ASCII and the Latin-1
		 * letters U+00C0..U+00FF (C3 80..BF: starters that compose with no
		 * character before them and fold to themselves; a combining mark
		 * after one is not C3, and sends the chunk to utf8proc).  Keys are
		 * also case folded and stripped of marks: for them ASCII only.
		 */
		for (size_t i = pos; i < end && ascii; i++)
		{
			unsigned char c = (unsigned char) s[i];

			if (c < 0x80)
				continue;
			if (!key && c == 0xC3 && i + 1 < end &&
				(unsigned char) s[i + 1] >= 0x80 && (unsigned char) s[i + 1] <= 0xBF)
				i++;
			else
				ascii = false;
		}
		if (ascii)
		{
			/* fast path: copied as it is, but for the folds below */
			dp_buf_reserve(m, out, end - pos);
			for (size_t i = pos; i < end; i++)
			{
				char		c = s[i];

				if (key && c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				else if (c == '\t')
					c = ' ';
				out->data[out->len++] = c;
			}
			out->data[out->len] = '\0';
		}
		else
			norm_chunk(m, s + pos, end - pos, options, key, out);
		pos = end;
		dp_interrupt(m);
	}
}

void
dp_normalize(DpMem *m, const char *s, size_t n, DpBuf *out)
{
	norm_run(m, s, n, false, out);
}

void
dp_fold_key(DpMem *m, const char *s, size_t n, DpBuf *out)
{
	norm_run(m, s, n, true, out);
}
