/*
 * dp_html.c
 *	  Plain text from HTML, for web pages fed to entities() and stances().
 *
 * One forward pass over the bytes, no tree.  Block-level elements become a
 * blank line, so that the sentence splitter never joins the end of one
 * block to the start of the next; inline elements vanish without a space,
 * so that "Ma<i>cr</i>on" stays one word.  White space collapses as a
 * browser collapses it: a newline in the source is a space (pages are
 * wrapped anywhere, and the splitter reads a newline before a capital as the
 * end of a sentence), except inside <pre>.  Spaces and line breaks are owed
 * and only written before the next text, which trims every line and drops
 * leading and trailing blank lines.
 *
 * Malformed HTML never makes the scan read past the end or go back: every
 * search moves forward, and the two ways a tag can fail to end (an unclosed
 * quote, no '>' at all) are remembered, so each costs at most one scan to
 * the end of the input per document rather than one per tag.  Text is cut
 * only at ASCII bytes and references are encoded whole, so valid UTF-8 in
 * gives valid UTF-8 out; nothing written is longer than what it replaces,
 * so the output is never longer than the input.
 */
#include "dp_html.h"
#include "dp_text.h"

#include <stdlib.h>
#include <string.h>

/* Longest tag name the table below holds ("blockquote", "figcaption"). */
#define HTML_TAG_MAX 10
/* Longest entity name the table below holds. */
#define HTML_ENTITY_MAX 6
/* Interrupt checks: one every so many steps of the main loop. */
#define HTML_INTERRUPT_STEPS 65536

typedef enum HtmlKind
{
	HTML_INLINE = 0,			/* vanishes (also every unknown tag) */
	HTML_BLOCK,					/* a blank line */
	HTML_BR,					/* a line break; two or more, a blank line */
	HTML_CELL,					/* a space */
	HTML_PRE,					/* a block whose newlines are line breaks */
	HTML_RAW					/* dropped with its content */
} HtmlKind;

typedef struct HtmlTag
{
	const char *name;
	HtmlKind	kind;
} HtmlTag;

/* Sorted by strcmp(), for bsearch(). */
static const HtmlTag html_tags[] = {
	{"address", HTML_BLOCK}, {"article", HTML_BLOCK}, {"aside", HTML_BLOCK},
	{"blockquote", HTML_BLOCK}, {"br", HTML_BR}, {"caption", HTML_BLOCK},
	{"dd", HTML_BLOCK}, {"details", HTML_BLOCK}, {"div", HTML_BLOCK},
	{"dl", HTML_BLOCK}, {"dt", HTML_BLOCK}, {"fieldset", HTML_BLOCK},
	{"figcaption", HTML_BLOCK}, {"figure", HTML_BLOCK}, {"footer", HTML_BLOCK},
	{"form", HTML_BLOCK}, {"h1", HTML_BLOCK}, {"h2", HTML_BLOCK},
	{"h3", HTML_BLOCK}, {"h4", HTML_BLOCK}, {"h5", HTML_BLOCK},
	{"h6", HTML_BLOCK}, {"header", HTML_BLOCK}, {"hr", HTML_BLOCK},
	{"iframe", HTML_RAW}, {"legend", HTML_BLOCK}, {"li", HTML_BLOCK},
	{"main", HTML_BLOCK}, {"nav", HTML_BLOCK}, {"noscript", HTML_RAW},
	{"ol", HTML_BLOCK}, {"p", HTML_BLOCK}, {"pre", HTML_PRE},
	{"script", HTML_RAW}, {"section", HTML_BLOCK}, {"style", HTML_RAW},
	{"summary", HTML_BLOCK}, {"table", HTML_BLOCK}, {"td", HTML_CELL},
	{"template", HTML_RAW}, {"th", HTML_CELL}, {"title", HTML_BLOCK},
	{"tr", HTML_BLOCK}, {"ul", HTML_BLOCK},
};

