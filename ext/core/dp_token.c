/*
 * dp_token.c
 *	  French tokenizer and sentence splitter.
 *
 * French rules handled here: elisions are split off (l', jusqu'), hyphenated
 * compounds stay whole (cessez-le-feu, États-Unis) except an inverted
 * subject (a-t-il, dit-elle); numbers keep space or NBSP thousands
 * separators and decimal commas; ordinals (1er, XXIe), abbreviations and
 * initials (M., J.D.) keep their dot; URLs, e-mail addresses, @handles and
 * #hashtags stay whole.  Zero-width characters and soft hyphens inside a
 * word belong to the word, so a name split by one still matches.
 */
#include "dp_token.h"
#include "dp_text.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <utf8proc.h>

const char *const dp_tok_class_names[DP_TOK__COUNT] = {
	"word", "elision", "clitic", "acronym", "abbreviation", "initials",
	"number", "ordinal", "percent", "punct", "quote", "url", "email",
	"handle", "hashtag", "symbol"
};

/* Elided forms split before the apostrophe (lower case, ASCII). */
static const char *const elisions[] = {
	"l", "d", "qu", "n", "j", "s", "c", "m", "t",
	"jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "quelqu", NULL
};

/* Abbreviations that keep their dot (as written, case-sensitive). */
static const char *const abbrevs[] = {
	"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me", "Mgr",
	"St", "Ste", "etc", "cf", "av", "apr", "env", "vol", "éd", "art", "gén",
	"Gén", "col", "Col", "cdt", "lt", "sgt", "vs", "Jr", "Sr", "Cie", "Inc",
	"Ltd", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "chap",
	"fig", "ex", "hab", "No", "n°", "Lt", "Cdt", "Sgt", "Adm", "Gal", NULL
};

/* Pronouns that form an inverted subject after a hyphen. */
static const char *const clitics[] = {
	"il", "elle", "ils", "elles", "on", "je", "tu", "ce", NULL
};

static bool
in_list(const char *const *list, const char *s, size_t n, bool fold_ascii)
{
	/* every list here holds words of at most 6 bytes */
	if (n == 0 || n > 6)
		return false;
	for (int i = 0; list[i]; i++)
	{
		const char *w = list[i];
		size_t		j;

		for (j = 0; j < n && w[j]; j++)
		{
			char		c = s[j];

			if (fold_ascii && c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != w[j])
				break;
		}
		if (j == n && w[j] == '\0')
			return true;
	}
	return false;
}

/*
 * in_list(elisions, s, n, true): the one-letter elisions (l' d' n' j' s' c'
 * m' t', most of them) by a bit of a mask, the others by the list.
 */
static inline bool
is_elision(const char *s, size_t n)
{
	if (n == 1)
	{
		unsigned char c = (unsigned char) s[0];

		if ((unsigned char) (c - 'A') < 26)
			c += 'a' - 'A';
		return (unsigned char) (c - 'a') < 26 &&
			((((1u << ('l' - 'a')) | (1u << ('d' - 'a')) | (1u << ('n' - 'a')) | (1u << ('j' - 'a')) |
			   (1u << ('s' - 'a')) | (1u << ('c' - 'a')) | (1u << ('m' - 'a')) | (1u << ('t' - 'a')))
			  >> (c - 'a')) & 1u) != 0;
	}
	return in_list(elisions, s, n, true);
}

/*
 * Is [s, s+n) one of abbrevs?  The fast path asks for every capitalised
 * short word and every word before a dot, so the list is looked up in a
 * small hash set of the words packed into 64-bit integers (all are at most
 * 6 bytes), built on first use.
 */
#define ABBREV_SLOTS 256
static uint64_t abbrev_set[ABBREV_SLOTS];
static bool abbrev_set_ready = false;

static inline uint64_t
pack_word(const char *s, size_t n)
{
	uint64_t	x = 0;

	memcpy(&x, s, n);
	return x;
}

static inline uint32_t
pack_slot(uint64_t x)
{
	return (uint32_t) ((x * UINT64_C(0x9E3779B97F4A7C15)) >> 56) & (ABBREV_SLOTS - 1);
}

static bool
is_abbrev(const char *s, size_t n)
{
	uint64_t	x;
	uint32_t	i;

	if (n == 0 || n > 6)
		return false;
	if (!abbrev_set_ready)
	{
		for (int k = 0; abbrevs[k]; k++)
		{
			uint64_t	a = pack_word(abbrevs[k], strlen(abbrevs[k]));

			for (i = pack_slot(a); abbrev_set[i] != 0 && abbrev_set[i] != a; i = (i + 1) & (ABBREV_SLOTS - 1))
				;
			abbrev_set[i] = a;
		}
		abbrev_set_ready = true;
	}
	x = pack_word(s, n);
	for (i = pack_slot(x); abbrev_set[i] != 0; i = (i + 1) & (ABBREV_SLOTS - 1))
		if (abbrev_set[i] == x)
			return true;
	return false;
}

/* Peek the code point at byte offset p; returns its length or 0 at the end. */
static inline int
peek(const DpLexer *lx, size_t p, int32_t *cp, DpChar *cls)
{
	int			l;

	if (p >= lx->n)
	{
		*cp = -1;
		*cls = DP_C_OTHER;
		return 0;
	}
	if ((unsigned char) lx->s[p] < 0x80)
	{
		*cp = (unsigned char) lx->s[p];
		*cls = dp_ascii_class[*cp];
		return 1;
	}
	l = dp_utf8_decode((const unsigned char *) lx->s + p, lx->n - p, cp);
	if (l < 0)
	{
		/* caller validated; treat a stray byte as a symbol of length 1 */
		*cp = 0xFFFD;
		*cls = DP_C_OTHER;
		return 1;
	}
	*cls = dp_char_class(*cp);
	return l;
}

static inline bool
is_letter(DpChar c)
{
	return c == DP_C_UPPER || c == DP_C_LOWER;
}

static inline bool
is_wordish(DpChar c)
{
	return c == DP_C_UPPER || c == DP_C_LOWER || c == DP_C_MARK || c == DP_C_DIGIT;
}

/* Space-like separators allowed inside a number: space, NBSP, NNBSP, thin. */
static inline bool
is_num_space(int32_t cp)
{
	return cp == ' ' || cp == 0x00A0 || cp == 0x202F || cp == 0x2009;
}

void
dp_lexer_init(DpLexer *lx, const char *s, size_t n)
{
	lx->s = s;
	lx->n = n;
	lx->pos = 0;
	lx->cpos = 0;
	lx->at_start = true;
}

/* Count code points in [a, b). */
static inline uint32_t
cp_count(const DpLexer *lx, size_t a, size_t b)
{
	return (uint32_t) dp_utf8_count(lx->s + a, b - a);
}

