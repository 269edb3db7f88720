/*
 * dp_text.h
 *	  UTF-8 decoding, character classes, normalisation and matching keys.
 */
#ifndef DP_TEXT_H
#define DP_TEXT_H

#include "dp_core.h"

/* Character classes the tokenizer needs, computed once per code point. */
typedef enum DpChar
{
	DP_C_OTHER = 0,				/* symbols, emoji, anything else */
	DP_C_SPACE,					/* any white space except line breaks */
	DP_C_NEWLINE,				/* \n, \r, U+2028, U+2029, \v, \f */
	DP_C_IGNORE,				/* zero-width and soft hyphen: dropped */
	DP_C_UPPER,					/* upper- or title-case letter */
	DP_C_LOWER,					/* other letter */
	DP_C_MARK,					/* combining mark: continues a word */
	DP_C_DIGIT,
	DP_C_APOS,					/* ' ’ ‘ ʼ ′ */
	DP_C_HYPHEN,				/* - U+2010 U+2011 */
	DP_C_DASH,					/* – — U+2212 */
	DP_C_CONTROL,				/* C0/C1 controls other than white space */
	DP_C_PUNCT					/* other punctuation */
} DpChar;

/*
 * Decode one code point at s[0..n).  Returns its byte length (>= 1) and
 * stores the code point; returns -1 for an invalid or truncated sequence.
 */
extern int	dp_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encode a code point, returning its byte length (buffer of 4). */
extern int	dp_utf8_encode(int32_t cp, char *out);

/* Check a whole buffer; returns byte offset of the first bad sequence or -1. */
extern long dp_utf8_validate(const char *s, size_t n);

extern DpChar dp_char_class(int32_t cp);

/* The classes of ASCII code points (for inlined fast paths). */
extern const DpChar dp_ascii_class[128];

/* Apostrophe variants, white space and zero-width characters folded. */
extern int32_t dp_char_fold_punct(int32_t cp);

/*
 * NFC plus the typographic folding of diplo.normalize(): one apostrophe,
 * one space, no zero-width characters or soft hyphens, U+2011 -> '-'.
 * Appends to out.  Input must be valid UTF-8.
 */
extern void dp_normalize(DpMem *m, const char *s, size_t n, DpBuf *out);

/*
 * Matching key: case folded, accents stripped, typographic folding as
 * above, every hyphen or dash kept as '-'.  Appends to out.
 */
extern void dp_fold_key(DpMem *m, const char *s, size_t n, DpBuf *out);

/* Number of code points in a valid UTF-8 buffer. */
extern size_t dp_utf8_count(const char *s, size_t n);

#endif