typedef struct HtmlEntity
{
	const char *name;
	int32_t		cp;
} HtmlEntity;

/*
 * The named references French news pages use, sorted by strcmp() (capitals
 * first).  HTML5 has over two thousand; one that is not here stays as
 * written, which the tagger reads as punctuation and letters.
 */
static const HtmlEntity html_entities[] = {
	{"AElig", 0xC6}, {"AMP", 0x26}, {"Aacute", 0xC1}, {"Acirc", 0xC2},
	{"Agrave", 0xC0}, {"Auml", 0xC4}, {"Ccedil", 0xC7}, {"Eacute", 0xC9},
	{"Ecirc", 0xCA}, {"Egrave", 0xC8}, {"Euml", 0xCB}, {"GT", 0x3E},
	{"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF}, {"LT", 0x3C},
	{"Ntilde", 0xD1}, {"OElig", 0x0152}, {"Oacute", 0xD3}, {"Ocirc", 0xD4},
	{"Ouml", 0xD6}, {"QUOT", 0x22}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},
	{"Ugrave", 0xD9}, {"Uuml", 0xDC}, {"Yuml", 0x0178}, {"aacute", 0xE1},
	{"acirc", 0xE2}, {"aelig", 0xE6}, {"agrave", 0xE0}, {"amp", 0x26},
	{"apos", 0x27}, {"auml", 0xE4}, {"bdquo", 0x201E}, {"bull", 0x2022},
	{"ccedil", 0xE7}, {"cent", 0xA2}, {"copy", 0xA9}, {"dagger", 0x2020},
	{"deg", 0xB0}, {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8},
	{"emsp", 0x2003}, {"ensp", 0x2002}, {"euml", 0xEB}, {"euro", 0x20AC},
	{"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"gt", 0x3E},
	{"hairsp", 0x200A}, {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
	{"iexcl", 0xA1}, {"iquest", 0xBF}, {"iuml", 0xEF}, {"laquo", 0xAB},
	{"ldquo", 0x201C}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
	{"lt", 0x3C}, {"mdash", 0x2014}, {"middot", 0xB7}, {"minus", 0x2212},
	{"nbsp", 0xA0}, {"ndash", 0x2013}, {"ntilde", 0xF1}, {"oacute", 0xF3},
	{"ocirc", 0xF4}, {"oelig", 0x0153}, {"ordf", 0xAA}, {"ordm", 0xBA},
	{"ouml", 0xF6}, {"para", 0xB6}, {"plusmn", 0xB1}, {"pound", 0xA3},
	{"quot", 0x22}, {"raquo", 0xBB}, {"rdquo", 0x201D}, {"reg", 0xAE},
	{"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
	{"sect", 0xA7}, {"shy", 0xAD}, {"sup1", 0xB9}, {"sup2", 0xB2},
	{"sup3", 0xB3}, {"szlig", 0xDF}, {"thinsp", 0x2009}, {"times", 0xD7},
	{"trade", 0x2122}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"ugrave", 0xF9},
	{"uuml", 0xFC}, {"yen", 0xA5}, {"yuml", 0xFF}, {"zwj", 0x200D},
	{"zwnj", 0x200C},
};

/*
 * &#128; to &#159; as browsers read them: the windows-1252 characters
 * (old CMSs wrote &#146; for an apostrophe); 0 where windows-1252 has none.
 */
static const int32_t html_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Byte classes of the main loop: text runs stop at any non-zero one. */
enum
{
	HB_TEXT = 0,
	HB_SPACE,
	HB_MARKUP					/* '<' or '&' */
};

/* HTML's white space, and \v, which the splitter would read as a newline. */
static const unsigned char html_byte[256] = {
	[' '] = HB_SPACE, ['\t'] = HB_SPACE, ['\n'] = HB_SPACE, ['\r'] = HB_SPACE,
	['\f'] = HB_SPACE, ['\v'] = HB_SPACE, ['<'] = HB_MARKUP, ['&'] = HB_MARKUP,
};

typedef struct HtmlState
{
	DpMem	   *m;
	DpBuf	   *out;
	size_t		start;			/* out->len on entry: what precedes is not ours */
	int			breaks;			/* line breaks owed before the next text (0..2) */
	bool		space;			/* a space owed before the next text */
	int			pre;			/* depth of open <pre> elements */
	bool		quotes_off;		/* a quote-aware tag scan reached the end */
	bool		no_gt;			/* no '>' from the current position on */
} HtmlState;

/* HTML white space (and \v). */
static inline bool
html_is_space(char c)
{
	return html_byte[(unsigned char) c] == HB_SPACE;
}

/* An ASCII letter: what a tag name must start with. */
static inline bool
html_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII lower case, whatever the locale: tag names are ASCII. */
static inline char
html_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
}

/* bsearch() a name in html_tags or html_entities: rows start with their name. */
static int
html_name_cmp(const void *key, const void *row)
{
	return strcmp(key, *(const char *const *) row);
}

/* Write what is owed (only after text of ours), then s[0..n). */
static void
html_text(HtmlState *st, const char *s, size_t n)
{
	if (st->breaks > 0 || st->space)
	{
		if (st->out->len > st->start)
		{
			if (st->breaks > 0)
				dp_buf_append(st->m, st->out, "\n\n", (size_t) st->breaks);
			else
				dp_buf_putc(st->m, st->out, ' ');
		}
		st->breaks = 0;
		st->space = false;
	}
	dp_buf_append(st->m, st->out, s, n);
}

/* Owe n more line breaks; more than two are a blank line all the same. */
static inline void
html_break(HtmlState *st, int n)
{
	st->breaks = st->breaks + n > 2 ? 2 : st->breaks + n;
}

/* Write a decoded code point. */
static void
html_put_cp(HtmlState *st, int32_t cp)
{
	char		enc[4];

	if (cp >= 0x80 && cp <= 0x9F)
		cp = html_cp1252[cp - 0x80];
	/* a no-break or fixed-width space must still part two words */
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
		cp == 0x205F || cp == 0x3000)
	{
		st->space = true;
		return;
	}
	if (cp == 0xAD)
		return;
	/* NUL, controls, surrogates, beyond Unicode, windows-1252 holes */
	if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	html_text(st, enc, (size_t) dp_utf8_encode(cp, enc));
}