/* Skip ASCII letters/digits/._%+- and report where an e-mail would end. */
static size_t
scan_email(const DpLexer *lx, size_t p)
{
	size_t		i = p;
	size_t		at;
	bool		dot = false;

	while (i < lx->n && ((lx->s[i] >= 'a' && lx->s[i] <= 'z') ||
						 (lx->s[i] >= 'A' && lx->s[i] <= 'Z') ||
						 (lx->s[i] >= '0' && lx->s[i] <= '9') ||
						 lx->s[i] == '.' || lx->s[i] == '_' || lx->s[i] == '%' ||
						 lx->s[i] == '+' || lx->s[i] == '-'))
		i++;
	if (i == p || i >= lx->n || lx->s[i] != '@')
		return 0;
	at = ++i;
	while (i < lx->n && ((lx->s[i] >= 'a' && lx->s[i] <= 'z') ||
						 (lx->s[i] >= 'A' && lx->s[i] <= 'Z') ||
						 (lx->s[i] >= '0' && lx->s[i] <= '9') ||
						 lx->s[i] == '.' || lx->s[i] == '-'))
	{
		if (lx->s[i] == '.' && i > at)
			dot = true;
		i++;
	}
	while (i > at && (lx->s[i - 1] == '.' || lx->s[i - 1] == '-'))
		i--;
	if (!dot || i <= at)
		return 0;
	/* the last dot must be inside the domain */
	return i;
}

static bool
starts_with_ci(const DpLexer *lx, size_t p, const char *prefix)
{
	size_t		l = strlen(prefix);

	if (lx->n - p < l)
		return false;
	for (size_t i = 0; i < l; i++)
	{
		char		c = lx->s[p + i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != prefix[i])
			return false;
	}
	return true;
}

static size_t
scan_url(const DpLexer *lx, size_t p)
{
	size_t		i = p;

	while (i < lx->n)
	{
		int32_t		cp;
		DpChar		c;
		int			l = peek(lx, i, &cp, &c);

		if (c == DP_C_SPACE || c == DP_C_NEWLINE || c == DP_C_CONTROL ||
			c == DP_C_IGNORE || cp == '"' || cp == '<' || cp == '>' ||
			cp == 0x00AB || cp == 0x00BB || cp == 0x201C || cp == 0x201D)
			break;
		i += l;
	}
	/* trailing punctuation belongs to the sentence, not the URL */
	while (i > p && strchr(".,;:!?)]'", lx->s[i - 1]) != NULL)
		i--;
	return i;
}

/* Scan an ASCII-ish identifier after @ or #; letters, digits, '_'. */
static size_t
scan_tag(const DpLexer *lx, size_t p)
{
	size_t		i = p;

	while (i < lx->n)
	{
		int32_t		cp;
		DpChar		c;
		int			l = peek(lx, i, &cp, &c);

		if (!(is_wordish(c) || cp == '_'))
			break;
		i += l;
	}
	return i;
}

/* Ordinal suffixes: 1er, 2e, XXIe, 3ème, 2nd, 1ᵉʳ. */
static const char *const ordinal_suffixes[] = {
	"ères", "ème", "èmes", "eme", "emes", "ers", "res", "nde", "ndes",
	"er", "re", "nd", "es", "e", "ᵉ", "ᵉʳ", NULL
};

/* Length of an ordinal suffix at p (er, re, e, ème, nd, ...), 0 if none. */
static size_t
ordinal_suffix(const DpLexer *lx, size_t p)
{
	size_t		best = 0;

	/* every suffix starts with e, r, n, \xC3 (è) or \xE1 (ᵉ) */
	if (p >= lx->n)
		return 0;
	switch ((unsigned char) lx->s[p])
	{
		case 'e':
		case 'r':
		case 'n':
		case 0xC3:
		case 0xE1:
			break;
		default:
			return 0;
	}
	for (int i = 0; ordinal_suffixes[i]; i++)
	{
		size_t		l = strlen(ordinal_suffixes[i]);

		if (lx->n - p >= l && memcmp(lx->s + p, ordinal_suffixes[i], l) == 0 && l > best)
		{
			int32_t		cp;
			DpChar		c;

			peek(lx, p + l, &cp, &c);
			if (!is_wordish(c))
				best = l;
		}
	}
	return best;
}

/* Scan a number starting at p; sets *cls to NUMBER, ORDINAL or PERCENT. */
static size_t
scan_number(const DpLexer *lx, size_t p, uint16_t *cls)
{
	size_t		i = p;
	size_t		group;
	bool		decimal = false;
	bool		grouped_ok = true;
	size_t		suf;

	while (i < lx->n && lx->s[i] >= '0' && lx->s[i] <= '9')
		i++;
	group = i - p;
	if (group > 3)
		grouped_ok = false;
	for (;;)
	{
		int32_t		cp;
		DpChar		c;
		int			l = peek(lx, i, &cp, &c);

		if (l == 0)
			break;
		if ((cp == ',' || cp == '.') && !decimal && i + 1 < lx->n &&
			lx->s[i + 1] >= '0' && lx->s[i + 1] <= '9')
		{
			/* 3,5 or 1.000 */
			i++;
			while (i < lx->n && lx->s[i] >= '0' && lx->s[i] <= '9')
				i++;
			decimal = (cp == ',');
			grouped_ok = false;
			continue;
		}
		if (is_num_space(cp) && grouped_ok)
		{
			size_t		j = i + l;
			size_t		k = j;

			while (k < lx->n && k - j < 4 && lx->s[k] >= '0' && lx->s[k] <= '9')
				k++;
			if (k - j == 3)
			{
				int32_t		cp2;
				DpChar		c2;

				peek(lx, k, &cp2, &c2);
				if (c2 != DP_C_DIGIT)
				{
					i = k;
					continue;
				}
			}
		}
		break;
	}
	*cls = DP_TOK_NUMBER;
	suf = ordinal_suffix(lx, i);
	if (suf > 0 && !decimal)
	{
		*cls = DP_TOK_ORDINAL;
		return i + suf;
	}
	if (i < lx->n && lx->s[i] == '%')
	{
		*cls = DP_TOK_PERCENT;
		return i + 1;
	}
	{
		int32_t		cp;
		DpChar		c;
		int			l = peek(lx, i, &cp, &c);

		if (l && is_num_space(cp) && i + l < lx->n && lx->s[i + l] == '%')
		{
			*cls = DP_TOK_PERCENT;
			return i + l + 1;
		}
	}
	return i;
}

/*
 * Scan one hyphen-free word segment from p: letters, marks, digits, and
 * zero-width characters that sit between letters.  Sets *nocase if a letter
 * is lower case and *up if one is upper case.
 */
static size_t
scan_segment(const DpLexer *lx, size_t p, int *nlower, int *nupper, bool *ignored)
{
	size_t		i = p;

	for (;;)
	{
		int32_t		cp;
		DpChar		c;
		int			l;

		/* fast path: ASCII letters and digits */
		while (i < lx->n)
		{
			unsigned char b = (unsigned char) lx->s[i];

			if (b >= 'a' && b <= 'z')
				(*nlower)++;
			else if (b >= 'A' && b <= 'Z')
				(*nupper)++;
			else if (!(b >= '0' && b <= '9'))
				break;
			i++;
		}
		l = peek(lx, i, &cp, &c);
		if (l == 0)
			break;
		if (c == DP_C_LOWER)
			(*nlower)++;
		else if (c == DP_C_UPPER)
			(*nupper)++;
		else if (c == DP_C_IGNORE)
		{
			int32_t		cp2;
			DpChar		c2;

			if (i == p || !peek(lx, i + l, &cp2, &c2) || !is_wordish(c2))
				break;
			*ignored = true;
		}
		else if (c != DP_C_MARK && c != DP_C_DIGIT)
			break;
		i += l;
	}
	return i;
}

