/*
 * dp_stance.h
 *	  Stance scoring: who is for or against what, with the words that say so.
 */
#ifndef DP_STANCE_H
#define DP_STANCE_H

#include "dp_entity.h"

typedef struct DpStance
{
	const char *holder;			/* canonical entity */
	const char *target;			/* canonical entity or topic key */
	int16_t		holder_actor;	/* country index or -1 */
	int16_t		target_actor;
	bool		target_topic;
	int8_t		holder_kind;	/* DpKind of the holder, -1 if unknown */
	int8_t		target_kind;	/* DpKind of an entity target, -1 for a topic or unknown */
	bool		negated;
	bool		hedged;
	bool		reported;
	float		score;			/* [-1, 1] */
	uint32_t	sentence;
	uint32_t	cue_off;		/* the cue words, bytes */
	uint32_t	cue_len;
	uint32_t	off;			/* the evidence span, bytes and code points */
	uint32_t	len;
	uint32_t	coff;
	uint32_t	clen;
	int32_t		quote;			/* internal: pending quote speaker, or -1 */
} DpStance;

typedef struct DpStances
{
	DpStance   *s;
	size_t		n;
	size_t		cap;
} DpStances;

/* Every stance of a document, in text order. */
extern void dp_stance_document(const DpDict *d, DpMem *m, const char *text, size_t n, DpStances *out);

#endif