/* The end of the first seq at or after from, or n if there is none. */
static size_t
html_skip_past(const char *s, size_t n, size_t from, const char *seq, size_t len)
{
	while (from < n)
	{
		const char *q = memchr(s + from, seq[0], n - from);
		size_t		k;

		if (q == NULL)
			break;
		k = (size_t) (q - s);
		if (n - k >= len && memcmp(s + k, seq, len) == 0)
			return k + len;
		from = k + 1;
	}
	return n;
}

/*
 * The character reference at s[i] == '&': written decoded, returning the
 * position after it; a '&' that starts none is written as it is.  Numeric
 * references may lack their ';' (browsers accept it), named ones may not,
 * so that "Barnes&noble" or "R&D" in a headline is never read as one.
 */
static size_t
html_ref(HtmlState *st, const char *s, size_t n, size_t i)
{
	size_t		p = i + 1;

	if (p < n && s[p] == '#')
	{
		bool		hex = false;
		uint32_t	v = 0;
		size_t		digits;

		p++;
		if (p < n && (s[p] == 'x' || s[p] == 'X'))
		{
			hex = true;
			p++;
		}
		digits = p;
		for (; p < n; p++)
		{
			char		c = s[p];
			uint32_t	d;

			if (c >= '0' && c <= '9')
				d = (uint32_t) (c - '0');
			else if (hex && html_lower(c) >= 'a' && html_lower(c) <= 'f')
				d = (uint32_t) (html_lower(c) - 'a' + 10);
			else
				break;
			/* past U+10FFFF the value stops growing: it is invalid anyway */
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + d;
		}
		if (p > digits)
		{
			if (p < n && s[p] == ';')
				p++;
			html_put_cp(st, v > 0x10FFFF ? 0xFFFD : (int32_t) v);
			return p;
		}
	}
	else
	{
		char		name[HTML_ENTITY_MAX + 1];
		size_t		len = 0;

		while (p < n && len <= HTML_ENTITY_MAX &&
			   (html_is_alpha(s[p]) || (s[p] >= '0' && s[p] <= '9')))
		{
			if (len < HTML_ENTITY_MAX)
				name[len] = s[p];
			len++;
			p++;
		}
		if (len > 0 && len <= HTML_ENTITY_MAX && p < n && s[p] == ';')
		{
			const HtmlEntity *e;

			name[len] = '\0';
			e = bsearch(name, html_entities, sizeof(html_entities) / sizeof(html_entities[0]),
						sizeof(html_entities[0]), html_name_cmp);
			if (e != NULL)
			{
				html_put_cp(st, e->cp);
				return p + 1;
			}
		}
	}
	html_text(st, "&", 1);
	return i + 1;
}