/* Is the text at p an apostrophe followed by a letter? Returns its length. */
static int
apos_then_letter(const DpLexer *lx, size_t p)
{
	int32_t		cp;
	DpChar		c;
	int			l = peek(lx, p, &cp, &c);

	if (l == 0 || c != DP_C_APOS)
		return 0;
	{
		int32_t		cp2;
		DpChar		c2;

		if (!peek(lx, p + l, &cp2, &c2) || !is_letter(c2))
			return 0;
	}
	return l;
}

/* Hyphen followed by a letter or digit? Returns its length. */
static int
hyphen_then_word(const DpLexer *lx, size_t p)
{
	int32_t		cp;
	DpChar		c;
	int			l = peek(lx, p, &cp, &c);

	if (l == 0 || c != DP_C_HYPHEN)
		return 0;
	{
		int32_t		cp2;
		DpChar		c2;

		if (!peek(lx, p + l, &cp2, &c2) || !(is_letter(c2) || c2 == DP_C_DIGIT))
			return 0;
	}
	return l;
}

/* Abbreviation, initials: word at [p, e) followed by a dot. */
static size_t
scan_dotted(const DpLexer *lx, size_t p, size_t e, uint16_t *cls)
{
	size_t		i;

	if (e >= lx->n || lx->s[e] != '.')
		return 0;
	if (is_abbrev(lx->s + p, e - p))
	{
		*cls = DP_TOK_ABBREV;
		return e + 1;
	}
	/* initials: X. or X.Y. */
	if (e - p == 1 && lx->s[p] >= 'A' && lx->s[p] <= 'Z')
	{
		i = e + 1;
		while (i + 1 < lx->n && lx->s[i] >= 'A' && lx->s[i] <= 'Z' && lx->s[i + 1] == '.')
			i += 2;
		*cls = DP_TOK_INITIALS;
		return i;
	}
	return 0;
}

/*
 * Scan a word from p.  Handles elision, compounds with an inverted-subject
 * clitic (the clitic is left for the next call), abbreviations, acronyms.
 */
static size_t
scan_word(DpLexer *lx, size_t p, DpToken *t)
{
	size_t		seg_start[64];
	size_t		seg_end[64];
	int			nseg = 0;
	size_t		i = p;
	int			nlower = 0;
	int			nupper = 0;
	bool		ignored = false;
	size_t		e;
	int			al;
	uint16_t	dcls;

	for (;;)
	{
		size_t		s0 = i;
		int			hl;

		i = scan_segment(lx, i, &nlower, &nupper, &ignored);
		/* elision: only for the first segment */
		if (nseg == 0 && (al = apos_then_letter(lx, i)) > 0)
		{
			if (is_elision(lx->s + s0, i - s0))
			{
				t->cls = DP_TOK_ELISION;
				return i + al;
			}
			/* aujourd'hui, O'Brien: keep the apostrophe inside */
			i = scan_segment(lx, i + al, &nlower, &nupper, &ignored);
		}
		if (nseg < 64)
		{
			seg_start[nseg] = s0;
			seg_end[nseg] = i;
		}
		nseg++;
		hl = hyphen_then_word(lx, i);
		if (hl == 0)
			break;
		i += hl;
	}
	e = i;
	if (ignored)
		t->flags |= DP_TF_IGNORED;
	/* inverted subject: a-t-il, dit-elle; the clitic becomes its own token */
	if (nseg >= 2 && nseg <= 64 &&
		in_list(clitics, lx->s + seg_start[nseg - 1], e - seg_start[nseg - 1], false))
	{
		int			cut = nseg - 1;

		if (nseg >= 3 && seg_end[nseg - 2] - seg_start[nseg - 2] == 1 &&
			lx->s[seg_start[nseg - 2]] == 't')
			cut = nseg - 2;
		e = seg_end[cut - 1];
	}
	else if (nseg == 1)
	{
		/* abbreviation or initials with their dot */
		i = scan_dotted(lx, p, e, &dcls);
		if (i > 0)
		{
			t->cls = dcls;
			return i;
		}
		if (nupper > 0 && lx->s[p] >= 'A' && lx->s[p] <= 'Z' && nlower + nupper > 1 &&
			is_abbrev(lx->s + p, e - p))
		{
			t->cls = DP_TOK_ABBREV;
			return e;
		}
	}
	if (nseg > 1 && e > seg_end[0])
		t->flags |= DP_TF_HYPHEN;
	else
		t->flags &= ~DP_TF_HYPHEN;
	t->cls = DP_TOK_WORD;
	{
		/* letter counts on the final span (recounted if a clitic was cut) */
		int			lo = nlower,
					up = nupper;
		size_t		j = p;

		if (e != i)
		{
			lo = up = 0;
			while (j < e)
			{
				int32_t		cp;
				DpChar		c;
				int			l = peek(lx, j, &cp, &c);

				if (c == DP_C_LOWER)
					lo++;
				else if (c == DP_C_UPPER)
					up++;
				j += l;
			}
		}
		for (j = p; j < e; j++)
			if (lx->s[j] >= '0' && lx->s[j] <= '9')
			{
				t->flags |= DP_TF_DIGIT;
				break;
			}
		if (up >= 2 && lo == 0)
		{
			t->flags |= DP_TF_ALLCAP;
			/* ETATS-UNIS is an all-capitals compound, not an acronym */
			if (!(t->flags & DP_TF_HYPHEN))
				t->cls = DP_TOK_ACRONYM;
		}
		else if (up == 1 && lo == 0 && (t->flags & DP_TF_DIGIT))
			t->cls = DP_TOK_ACRONYM;	/* G7, G20 */
	}
	return e;
}

/* Roman-numeral ordinal at p (XXIe, IVe, Ier)? Returns its end or 0. */
static size_t
scan_roman_ordinal(const DpLexer *lx, size_t p)
{
	size_t		r = p;
	size_t		suf;

	while (r < lx->n && (lx->s[r] == 'I' || lx->s[r] == 'V' || lx->s[r] == 'X' ||
						 lx->s[r] == 'L' || lx->s[r] == 'C'))
		r++;
	if (r == p)
		return 0;
	suf = ordinal_suffix(lx, r);
	if (suf == 0)
		return 0;
	/* a single letter only for I, V, X with e/er/ème: "Les", "Ces" are words */
	if (r - p == 1)
	{
		if (strchr("IVX", lx->s[p]) == NULL)
			return 0;
		if (!(suf == 1 || (suf == 2 && lx->s[r] == 'e' && lx->s[r + 1] == 'r') ||
			  (suf == 4 && memcmp(lx->s + r, "ème", 4) == 0)))
			return 0;
	}
	return r + suf;
}

