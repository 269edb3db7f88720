/*
 * dp_token.h
 *	  French tokenizer and sentence splitter.
 *
 * The lexer streams tokens out of a UTF-8 buffer without copying it: a token
 * is a byte range (and the matching code point range) of the original text,
 * so offsets always point into what the user stored, whatever its
 * normalisation form.  The splitter groups tokens into sentences with one
 * token of look-ahead, so memory stays bounded by the longest sentence
 * (itself capped at DP_MAX_SENTENCE_TOKENS).
 */
#ifndef DP_TOKEN_H
#define DP_TOKEN_H

#include "dp_core.h"

#define DP_MAX_SENTENCE_TOKENS 4096

typedef enum DpTokClass
{
	DP_TOK_WORD = 0,
	DP_TOK_ELISION,				/* l' d' qu' jusqu' ... */
	DP_TOK_CLITIC,				/* -t-il, -elle: inverted subject */
	DP_TOK_ACRONYM,				/* OTAN, G7 */
	DP_TOK_ABBREV,				/* M. Mme etc. */
	DP_TOK_INITIALS,			/* J.D. W. */
	DP_TOK_NUMBER,				/* 1 000, 3,5 */
	DP_TOK_ORDINAL,				/* 1er, 2e, XXIe */
	DP_TOK_PERCENT,				/* 30 %, 4,5% */
	DP_TOK_PUNCT,
	DP_TOK_QUOTE,				/* « » “ ” " */
	DP_TOK_URL,
	DP_TOK_EMAIL,
	DP_TOK_HANDLE,				/* @name */
	DP_TOK_HASHTAG,				/* #name */
	DP_TOK_SYMBOL,				/* emoji, signs, stray marks */
	DP_TOK__COUNT
} DpTokClass;

/* Token flags */
#define DP_TF_CAP		0x0001	/* starts with an upper-case letter */
#define DP_TF_ALLCAP	0x0002	/* two or more letters, none lower case */
#define DP_TF_LOWER		0x0004	/* starts with a lower-case letter */
#define DP_TF_HYPHEN	0x0008	/* hyphenated compound */
#define DP_TF_DIGIT		0x0010	/* contains a digit */
#define DP_TF_SPACE		0x0020	/* white space before */
#define DP_TF_NL		0x0040	/* a line break before */
#define DP_TF_PARA		0x0080	/* a blank line before */
#define DP_TF_BULLET	0x0100	/* list bullet at the start of a line */
#define DP_TF_NONASCII	0x0200	/* contains non-ASCII bytes */
#define DP_TF_TERM		0x0400	/* sentence-final punctuation */
#define DP_TF_OPEN		0x0800	/* opening quote or bracket */
#define DP_TF_CLOSE		0x1000	/* closing quote or bracket */
#define DP_TF_IGNORED	0x2000	/* contains zero-width characters */

typedef struct DpToken
{
	uint32_t	off;			/* byte offset in the input */
	uint32_t	len;			/* byte length */
	uint32_t	coff;			/* code point offset (0-based) */
	uint32_t	clen;			/* code point length */
	uint16_t	cls;			/* DpTokClass */
	uint16_t	flags;
	uint32_t	sentence;		/* 1-based, set by the splitter */
} DpToken;

typedef struct DpLexer
{
	const char *s;
	size_t		n;
	size_t		pos;
	size_t		cpos;
	bool		at_start;
} DpLexer;

extern const char *const dp_tok_class_names[DP_TOK__COUNT];

/* Input must be valid UTF-8 and shorter than 4 GB. */
extern void dp_lexer_init(DpLexer *lx, const char *s, size_t n);
extern bool dp_lexer_next(DpLexer *lx, DpToken *t);

/* Use the lexer's fast path for plain words (tests compare both paths). */
extern bool dp_lexer_fast;

typedef struct DpSentence
{
	uint32_t	number;
	DpToken    *tok;
	size_t		ntok;
	size_t		cap;
} DpSentence;

typedef struct DpSplitter
{
	DpLexer		lx;
	DpMem	   *mem;
	DpToken		ahead;
	bool		have_ahead;
	uint32_t	number;
} DpSplitter;

extern void dp_splitter_init(DpSplitter *sp, DpMem *m, const char *s, size_t n);

/* Fill sent with the next sentence; false at the end of the text. */
extern bool dp_splitter_next(DpSplitter *sp, DpSentence *sent);

/* Counts for the benchmark and diplo.text_stats(). */
extern void dp_count(DpMem *m, const char *s, size_t n, size_t *ntokens, size_t *nsentences);

/* Length of the apostrophe at i (' U+2019 U+2018 U+02BC U+2032), or 0. */
static inline size_t
dp_apos_len(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == '\'')
		return 1;
	if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		(s[i + 2] == 0x99 || s[i + 2] == 0x98 || s[i + 2] == 0xB2))
		return 3;
	if (s[i] == 0xCA && i + 1 < n && s[i + 1] == 0xBC)
		return 2;
	return 0;
}

#endif