/* What a tag named s[0..n) does. */
static HtmlKind
html_tag_kind(const char *s, size_t n)
{
	char		name[HTML_TAG_MAX + 1];
	const HtmlTag *t;

	if (n > HTML_TAG_MAX)
		return HTML_INLINE;
	for (size_t k = 0; k < n; k++)
		name[k] = html_lower(s[k]);
	name[n] = '\0';
	t = bsearch(name, html_tags, sizeof(html_tags) / sizeof(html_tags[0]), sizeof(html_tags[0]),
				html_name_cmp);
	return t ? t->kind : HTML_INLINE;
}

/*
 * The '>' closing the tag whose attributes start at p, or n if none does.
 * A '>' inside a quoted attribute value does not count.  Once a
 * quote-aware scan has run to the end (an unclosed quote), quotes are
 * ignored for the rest of the document: the tag ends at the next '>'; and
 * once no '>' is left at all, no tag can end.  Each costs one scan to the
 * end, once: malformed pages stay linear.
 */
static size_t
html_tag_end(HtmlState *st, const char *s, size_t n, size_t p)
{
	const char *gt;

	if (!st->quotes_off)
	{
		size_t		k = p;

		while (k < n)
		{
			if (s[k] == '>')
				return k;
			if (s[k] == '=')
			{
				k++;
				while (k < n && html_is_space(s[k]))
					k++;
				if (k < n && (s[k] == '"' || s[k] == '\''))
				{
					const char *q = memchr(s + k + 1, s[k], n - k - 1);

					if (q == NULL)
						break;
					k = (size_t) (q - s);
				}
				else
					continue;	/* an unquoted value, or a '>' */
			}
			k++;
		}
		st->quotes_off = true;
	}
	gt = memchr(s + p, '>', n - p);
	if (gt == NULL)
	{
		st->no_gt = true;
		return n;
	}
	return (size_t) (gt - s);
}

/*
 * The position after the end tag of the raw element (script, style...)
 * named s[name..name+len) whose content starts at p, or n if it has none:
 * an unclosed script hides the rest of the page, as in a browser.
 */
static size_t
html_skip_raw(const char *s, size_t n, size_t p, size_t name, size_t len)
{
	while (p < n)
	{
		const char *q = memchr(s + p, '<', n - p);
		size_t		k,
					e;
		bool		same = true;

		if (q == NULL)
			break;
		k = (size_t) (q - s);
		e = k + 2 + len;
		if (e <= n && s[k + 1] == '/')
		{
			for (size_t j = 0; j < len && same; j++)
				same = html_lower(s[k + 2 + j]) == html_lower(s[name + j]);
			if (same && (e == n || html_is_space(s[e]) || s[e] == '/' || s[e] == '>'))
				return html_skip_past(s, n, e, ">", 1);
		}
		p = k + 1;
	}
	return n;
}