/* Opening and closing quotes and brackets. */
static uint16_t
punct_flags(int32_t cp)
{
	switch (cp)
	{
		case 0x00AB:			/* « */
		case 0x201C:			/* “ */
		case 0x201E:			/* „ */
		case 0x2039:			/* ‹ */
		case '(':
		case '[':
			return DP_TF_OPEN;
		case 0x00BB:			/* » */
		case 0x201D:			/* ” */
		case 0x203A:			/* › */
		case ')':
		case ']':
			return DP_TF_CLOSE;
		case '.':
		case '!':
		case '?':
		case 0x2026:			/* … */
			return DP_TF_TERM;
		default:
			return 0;
	}
}

static bool
is_quote(int32_t cp)
{
	return cp == 0x00AB || cp == 0x00BB || cp == 0x201C || cp == 0x201D ||
		cp == 0x201E || cp == 0x2039 || cp == 0x203A || cp == '"';
}

static bool
is_bullet(int32_t cp)
{
	return cp == 0x2022 || cp == 0x2013 || cp == 0x2014 || cp == '-' || cp == '*' ||
		cp == 0x00B7 || cp == 0x25AA || cp == 0x25BA || cp == 0x25CF || cp == 0x2023;
}

/* The clitic left by scan_word: "-il", "-t-elle".  Returns its end or 0. */
static size_t
scan_clitic(const DpLexer *lx, size_t p)
{
	int			hl = hyphen_then_word(lx, p);
	int			lo = 0,
				up = 0;
	bool		ign = false;
	size_t		s0,
				e;

	if (hl == 0)
		return 0;
	s0 = p + hl;
	e = scan_segment(lx, s0, &lo, &up, &ign);
	if (e - s0 == 1 && lx->s[s0] == 't' && (hl = hyphen_then_word(lx, e)) > 0)
	{
		s0 = e + hl;
		e = scan_segment(lx, s0, &lo, &up, &ign);
	}
	if (!in_list(clitics, lx->s + s0, e - s0, false) || hyphen_then_word(lx, e))
		return 0;
	return e;
}


/*
 * Fast path for the common token: a word of ASCII and Latin-1 letters
 * (U+00C0..U+00FF) with nothing after it that could extend it or change its
 * class.  It gives exactly what the general scanner below gives for such a
 * word (test_text.c and fuzz_text.c compare both on every input); anything
 * else returns 0 and takes the general path.
 *
 * Letters: ASCII, and the two-byte sequences C3 80..C3 BF except x and
 * division signs.  A word is left to the general path when it might be a
 * Roman ordinal (starts with I V X L C), a URL (h, w before ':' or '.'), an
 * e-mail address or an abbreviation or initials (before '.'), or an
 * abbreviation without its dot (Mme, Dr: capitalised, at most 6 bytes, in
 * the list).
 */
bool		dp_lexer_fast = true;

/* ASCII bytes that end a word without any special reading */
static const bool ascii_stop[128] = {
	[' '] = true, [','] = true, [';'] = true, [')'] = true, [']'] = true,
	['!'] = true, ['?'] = true, ['\n'] = true, ['\r'] = true, ['\t'] = true,
	['"'] = true, [':'] = true, ['('] = true,
};

/* Is [s, s+n) exactly one of ordinal_suffix's suffixes? */
static bool
is_ordinal_suffix(const char *s, size_t n)
{
	if (n == 0 || n > 5 || !(s[0] == 'e' || s[0] == 'r' || s[0] == 'n' || (unsigned char) s[0] == 0xC3))
		return false;
	for (int k = 0; ordinal_suffixes[k]; k++)
		if (strlen(ordinal_suffixes[k]) == n && memcmp(s, ordinal_suffixes[k], n) == 0)
			return true;
	return false;
}

/* An ASCII or Latin-1 letter at i (a conservative is_letter). */
static inline bool
latin_letter_at(const unsigned char *s, size_t n, size_t i)
{
	if ((unsigned char) ((s[i] | 0x20) - 'a') < 26)
		return true;
	return s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF &&
		s[i + 1] != 0x97 && s[i + 1] != 0xB7;
}

/*
 * Length of the run of ASCII lower-case letters at s (at most n bytes).
 * With SSE2 (every x86-64), sixteen bytes are classified at once and the
 * first byte that is not a lower-case letter is found by a bit scan: words
 * cost a few instructions instead of several per letter.  Elsewhere, or
 * with fewer than sixteen bytes left, a byte loop.
 */
static inline size_t
lower_run(const unsigned char *s, size_t n)
{
	size_t		r = 0;

#ifdef __SSE2__
	while (r + 16 <= n)
	{
		__m128i		x = _mm_loadu_si128((const __m128i *) (s + r));

		/* b - 'a' < 26 unsigned, as a signed compare after flipping the top bit */
		__m128i		d = _mm_xor_si128(_mm_sub_epi8(x, _mm_set1_epi8('a')), _mm_set1_epi8((char) 0x80));
		unsigned	m = (unsigned) _mm_movemask_epi8(_mm_cmplt_epi8(d, _mm_set1_epi8((char) (0x80 + 26))));

		if (m != 0xFFFF)
			return r + (size_t) __builtin_ctz(~m);
		r += 16;
	}
#endif
	while (r < n && (unsigned char) (s[r] - 'a') < 26)
		r++;
	return r;
}

/*
 * The run of ASCII and Latin-1 letters at i; counts its lower- and
 * upper-case letters, notes bytes above ASCII.  Returns its end.
 */
static inline __attribute__((always_inline)) size_t
fast_letters(const unsigned char *s, size_t n, size_t i, int *lo, int *up, bool *high)
{
	while (i < n)
	{
		unsigned char b = s[i];

		if ((unsigned char) (b - 'a') < 26)
		{
			/* a run of ASCII lower case, the bulk of French text */
			size_t		r = i + 1;

			r += lower_run(s + r, n - r);
			*lo += (int) (r - i);
			i = r;
		}
		else if ((unsigned char) (b - 'A') < 26)
		{
			(*up)++;
			i++;
		}
		else if (b == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF &&
				 s[i + 1] != 0x97 && s[i + 1] != 0xB7)
		{
			/* U+00C0..U+00DE upper (C3 80..9E), U+00DF..U+00FF lower */
			if (s[i + 1] <= 0x9E)
				(*up)++;
			else
				(*lo)++;
			*high = true;
			i += 2;
		}
		else
			break;
	}
	return i;
}

