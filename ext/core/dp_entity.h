/*
 * dp_entity.h
 *	  Entity tagging: dictionary matches, unknown names, title cues and
 *	  actor codes, linking of short forms inside a document.
 */
#ifndef DP_ENTITY_H
#define DP_ENTITY_H

#include "dp_dict.h"
#include "dp_token.h"

/* How a mention was found. */
typedef enum DpMethod
{
	DP_M_DICTIONARY = 0,		/* an alias in diplo.alias or diplo.entity */
	DP_M_TITLE,					/* an unknown name after a role title */
	DP_M_NAME,					/* an unknown capitalised name */
	DP_M_ACRONYM,				/* an unknown acronym */
	DP_M_LINKED,				/* a short form linked to a full name */
	DP_M_NOUN,					/* an unknown name after a noun giving its kind */
	DP_M__COUNT
} DpMethod;

extern const char *const dp_method_names[DP_M__COUNT];

/* A word piece: a token, or one part of a hyphenated compound. */
typedef struct DpPiece
{
	uint32_t	off;
	uint32_t	len;
	uint32_t	coff;
	uint32_t	clen;
	uint32_t	tok;			/* token index in the sentence */
	uint16_t	tflags;			/* the token's flags */
	uint8_t		cls;			/* the token's class */
	bool		cap;			/* starts with a capital */
	bool		initial;		/* first word of a sentence, quote or bullet */
	bool		wordlike;		/* word, acronym, elision, clitic, abbreviation */
	DpWord	   *w;				/* memoised word facts (valid for the sentence; the
								 * runtime's, so the stance grammar's memo bits are
								 * writable) */
} DpPiece;

typedef struct DpPieces
{
	DpPiece    *p;
	size_t		n;
	size_t		cap;
	size_t		words;			/* pieces of class word or acronym ... */
	size_t		allcaps;		/* ... and those in capitals */
} DpPieces;

/* Cut a sentence into pieces (compounds split at hyphens). */
extern void dp_pieces_build(const DpDict *d, DpMem *m, const char *text, const DpSentence *s, DpPieces *out);

typedef struct DpMention
{
	uint32_t	off;			/* byte span in the document */
	uint32_t	len;
	uint32_t	coff;			/* code point span */
	uint32_t	clen;
	uint32_t	sentence;
	uint32_t	piece;			/* first piece in its sentence */
	uint32_t	npieces;
	int32_t		entity;			/* dictionary entity, -1 if none */
	const char *name;			/* canonical name */
	int16_t		actor;			/* country index, -1 if none */
	uint8_t		kind;			/* DpKind */
	uint8_t		method;			/* DpMethod */
	float		confidence;
	char		lastkey[DP_WORD_MAX + 1];	/* folded last word, for linking */
	char		firstkey[DP_WORD_MAX + 1];	/* folded first word when it is a word of
										 * its own, else empty: Kim of Kim Jong-un */
} DpMention;

typedef struct DpMentions
{
	DpMention  *m;
	size_t		n;
	size_t		cap;
} DpMentions;

/*
 * The tokens of every sentence of a document, kept by the tagging pass so
 * that the stance pass need not tokenize again (documents up to
 * DP_KEEP_TOKENS_MAX bytes; longer ones are tokenized twice, in bounded
 * memory).
 */
#define DP_KEEP_TOKENS_MAX (8 * 1024 * 1024)

typedef struct DpDocTokens
{
	DpToken    *tok;			/* all tokens, sentence after sentence */
	size_t		ntok;
	size_t		cap;
	uint32_t   *first;			/* per sentence: index of its first token */
	size_t		nsent;
	size_t		cap_sent;
	bool		kept;			/* false: the document was too long */
	/* the pieces of each sentence, kept for documents up to
	 * DP_KEEP_PIECES_MAX bytes while the word cache was not emptied */
	DpPiece    *pc;
	size_t		npc;
	size_t		cap_pc;
	uint32_t   *pfirst;			/* per sentence: index of its first piece */
	size_t		cap_pfirst;
	bool		pieces_kept;
} DpDocTokens;

#define DP_KEEP_PIECES_MAX (1024 * 1024)

/* Free what dp_tag_document_keep kept. */
extern void dp_doc_tokens_free(DpMem *m, DpDocTokens *keep);

/*
 * Tag a whole document.  Mentions come out in text order; names point into
 * the dictionary or into memory from m.  If keep is not NULL, the tokens of
 * each sentence are kept there.
 */
extern void dp_tag_document(const DpDict *d, DpMem *m, const char *text, size_t n, DpMentions *out);
extern void dp_tag_document_keep(const DpDict *d, DpMem *m, const char *text, size_t n, DpMentions *out,
								 DpDocTokens *keep);

#endif