/* The markup at s[i] == '<': acted on, returning the position after it. */
static size_t
html_tag(HtmlState *st, const char *s, size_t n, size_t i)
{
	size_t		p = i + 1;
	bool		end = false;
	size_t		name,
				gt;

	/*
	 * Comments, CDATA, <!DOCTYPE> and <?...?> go to their end or, unclosed,
	 * to the end of the input.  The comment's end is searched from its own
	 * "--", so that "<!-->" and "<!--->" end at once, as in a browser.
	 */
	if (p < n && s[p] == '!')
	{
		if (n - p >= 3 && memcmp(s + p, "!--", 3) == 0)
			return html_skip_past(s, n, p + 1, "-->", 3);
		if (n - p >= 8 && memcmp(s + p, "![CDATA[", 8) == 0)
			return html_skip_past(s, n, p + 8, "]]>", 3);
		return html_skip_past(s, n, p, ">", 1);
	}
	if (p < n && s[p] == '?')
		return html_skip_past(s, n, p, ">", 1);
	if (p < n && s[p] == '/')
	{
		end = true;
		p++;
	}

	/* "a < b", "x<3", "</ " and a '<' no '>' follows are text */
	if (p >= n || !html_is_alpha(s[p]) || st->no_gt)
	{
		html_text(st, "<", 1);
		return i + 1;
	}
	name = p;
	while (p < n && !html_is_space(s[p]) && s[p] != '/' && s[p] != '>')
		p++;
	gt = html_tag_end(st, s, n, p);
	if (gt == n)
	{
		html_text(st, "<", 1);
		return i + 1;
	}

	switch (html_tag_kind(s + name, p - name))
	{
		case HTML_INLINE:
			break;
		case HTML_BLOCK:
			html_break(st, 2);
			break;
		case HTML_BR:
			html_break(st, 1);
			break;
		case HTML_CELL:
			st->space = true;
			break;
		case HTML_PRE:
			html_break(st, 2);
			if (!end)
				st->pre++;
			else if (st->pre > 0)
				st->pre--;
			break;
		case HTML_RAW:
			if (!end)
				return html_skip_raw(s, n, gt + 1, name, p - name);
			break;
	}
	return gt + 1;
}

/* The plain text of an HTML page (see dp_html.h). */
void
dp_strip_html(DpMem *m, const char *s, size_t n, DpBuf *out)
{
	HtmlState	st = {0};
	size_t		i = 0;
	unsigned	steps = 0;

	if (n == 0)
		return;
	if (memchr(s, '<', n) == NULL && memchr(s, '&', n) == NULL)
	{
		dp_buf_append(m, out, s, n);
		return;
	}
	st.m = m;
	st.out = out;
	st.start = out->len;
	/* the output is never longer than the input: one allocation */
	dp_buf_reserve(m, out, n);
	out->data[out->len] = '\0';
	while (i < n)
	{
		unsigned char c = (unsigned char) s[i];

		if (++steps == HTML_INTERRUPT_STEPS)
		{
			steps = 0;
			dp_interrupt(m);
		}
		if (c == '<')
			i = html_tag(&st, s, n, i);
		else if (c == '&')
			i = html_ref(&st, s, n, i);
		else if (html_byte[c] == HB_SPACE)
		{
			/* inside <pre> a newline (\r\n, \r or \n) is a line break */
			if (st.pre > 0 && (c == '\n' || (c == '\r' && (i + 1 == n || s[i + 1] != '\n'))))
				html_break(&st, 1);
			else if (st.pre == 0 || c != '\r')
				st.space = true;
			i++;
		}
		else
		{
			size_t		j = i + 1;

			while (j < n && html_byte[(unsigned char) s[j]] == HB_TEXT)
				j++;
			html_text(&st, s + i, j - i);
			i = j;
		}
	}
}