static inline __attribute__((always_inline)) size_t
fast_word(const DpLexer *lx, size_t p, DpToken *t)
{
	const unsigned char *s = (const unsigned char *) lx->s;
	size_t		n = lx->n;
	size_t		i;
	int			lo = 0,
				up = 0,
				hyphens = 0;
	bool		high = false;
	unsigned char b0 = s[p];
	size_t		al = 0;

	i = fast_letters(s, n, p, &lo, &up, &high);
	if (i == p)
		return 0;
	/* a Roman ordinal (XXIe, Ier) is the general path's; "Le", "Il" are not */
	if (b0 == 'I' || b0 == 'V' || b0 == 'X' || b0 == 'L' || b0 == 'C')
	{
		size_t		r = p;

		while (r < i && (s[r] == 'I' || s[r] == 'V' || s[r] == 'X' || s[r] == 'L' || s[r] == 'C'))
			r++;
		/* one letter is an ordinal only for I, V, X (scan_roman_ordinal) */
		if (r == i || (!(r - p == 1 && (b0 == 'L' || b0 == 'C')) &&
					   is_ordinal_suffix(lx->s + r, i - r)))
			return 0;
	}
	/* what follows must end the word plainly, or make it an elision */
	if (i < n && (al = dp_apos_len(s, n, i)) > 0)
	{
		/* l', d', qu', jusqu' before a letter; aujourd'hui is general */
		if (i + al >= n || !latin_letter_at(s, n, i + al) ||
			!is_elision(lx->s + p, i - p))
			return 0;
		t->cls = DP_TOK_ELISION;
		t->flags |= (b0 >= 'A' && b0 <= 'Z') || (b0 == 0xC3 && s[p + 1] <= 0x9E) ? DP_TF_CAP : DP_TF_LOWER;
		if (high || al > 1)
			t->flags |= DP_TF_NONASCII;
		t->len = (uint32_t) (i + al - p);
		t->clen = (uint32_t) (lo + up + 1);
		return i + al;
	}

	/*
	 * A compound (Maison-Blanche, cessez-le-feu, États-Unis): more runs of
	 * letters after single ASCII hyphens, one token as scan_word() makes
	 * it.  An inverted subject (a-t-il, dit-elle: the clitic is cut off), an
	 * apostrophe after the compound, an address, and every other hyphen,
	 * digit or character are the general path's.
	 */
	if (i + 1 < n && s[i] == '-' && latin_letter_at(s, n, i + 1))
	{
		size_t		last;

		do
		{
			last = ++i;
			hyphens++;
			i = fast_letters(s, n, i, &lo, &up, &high);
		} while (i + 1 < n && s[i] == '-' && latin_letter_at(s, n, i + 1));
		if (in_list(clitics, lx->s + last, i - last, false) ||
			(i < n && dp_apos_len(s, n, i) > 0) ||
			memchr(s + p, '@', (n - p) < 64 ? (n - p) : 64) != NULL)
			return 0;
	}
	if (i < n)
	{
		unsigned char b = s[i];

		if (b < 0x80)
		{
			if (b == '.')
			{
				/* initials, abbreviations, addresses: general path */
				if ((i - p == 1 && b0 >= 'A' && b0 <= 'Z') ||
					b0 == 'h' || b0 == 'H' || b0 == 'w' || b0 == 'W' ||
					is_abbrev(lx->s + p, i - p) ||
					memchr(s + p, '@', (n - p) < 64 ? (n - p) : 64) != NULL)
					return 0;
			}
			else if (!ascii_stop[b])
				return 0;
			else if (b == ':' && (b0 == 'h' || b0 == 'H' || b0 == 'w' || b0 == 'W'))
				return 0;
		}
		else if (b == 0xC2 && i + 1 < n)
		{
			/* NBSP, guillemets, degree sign */
			unsigned char c = s[i + 1];

			if (c != 0xA0 && c != 0xAB && c != 0xBB && c != 0xB0)
				return 0;
		}
		else if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x80)
		{
			/* NNBSP, thin space, ellipsis, curly double quotes */
			unsigned char c = s[i + 2];

			if (c != 0xAF && c != 0x89 && c != 0xA6 && c != 0x9C && c != 0x9D)
				return 0;
		}
		else
			return 0;
	}
	/* an abbreviation without its dot: Mme, Dr */
	if (hyphens == 0 && up > 0 && b0 >= 'A' && b0 <= 'Z' && lo + up > 1 && i - p <= 6 &&
		is_abbrev(lx->s + p, i - p))
		return 0;
	t->cls = DP_TOK_WORD;
	t->flags |= (up > 0 && (b0 < 0x80 ? b0 <= 'Z' : s[p + 1] <= 0x9E)) ? DP_TF_CAP : DP_TF_LOWER;
	if (up >= 2 && lo == 0)
	{
		t->flags |= DP_TF_ALLCAP;
		/* ETATS-UNIS is an all-capitals compound, not an acronym */
		if (hyphens == 0)
			t->cls = DP_TOK_ACRONYM;
	}
	if (hyphens > 0)
		t->flags |= DP_TF_HYPHEN;
	if (high)
		t->flags |= DP_TF_NONASCII;
	t->len = (uint32_t) (i - p);
	t->clen = (uint32_t) (lo + up + hyphens);
	return i;
}

static bool __attribute__((noinline))
lexer_next_general(DpLexer *lx, DpToken *t, bool fast_tried)
{
	size_t		p = lx->pos;
	uint16_t	pre = 0;
	int			newlines = 0;
	int32_t		cp;
	DpChar		c;
	int			l;
	size_t		e;

	/* skip white space, controls and stray zero-width characters */
	while (p < lx->n && lx->s[p] == ' ')
	{
		pre |= DP_TF_SPACE;
		p++;
	}
	for (;;)
	{
		l = peek(lx, p, &cp, &c);
		if (l == 0)
		{
			lx->cpos += cp_count(lx, lx->pos, p);
			lx->pos = p;
			return false;
		}
		if (c == DP_C_NEWLINE)
		{
			/* \r\n counts once */
			if (!(cp == '\n' && p > 0 && lx->s[p - 1] == '\r'))
				newlines++;
		}
		else if (c != DP_C_SPACE && c != DP_C_CONTROL && c != DP_C_IGNORE)
			break;
		pre |= DP_TF_SPACE;
		p += l;
	}
	if (newlines >= 1)
		pre |= DP_TF_NL;
	if (newlines >= 2)
		pre |= DP_TF_PARA;
	if (p == lx->pos || (p - lx->pos == 1 && (unsigned char) lx->s[lx->pos] < 0x80))
		lx->cpos += p - lx->pos;
	else
		lx->cpos += cp_count(lx, lx->pos, p);

	memset(t, 0, sizeof(*t));
	t->flags = pre;
	t->off = (uint32_t) p;
	t->coff = (uint32_t) lx->cpos;

	if (dp_lexer_fast && !fast_tried && (c == DP_C_UPPER || c == DP_C_LOWER) &&
		(e = fast_word(lx, p, t)) > 0)
	{
		lx->pos = e;
		lx->cpos += t->clen;
		lx->at_start = false;
		return true;
	}

	if ((cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') &&
		(starts_with_ci(lx, p, "http://") || starts_with_ci(lx, p, "https://") ||
		 starts_with_ci(lx, p, "www.")))
	{
		e = scan_url(lx, p);
		t->cls = DP_TOK_URL;
	}
	else if ((c == DP_C_UPPER || c == DP_C_LOWER || c == DP_C_DIGIT) && cp < 0x80 &&
			 memchr(lx->s + p, '@', (lx->n - p) < 64 ? (lx->n - p) : 64) != NULL &&
			 (e = scan_email(lx, p)) > 0)
		t->cls = DP_TOK_EMAIL;
	else if (c == DP_C_DIGIT && cp < 0x80)
	{
		e = scan_number(lx, p, &t->cls);
		t->flags |= DP_TF_DIGIT;
		/* 24h, 2CV, 10h30: digits glued to letters form one word */
		if (t->cls == DP_TOK_NUMBER)
		{
			int32_t		cp2;
			DpChar		c2;

			peek(lx, e, &cp2, &c2);
			if (is_letter(c2))
			{
				int			lo = 0,
							up = 0;
				bool		ign = false;

				e = scan_segment(lx, p, &lo, &up, &ign);
				t->cls = DP_TOK_WORD;
			}
		}
	}
	else if (c == DP_C_UPPER || c == DP_C_LOWER || c == DP_C_DIGIT)
	{
		/* Roman ordinals: XXIe, IIIe */
		if ((e = scan_roman_ordinal(lx, p)) > 0)
			t->cls = DP_TOK_ORDINAL;
		else
			e = scan_word(lx, p, t);
		if (c == DP_C_UPPER)
			t->flags |= DP_TF_CAP;
		else
			t->flags |= DP_TF_LOWER;
	}
	else if ((cp == '@' || cp == '#') && p + 1 < lx->n)
	{
		int32_t		cp2;
		DpChar		c2;

		peek(lx, p + 1, &cp2, &c2);
		if (is_wordish(c2) || cp2 == '_')
		{
			e = scan_tag(lx, p + 1);
			t->cls = (cp == '@') ? DP_TOK_HANDLE : DP_TOK_HASHTAG;
		}
		else
		{
			e = p + 1;
			t->cls = DP_TOK_PUNCT;
		}
	}
	else if (c == DP_C_HYPHEN && !(pre & (DP_TF_SPACE | DP_TF_NL)) && !lx->at_start &&
			 (e = scan_clitic(lx, p)) > 0)
		t->cls = DP_TOK_CLITIC;
	else if (cp == '.' || cp == 0x2026)
	{
		e = p + l;
		if (cp == '.')
			while (e < lx->n && lx->s[e] == '.')
				e++;
		t->cls = DP_TOK_PUNCT;
		t->flags |= DP_TF_TERM;
	}
	else if (c == DP_C_PUNCT || c == DP_C_HYPHEN || c == DP_C_DASH || c == DP_C_APOS)
	{
		e = p + l;
		t->cls = is_quote(cp) ? DP_TOK_QUOTE : DP_TOK_PUNCT;
		t->flags |= punct_flags(cp);
		if (cp == '"')
			t->flags |= DP_TF_OPEN | DP_TF_CLOSE;
		if (is_bullet(cp) && ((pre & DP_TF_NL) || lx->at_start))
			t->flags |= DP_TF_BULLET;
	}
	else
	{
		/* symbols, emoji, stray marks: one grapheme cluster */
		utf8proc_int32_t state = 0;
		int32_t		prev = cp;

		e = p + l;
		for (;;)
		{
			int32_t		cp2;
			DpChar		c2;
			int			l2 = peek(lx, e, &cp2, &c2);

			if (l2 == 0 || utf8proc_grapheme_break_stateful(prev, cp2, &state))
				break;
			prev = cp2;
			e += l2;
		}
		t->cls = DP_TOK_SYMBOL;
		if (is_bullet(cp) && ((pre & DP_TF_NL) || lx->at_start))
			t->flags |= DP_TF_BULLET;
	}

	/* every token advances: a scanner that matched nothing takes one code point */
	if (e <= p)
	{
		e = p + (l > 0 ? l : 1);
		t->cls = DP_TOK_SYMBOL;
	}
	t->len = (uint32_t) (e - p);
	{
		uint32_t	cont = 0;
		bool		high = false;

		for (size_t i = p; i < e; i++)
		{
			unsigned char b = (unsigned char) lx->s[i];

			high |= b >= 0x80;
			cont += (b & 0xC0) == 0x80;
		}
		t->clen = t->len - cont;
		if (high)
			t->flags |= DP_TF_NONASCII;
	}
	lx->pos = e;
	lx->cpos += t->clen;
	lx->at_start = false;
	return true;
}

/* A token of one character (len bytes) at p, after ncp code points of
 * white space: the lexer's fast path for punctuation. */
static inline bool
one_char_token(DpLexer *lx, DpToken *t, size_t p, size_t ncp, uint32_t len, uint16_t cls, uint16_t flags)
{
	memset(t, 0, sizeof(*t));
	t->flags = flags;
	t->cls = cls;
	t->off = (uint32_t) p;
	t->coff = (uint32_t) (lx->cpos + ncp);
	t->len = len;
	t->clen = 1;
	lx->cpos += ncp + 1;
	lx->pos = p + len;
	lx->at_start = false;
	return true;
}

/*
 * The end of the run of ASCII digits at p when the general path's
 * scan_number() reads exactly that run as a NUMBER token (no decimal part,
 * no thousands group after a space, no ordinal or per cent sign, no letter
 * glued to it, no e-mail address near); 0 otherwise.
 */
static inline size_t
plain_number(const unsigned char *s, size_t n, size_t p)
{
	size_t		i = p + 1;
	unsigned char c;

	while (i < n && (unsigned char) (s[i] - '0') < 10)
		i++;
	if (memchr(s + p, '@', (n - p) < 64 ? (n - p) : 64) != NULL)
		return 0;
	if (i >= n)
		return i;
	c = s[i];
	if (c >= 0x80 || c == '%' || dp_ascii_class[c] == DP_C_UPPER || dp_ascii_class[c] == DP_C_LOWER)
		return 0;
	if ((c == ' ' || c == ',' || c == '.') && i + 1 < n &&
		((unsigned char) (s[i + 1] - '0') < 10 || s[i + 1] == '%'))
		return 0;
	return i;
}

/*
 * The next token.  The common cases (a plain word or a comma or full stop
 * after at most single spaces) are handled here with little set-up; the
 * rest, and everything when dp_lexer_fast is off, by lexer_next_general.
 */
static inline __attribute__((always_inline)) bool
lexer_next(DpLexer *lx, DpToken *t)
{
	const unsigned char *s = (const unsigned char *) lx->s;
	size_t		n = lx->n;
	size_t		p = lx->pos;
	size_t		e;
	size_t		ncp = 0;		/* code points of the white space before */
	int			newlines = 0;
	uint16_t	pre = 0;
	unsigned char b;

	if (!dp_lexer_fast)
		return lexer_next_general(lx, t, false);

	while (p < n && s[p] == ' ')
		p++;
	ncp = p - lx->pos;

	/*
	 * Rarer white space, as the general path reads it: no-break spaces
	 * (U+00A0, U+202F: French puts them inside guillemets and before
	 * : ; ! ?) and line feeds; anything else is the general path's.
	 */
	if (p < n && (s[p] == 0xC2 || s[p] == 0xE2 || s[p] == '\n'))
	{
		for (;;)
		{
			if (p < n && s[p] == ' ')
				p++;
			else if (p + 1 < n && s[p] == 0xC2 && s[p + 1] == 0xA0)
				p += 2;
			else if (p + 2 < n && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0xAF)
				p += 3;
			else if (p < n && s[p] == '\n')
			{
				/* \r\n counts once */
				if (!(p > 0 && s[p - 1] == '\r'))
					newlines++;
				p++;
			}
			else
				break;
			ncp++;
		}
	}
	if (p >= n)
		return lexer_next_general(lx, t, false);
	if (ncp > 0)
		pre = DP_TF_SPACE | (newlines >= 1 ? DP_TF_NL : 0) | (newlines >= 2 ? DP_TF_PARA : 0);
	b = s[p];
	if ((unsigned char) ((b | 0x20) - 'a') < 26 ||
		(b == 0xC3 && p + 1 < n && s[p + 1] >= 0x80 && s[p + 1] <= 0xBF &&
		 s[p + 1] != 0x97 && s[p + 1] != 0xB7))
	{
		memset(t, 0, sizeof(*t));
		t->flags = pre;
		t->off = (uint32_t) p;
		t->coff = (uint32_t) (lx->cpos + ncp);
		if ((e = fast_word(lx, p, t)) == 0)
			return lexer_next_general(lx, t, true);	/* not a plain word */
		lx->cpos += ncp + t->clen;
		lx->pos = e;
		lx->at_start = false;
		return true;
	}
	/* guillemets and common punctuation, as the general path gives them
	 * (none of them is a list bullet) */
	if (b == 0xC2 && p + 1 < n && (s[p + 1] == 0xAB || s[p + 1] == 0xBB))
		return one_char_token(lx, t, p, ncp, 2, DP_TOK_QUOTE,
							  pre | DP_TF_NONASCII | (s[p + 1] == 0xAB ? DP_TF_OPEN : DP_TF_CLOSE));
	if (b == ',' || b == ';' || b == ':' || b == '(' || b == ')' || b == '!' || b == '?' ||
		(b == '.' && (p + 1 >= n || s[p + 1] != '.')))
		return one_char_token(lx, t, p, ncp, 1, DP_TOK_PUNCT, pre | punct_flags(b));
	if ((unsigned char) (b - '0') < 10)
	{
		/* a number of ASCII digits (a year, a count) */
		if ((e = plain_number(s, n, p)) > 0)
		{
			memset(t, 0, sizeof(*t));
			t->flags = pre | DP_TF_DIGIT;
			t->cls = DP_TOK_NUMBER;
			t->off = (uint32_t) p;
			t->coff = (uint32_t) (lx->cpos + ncp);
			t->len = t->clen = (uint32_t) (e - p);
			lx->cpos += ncp + t->clen;
			lx->pos = e;
			lx->at_start = false;
			return true;
		}
		return lexer_next_general(lx, t, false);
	}

	/*
	 * The other ASCII punctuation the general path takes one character of,
	 * as it gives it: not . (an ellipsis), @ # (handles, hashtags), - *
	 * (list bullets, clitics).
	 */
	if (b < 0x80 && (dp_ascii_class[b] == DP_C_PUNCT || dp_ascii_class[b] == DP_C_APOS) &&
		b != '.' && b != '@' && b != '#' && b != '*')
		return one_char_token(lx, t, p, ncp, 1, b == '"' ? DP_TOK_QUOTE : DP_TOK_PUNCT,
							  pre | punct_flags(b) | (b == '"' ? DP_TF_OPEN | DP_TF_CLOSE : 0));
	/* an en or em dash (U+2013, U+2014): a list bullet at the start of a line */
	if (b == 0xE2 && p + 2 < n && s[p + 1] == 0x80 && (s[p + 2] == 0x93 || s[p + 2] == 0x94))
		return one_char_token(lx, t, p, ncp, 3, DP_TOK_PUNCT,
							  pre | DP_TF_NONASCII |
							  (((pre & DP_TF_NL) || lx->at_start) ? DP_TF_BULLET : 0));
	return lexer_next_general(lx, t, false);
}

bool
dp_lexer_next(DpLexer *lx, DpToken *t)
{
	return lexer_next(lx, t);
}

void
dp_splitter_init(DpSplitter *sp, DpMem *m, const char *s, size_t n)
{
	dp_lexer_init(&sp->lx, s, n);
	sp->mem = m;
	sp->have_ahead = false;
	sp->number = 0;
}

/* Does this token open a new sentence after a sentence-final mark? */
static bool
starts_sentence(const DpToken *t)
{
	return (t->flags & (DP_TF_CAP | DP_TF_DIGIT | DP_TF_OPEN | DP_TF_BULLET)) ||
		t->cls == DP_TOK_INITIALS || t->cls == DP_TOK_ABBREV ||
		(t->cls == DP_TOK_PUNCT && !(t->flags & (DP_TF_TERM | DP_TF_CLOSE)) &&
		 (t->flags & DP_TF_NL));
}

static bool
is_etc(const DpSplitter *sp, const DpToken *t)
{
	return t->cls == DP_TOK_ABBREV && t->len == 4 && memcmp(sp->lx.s + t->off, "etc.", 4) == 0;
}

/*
 * Does t open a new sentence, given the previous token of the current one?
 * *pending says a sentence-final mark was seen and is updated.
 */
static inline bool
split_before(const DpSplitter *sp, const DpToken *prev, const DpToken *t, bool *pending)
{
	if (t->flags & (DP_TF_PARA | DP_TF_BULLET))
		return true;
	if (t->flags & DP_TF_NL)
	{
		/* a wrapped line goes on; a headline or paragraph ends */
		if (prev->cls == DP_TOK_PUNCT && sp->lx.s[prev->off] == ',')
			return false;
		return !(t->flags & DP_TF_LOWER) || (prev->flags & DP_TF_TERM);
	}
	if (*pending)
	{
		if (t->flags & DP_TF_CLOSE)
			return false;
		*pending = false;
		return starts_sentence(t);
	}
	return false;
}

/* Does t leave a sentence-final mark pending? */
static inline bool
ends_sentence(const DpSplitter *sp, const DpToken *t)
{
	return (t->flags & DP_TF_TERM) || is_etc(sp, t);
}

/*
 * The word of plain letters at q, as fast_word() reads it when it is one of
 * the cases below: ASCII and Latin-1 lower-case letters, after an ASCII
 * capital that is not a Roman numeral letter (I V X L C: "Le", "Il" are the
 * general path's), or not.  Sets *r to its end and *accents to its
 * two-byte letters; false when there is no such word at q.
 */
static inline __attribute__((always_inline)) bool
plain_letters(const unsigned char *s, size_t n, size_t q, bool *cap, size_t *r, uint32_t *accents)
{
	size_t		e = q;
	uint32_t	acc = 0;
	unsigned char b0 = s[q];

	*cap = false;
	if ((unsigned char) (b0 - 'A') < 26)
	{
		if (b0 == 'I' || b0 == 'V' || b0 == 'X' || b0 == 'L' || b0 == 'C')
			return false;
		*cap = true;
		e++;
	}
	e += lower_run(s + e, n - e);
	/* Latin-1 lower case (C3 9F..BF but for the division sign) */
	while (e + 1 < n && s[e] == 0xC3 && s[e + 1] >= 0x9F && s[e + 1] <= 0xBF && s[e + 1] != 0xB7)
	{
		e += 2;
		acc++;
		e += lower_run(s + e, n - e);
	}
	/* a capital alone (an initial, a Roman numeral) is the general path's */
	if (e == q + (*cap ? 1 : 0))
		return false;
	*r = e;
	*accents = acc;
	return true;
}

/* Fill token t of plain_words(). */
static inline __attribute__((always_inline)) void
put_token(DpToken *t, size_t off, size_t len, size_t coff, size_t clen, uint16_t cls, uint16_t flags,
		  uint32_t sentence)
{
	t->off = (uint32_t) off;
	t->len = (uint32_t) len;
	t->coff = (uint32_t) coff;
	t->clen = (uint32_t) clen;
	t->cls = cls;
	t->flags = flags;
	t->sentence = sentence;
}

/*
 * The bulk of French text: words of letters between single spaces, in the
 * middle of a sentence.  Once the splitter holds a token of the sentence
 * and has no look-ahead and no pending sentence end, each such word is
 * lexed here in a few instructions: it is the token the fast path would
 * give, and split_before() keeps it in the sentence (no line break, no
 * pending end).  Covered: a lower-case word, or a capitalised one
 * (plain_letters()) that is not an abbreviation (Mme, Dr), ending at a
 * space or a comma (taken with it); and a lower-case elision (l', d',
 * qu'...) with the word right after its apostrophe.  Anything else ends
 * the run, for the general path.  Returns the number of tokens added; the
 * caller checks the capacity of tok for at most room tokens.
 */
static inline size_t
plain_words(DpLexer *lx, DpToken *tok, size_t room, uint32_t sentence)
{
	const unsigned char *s = (const unsigned char *) lx->s;
	size_t		n = lx->n;
	size_t		pos = lx->pos;
	size_t		cpos = lx->cpos;
	size_t		k = 0;
	bool		glued = false;	/* a word right after an elision's apostrophe */

	for (;;)
	{
		size_t		q,
					r,
					al;
		uint32_t	accents;
		bool		cap;

		if (k >= room)
			break;
		q = pos;
		if (!glued)
		{
			/* one or more spaces, then a word */
			if (pos + 1 >= n || s[pos] != ' ')
				break;
			q = pos + 1;
			while (s[q] == ' ')
				if (++q >= n)
					goto done;
		}
		if (!plain_letters(s, n, q, &cap, &r, &accents) || r >= n)
			break;
		if (s[r] == ' ' || s[r] == ',')
		{
			if (cap && r - q <= 6 && is_abbrev(lx->s + q, r - q))
				break;
		}
		else if (!cap && accents == 0 && (al = dp_apos_len(s, n, r)) > 0 &&
				 r + al < n && latin_letter_at(s, n, r + al) &&
				 is_elision(lx->s + q, r - q))
		{
			/* l'armée: the elision, then the word at once */
			put_token(&tok[k++], q, r + al - q, cpos + (q - pos), r - q + 1, DP_TOK_ELISION,
					  (glued ? 0 : DP_TF_SPACE) | DP_TF_LOWER | (al > 1 ? DP_TF_NONASCII : 0), sentence);
			cpos += (q - pos) + (r - q + 1);
			pos = r + al;
			glued = true;
			continue;
		}
		else
			break;
		put_token(&tok[k++], q, r - q, cpos + (q - pos), r - q - accents, DP_TOK_WORD,
				  (glued ? 0 : DP_TF_SPACE) | (cap ? DP_TF_CAP : DP_TF_LOWER) |
				  (accents ? DP_TF_NONASCII : 0), sentence);
		cpos += (q - pos) + (r - q - accents);
		pos = r;
		glued = false;
		if (s[r] == ',' && k < room)
		{
			/* the comma after it, as the fast path gives it */
			put_token(&tok[k++], r, 1, cpos, 1, DP_TOK_PUNCT, 0, sentence);
			cpos++;
			pos = r + 1;
		}
	}
done:
	lx->pos = pos;
	lx->cpos = cpos;
	return k;
}

bool
dp_splitter_next(DpSplitter *sp, DpSentence *sent)
{
	bool		pending = false;

	sent->ntok = 0;
	for (;;)
	{
		DpToken    *t;

		if (sent->ntok == sent->cap)
		{
			size_t		cap = sent->cap ? sent->cap * 2 : 64;

			sent->tok = dp_realloc(sp->mem, sent->tok, dp_mul_size(sp->mem, cap, sizeof(DpToken)));
			sent->cap = cap;
		}

		/*
		 * The lexer writes the token in its slot: building it on the stack
		 * and copying it costs a store-forwarding stall per token.
		 */
		t = &sent->tok[sent->ntok];
		if (sp->have_ahead)
		{
			*t = sp->ahead;
			sp->have_ahead = false;
		}
		else if (!lexer_next(&sp->lx, t))
			break;
		if (sent->ntok > 0 && split_before(sp, &sent->tok[sent->ntok - 1], t, &pending))
		{
			sp->ahead = *t;
			sp->have_ahead = true;
			break;
		}
		if (sent->ntok == 0)
			sp->number++;
		t->sentence = sp->number;
		sent->ntok++;
		if (ends_sentence(sp, t))
			pending = true;
		if (sent->ntok >= DP_MAX_SENTENCE_TOKENS)
			break;
		if (dp_lexer_fast && !pending)
		{
			size_t		room = sent->cap - sent->ntok;

			if (room > DP_MAX_SENTENCE_TOKENS - sent->ntok)
				room = DP_MAX_SENTENCE_TOKENS - sent->ntok;
			if (room > 0)
			{
				sent->ntok += plain_words(&sp->lx, sent->tok + sent->ntok, room, sp->number);
				if (sent->ntok >= DP_MAX_SENTENCE_TOKENS)
					break;
			}
		}
	}
	sent->number = sp->number;
	dp_interrupt(sp->mem);
	return sent->ntok > 0;
}

void
dp_count(DpMem *m, const char *s, size_t n, size_t *ntokens, size_t *nsentences)
{
	/* dp_splitter_next's decisions, without keeping the tokens */
	DpSplitter	sp;
	DpToken		tok[2];
	int			cur = 0;
	size_t		insent = 0;		/* tokens in the current sentence */
	size_t		ntok = 0,
				nsent = 0;
	bool		pending = false;

	dp_splitter_init(&sp, m, s, n);
	while (lexer_next(&sp.lx, &tok[cur]))
	{
		const DpToken *t = &tok[cur];

		if (insent > 0 && (insent >= DP_MAX_SENTENCE_TOKENS ||
						   split_before(&sp, &tok[1 - cur], t, &pending)))
		{
			insent = 0;
			pending = false;
			if ((nsent & 0x3F) == 0)
				dp_interrupt(m);
		}
		if (insent == 0)
			nsent++;
		insent++;
		ntok++;
		if (ends_sentence(&sp, t))
			pending = true;
		cur = 1 - cur;
	}
	*ntokens = ntok;
	*nsentences = nsent;
	dp_interrupt(m);
}
