/*
 * dp_dict.h
 *	  The compiled dictionary: entities, aliases and the word lists of the
 *	  tagger and the stance grammar, matched through one phrase trie.
 *
 * Rows arrive one by one (from SQL tables in the server, from literals in
 * the unit tests); dp_dict_finish() freezes them.  A finished dictionary is
 * read-only, so one statement can keep using it while a newer one is built.
 * Everything lives in the DpMem given to dp_dict_create: the owner frees it
 * all at once.
 */
#ifndef DP_DICT_H
#define DP_DICT_H

#include "dp_core.h"
#include "dp_token.h"

typedef enum DpKind
{
	DP_KIND_PER = 0,
	DP_KIND_GPE,
	DP_KIND_ORG,
	DP_KIND_LOC,
	DP_KIND_EVENT,
	DP_KIND_PRODUCT,			/* weapons, aircraft, vehicles: found so as not to be taken for names */
	DP_KIND__COUNT
} DpKind;

extern const char *const dp_kind_names[DP_KIND__COUNT];
extern int	dp_kind_from_name(const char *s);

/* What a trie node can mean. */
typedef enum DpValType
{
	DP_V_ALIAS = 0,				/* id = entity */
	DP_V_DEMONYM,				/* id = actor index */
	DP_V_ROLE,					/* sub = role class */
	DP_V_HEAD,					/* sub = DpKind */
	DP_V_NAMECUE,				/* sub = DpKind */
	DP_V_FURNITURE,				/* opens a line of page furniture */
	DP_V_PARTICLE,
	DP_V_HINT,					/* sub = hint */
	DP_V_MODIFIER,				/* sub = modifier type, f = factor */
	DP_V_CUE,					/* id = cue index (stem trie) */
	DP_V_TERM,					/* id = topic, sub = polarity + 1 (stem trie) */
	DP_V__COUNT
} DpValType;

typedef enum DpHint
{
	DP_HINT_FIRST = 0, DP_HINT_SURNAME, DP_HINT_PLACE
} DpHint;

typedef enum DpRoleClass
{
	DP_ROLE_HEAD = 0, DP_ROLE_MINISTER, DP_ROLE_ENVOY, DP_ROLE_SPOKESPERSON,
	DP_ROLE_OFFICIAL, DP_ROLE_MILITARY, DP_ROLE_OTHER, DP_ROLE__COUNT
} DpRoleClass;

typedef enum DpModType
{
	DP_MOD_NEGATION = 0, DP_MOD_HEDGE, DP_MOD_INTENSIFIER, DP_MOD_CONTRAST,
	DP_MOD_REPORTING, DP_MOD_PRONOUN, DP_MOD_COLLECTIVE, DP_MOD_LEADER,
	DP_MOD_DEMONSTRATIVE, DP_MOD_CIRCUMSTANCE, DP_MOD_AUTHOR, DP_MOD_PATIENT, DP_MOD_SENSE,
	DP_MOD_RECEIVE, DP_MOD__COUNT
} DpModType;

/*
 * A name_head row written in lower case (ministère, université) heads a name
 * also when the text writes it in lower case (ministère de l'Intérieur,
 * université Harvard): flagged in the DP_V_HEAD value's sub, beside the kind.
 */
#define DP_HEAD_LOWER 0x80
#define DP_HEAD_KIND(sub) ((sub) & 0x7F)

typedef struct DpVal
{
	uint8_t		type;			/* DpValType */
	uint8_t		sub;
	uint16_t	npieces;		/* pieces in the phrase */
	uint32_t	id;
	uint32_t	capmask;		/* bit i: piece i must be capitalised */
	float		f;				/* a modifier's factor; 1 for a topic term with a short form,
								 * for a two-letter acronym alias that matches only in capitals */
} DpVal;

typedef struct DpEntity
{
	const char *name;
	const char *title;			/* usual role title, may be NULL */
	float		prior;
	uint8_t		kind;
	int16_t		actor;			/* index into countries, -1 for none */
	uint32_t	naliases;
} DpEntity;

typedef struct DpCountry
{
	char		code[4];
	const char *name;			/* usual French short name */
	int32_t		entity;			/* canonical GPE entity, -1 if none */
} DpCountry;

typedef struct DpCue
{
	const char *lemma;
	uint8_t		pos;			/* DpPos */
	uint8_t		frame;			/* DpFrame */
	uint8_t		target_mode;	/* DpTargetMode */
	int8_t		polarity;
	float		weight;
} DpCue;

typedef enum DpPos
{
	DP_POS_VERB = 0, DP_POS_NOUN, DP_POS_ADJ, DP_POS_ADV, DP_POS_EXPR, DP_POS__COUNT
} DpPos;

typedef enum DpFrame
{
	DP_FR_ACCEPT = 0, DP_FR_REJECT, DP_FR_SUPPORT, DP_FR_OPPOSE, DP_FR_DEMAND,
	DP_FR_PROPOSE, DP_FR_PRAISE, DP_FR_THANK, DP_FR_ACCUSE, DP_FR_CONDEMN,
	DP_FR_THREATEN, DP_FR_DISTRUST, DP_FR_WELCOME, DP_FR_HOPE, DP_FR_CRITICIZE,
	DP_FR_EVALUATE, DP_FR_COMMIT, DP_FR_SEEK, DP_FR__COUNT
} DpFrame;

typedef enum DpTargetMode
{
	DP_TM_OBJECT = 0, DP_TM_SUBJECT, DP_TM_ENTITY, DP_TM_BOTH, DP_TM_SELF, DP_TM__COUNT
} DpTargetMode;

extern const char *const dp_pos_names[DP_POS__COUNT];
extern const char *const dp_frame_names[DP_FR__COUNT];
extern const char *const dp_target_mode_names[DP_TM__COUNT];
extern const char *const dp_role_names[DP_ROLE__COUNT];
extern const char *const dp_mod_names[DP_MOD__COUNT];
extern const char *const dp_hint_names[3];
extern int	dp_name_index(const char *const *names, int n, const char *s);

typedef struct DpTrie DpTrie;

/*
 * The trie's insides, for the inline lookups below (dp_dict.c builds it).
 * A node holds offsets, not pointers (its key in the trie's keys, its
 * values in the trie's vals), so that the arrays of a finished trie can be
 * read where an image of them lies (dp_dict_attach), in any process.
 */
typedef struct DpNode
{
	uint32_t	parent;
	uint32_t	key;			/* offset of the key in DpTrie.keys */
	uint32_t	vals;			/* index of the first value in DpTrie.vals */
	uint16_t	keylen;
	uint16_t	nvals;
	uint64_t	bloom;			/* bit (h >> 58) for each child key's hash h */
	uint16_t	vcap;			/* room for values at vals (while building) */
	uint16_t	here;			/* bit t: a value of type t at this node */
	uint16_t	below;			/* bit t: a value of type t here or deeper */
	uint8_t		children;		/* 1: has children; 2: has a "*" gap child */
	uint8_t		pad;
} DpNode;

struct DpTrie
{
	DpMem	   *m;
	DpNode	   *nodes;
	uint32_t	nnodes;
	uint32_t	cap;
	uint32_t   *slots;			/* node ids; 0 = empty (root is never a child) */
	uint32_t	nslots;			/* power of two */
	char	   *keys;			/* the nodes' keys, each NUL-terminated */
	uint32_t	keys_len;
	uint32_t	keys_cap;
	DpVal	   *vals;			/* the nodes' values, a run per node */
	uint32_t	vals_len;		/* used (while building, with runs left behind) */
	uint32_t	vals_cap;
};
typedef struct DpStemmer DpStemmer;

#define DP_WORD_MAX 47

/* Word-level facts, memoised per distinct token text; copied by value. */
typedef struct DpWord
{
	/* the fields read for every piece come first: one cache line */
	uint32_t	wnode;			/* word-trie node of this word from the root, 0 if none */
	uint32_t	snode;			/* stem-trie node from the root (stem, key or stem2), 0 */
	uint16_t	where;			/* bit t: a one-word value of type t (DpValType) */
	uint16_t	wbelow;			/* bit t: a word phrase of type t starts with this word */
	uint16_t	sbelow;			/* bit t: a stem phrase of type t starts here */
	uint8_t		keylen;
	uint8_t		stemlen;
	uint8_t		stem2len;
	bool		common;			/* a common French word (hunspell-fr) */
	bool		function;		/* a function word skipped by stem phrases */
	bool		nodes_done;		/* wnode, snode and common are set */
	bool		raw_too_long;	/* its text is too long to be a common word */
	uint8_t		memo_known;		/* bit b: memo_in bit b is computed ... */
	uint8_t		memo_in;		/* ... membership of word list b (dp_stance.c) */
	uint64_t	khash;			/* dp_hash_bytes of key, stem, stem2: trie edges */
	char		key[DP_WORD_MAX + 1];	/* folded: lower case, no accents */
	uint64_t	shash;
	uint64_t	s2hash;
	char		stem[DP_WORD_MAX + 1];	/* folded Snowball stem */
	char		stem2[DP_WORD_MAX + 1];	/* verb forms Snowball misses: -ons, -ez, -ent as -er */
} DpWord;

/*
 * A memoised word of the word cache (dp_dict.c), here for dp_dict_word()'s
 * inline front-table test.  Entries never move while cached.
 */
#define DP_FRONT 16384

typedef struct DpWordEntry
{
	/* first cache line: what a lookup compares; then the word's hot fields */
	uint64_t	hash;			/* dp_raw_hash(raw) */
	char		raw[DP_WORD_MAX + 1];
	uint8_t		rawlen;
	char		pad[64 - 8 - (DP_WORD_MAX + 1) - 1];	/* w starts a cache line */
	DpWord		w;
} DpWordEntry;

/*
 * The front of the word cache, read inline by dp_dict_word(): a
 * direct-mapped table of recent hits, small enough to stay in the CPU cache
 * (frequent words are most lookups), emptied with the cache; and the
 * one-byte ASCII words (punctuation, "a", "y"), never emptied.
 */
typedef struct DpWordFront
{
	DpWordEntry *slot[DP_FRONT];
	DpWordEntry ascii[128];
} DpWordFront;

/*
 * What a process changes while it uses a dictionary: the stemmer, the word
 * cache and its front, and the tagger's per-document counts.  The
 * dictionary proper (DpDict's arrays and tries) is never written once
 * finished, so that it can be shared (dp_dict_attach); each process that
 * uses it has its own runtime.
 */
typedef struct DpRuntime
{
	DpStemmer  *stemmer;
	struct DpWordCache *cache;
	DpWordFront *front;			/* the word cache's front (dp_dict_word) */

	/*
	 * The tagger's count of earlier mentions per entity in the document at
	 * hand, kept here so that a document does not clear an array of every
	 * entity: a count is valid only where seen_doc[e] is the document's
	 * number (dp_entity.c).
	 */
	uint32_t   *seen_doc;
	uint16_t   *seen_count;
	uint32_t	seen_cap;
	uint32_t	doc_number;

	/*
	 * The persons with a usual title, by the state they act for: those of
	 * state a are titled[titled_start[a] .. titled_start[a + 1]), in entity
	 * order; built on first use (dp_dict_titled_persons()).
	 */
	uint32_t   *titled_start;
	uint32_t   *titled;
} DpRuntime;

typedef struct DpDict
{
	DpMem	   *mem;
	DpEntity   *entities;
	uint32_t	nentities;
	uint32_t	cap_entities;
	DpCountry  *countries;
	uint32_t	ncountries;
	uint32_t	cap_countries;
	DpCue	   *cues;
	uint32_t	ncues;
	uint32_t	cap_cues;
	const char **topics;
	uint32_t	ntopics;
	uint32_t	cap_topics;
	DpTrie	   *words;			/* folded keys: aliases, roles, lists */
	DpTrie	   *stems;			/* stems: cues and topic terms */
	DpRuntime  *rt;				/* this process's mutable state */
	struct DpStrMap *entity_names;
	struct DpStrMap *country_codes;
	bool		finished;
	bool		frozen;			/* attached from an image (dp_dict_attach): nothing may be added */
	size_t		bytes;			/* rough size, for diplo.dictionary_info() */
} DpDict;

/*
 * The dictionary tables (schema diplo), in the order a dictionary is built
 * from them: the columns read from each, in the order dp_dict_add_row()
 * takes them, and whether its rows are read in the order of the first
 * column (COLLATE "C").  ext/pg/pg_dict.c reads them from the database,
 * ext/tools/pgo_train.c from the generated install script.
 */
typedef enum DpTable
{
	DP_T_COUNTRY, DP_T_ENTITY, DP_T_ALIAS, DP_T_DEMONYM, DP_T_ROLE, DP_T_NAME_HEAD,
	DP_T_FURNITURE, DP_T_NAME_CUE, DP_T_PARTICLE, DP_T_NAME_HINT, DP_T_TOPIC,
	DP_T_TOPIC_TERM, DP_T_CUE, DP_T_MODIFIER, DP_T__COUNT
} DpTable;

#define DP_TABLE_MAX_COLS 8

typedef struct DpTableDef
{
	const char *name;
	const char *columns;		/* "code, name" */
	bool		ordered;
} DpTableDef;

extern const DpTableDef dp_tables[DP_T__COUNT];

extern DpDict *dp_dict_create(DpMem *m);

/*
 * Add one row of table t: col[k] is the text of its k-th column in
 * dp_tables[t].columns, NULL for SQL NULL, "t" or "f" for a boolean.  Once
 * the entity rows are in, dp_dict_add_state_entities() (see dp_dict.c).
 */
extern void dp_dict_add_row(DpDict *d, DpTable t, const char *const *col);
extern void dp_dict_add_state_entities(DpDict *d);
extern void dp_dict_destroy(DpDict *d);	/* frees what is not in DpMem */
extern int	dp_dict_add_country(DpDict *d, const char *code, const char *name);
extern int	dp_dict_add_entity(DpDict *d, const char *name, int kind, const char *actor,
							   const char *title, float prior);
extern int	dp_dict_find_entity(const DpDict *d, const char *name);
extern const uint32_t *dp_dict_titled_persons(const DpDict *d, int actor, uint32_t *n);
extern int	dp_dict_find_country(const DpDict *d, const char *code);
extern void dp_dict_add_alias(DpDict *d, const char *alias, int entity);
extern void dp_dict_add_demonym(DpDict *d, const char *form, const char *actor);
extern void dp_dict_add_role(DpDict *d, const char *title, int role_class);
extern void dp_dict_add_name_head(DpDict *d, const char *word, int kind);
extern void dp_dict_add_name_cue(DpDict *d, const char *cue, int kind);
extern void dp_dict_add_furniture(DpDict *d, const char *opener);
extern void dp_dict_add_particle(DpDict *d, const char *word);
extern void dp_dict_add_name_hint(DpDict *d, const char *word, int hint);
extern int	dp_dict_add_topic(DpDict *d, const char *topic);
extern void dp_dict_add_topic_term(DpDict *d, const char *term, int topic, int polarity,
								   bool short_form);
extern void dp_dict_add_cue(DpDict *d, const char *lemma, int pos, int polarity, float weight,
							int frame, int target_mode);
extern void dp_dict_add_modifier(DpDict *d, const char *word, int type, float factor);
extern void dp_dict_finish(DpDict *d);

/*
 * The frozen part of a finished dictionary as a position-independent image
 * (offsets, not pointers), to be stored and attached by another process of
 * the same build.  dp_dict_image_write returns the bytes written, 0 if cap
 * is too small or d is not finished.  dp_dict_attach checks every count,
 * offset and index of image (len bytes, 8-byte aligned; never written, so
 * it may be mapped read-only and shared; it must outlive the dictionary)
 * and returns a finished, frozen dictionary whose tries are read in it, or
 * NULL with the failed check in *why.
 * Bump DP_DICT_IMAGE_VERSION with any change of the records' layout.
 */
#define DP_DICT_IMAGE_VERSION 2
extern size_t dp_dict_image_size(const DpDict *d);
extern size_t dp_dict_image_write(const DpDict *d, void *buf, size_t cap);
extern DpDict *dp_dict_attach(DpMem *m, const void *image, size_t len, const char **why);
/* dp_dict_attach's checks alone: NULL if image passes them, else why not. */
extern const char *dp_dict_image_check(const void *image, size_t len);

/*
 * memcmp(a, b, n) == 0 for the short words here, without a library call:
 * eight bytes at a time, the last eight (or four, or three single bytes)
 * overlapping the ones before, so that no load leaves [a, a+n) or [b, b+n).
 */
static inline bool
dp_same_bytes(const char *a, const char *b, size_t n)
{
	if (n >= 8)
	{
		uint64_t	x,
					y;

		for (size_t i = 0; i + 8 < n; i += 8)
		{
			__builtin_memcpy(&x, a + i, 8);
			__builtin_memcpy(&y, b + i, 8);
			if (x != y)
				return false;
		}
		__builtin_memcpy(&x, a + n - 8, 8);
		__builtin_memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4)
	{
		uint32_t	x1,
					y1,
					x2,
					y2;

		__builtin_memcpy(&x1, a, 4);
		__builtin_memcpy(&y1, b, 4);
		__builtin_memcpy(&x2, a + n - 4, 4);
		__builtin_memcpy(&y2, b + n - 4, 4);
		return x1 == y1 && x2 == y2;
	}
	if (n == 0)
		return true;
	return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

/* dp_raw_hash() of a word of n <= 16 bytes from its loads a and b (below) */
static inline uint64_t
dp_raw_mix(uint64_t a, uint64_t b, size_t n)
{
	uint64_t	h;

	h = (a ^ ((uint64_t) n << 56)) * UINT64_C(0x9E3779B97F4A7C15);
	h ^= (b + n) * UINT64_C(0xC2B2AE3D27D4EB4F);
	return h ^ (h >> 32);
}

/* The bytes of a word of 2 or 3 bytes, packed: its first, middle and last */
static inline uint64_t
dp_raw_short(const char *s, size_t n)
{
	return (uint64_t) (unsigned char) s[0] | ((uint64_t) (unsigned char) s[n / 2] << 8) |
		((uint64_t) (unsigned char) s[n - 1] << 16);
}

/*
 * The hash of a word's raw text for the word cache, 2 <= n <= DP_WORD_MAX.
 * Lookups compare the text itself, so this only spreads words over slots:
 * up to 16 bytes, two overlapping loads and two multiplications, about
 * half of dp_hash_bytes()'s work on the short words that are most lookups.
 * The low bits index the hash table, the high ones the front table.
 */
static inline uint64_t
dp_raw_hash(const char *s, size_t n)
{
	uint64_t	a,
				b;

	if (n > 16)
		return dp_hash_bytes(s, n, 0);
	if (n >= 8)
	{
		__builtin_memcpy(&a, s, 8);
		__builtin_memcpy(&b, s + n - 8, 8);
	}
	else if (n >= 4)
	{
		uint32_t	x,
					y;

		__builtin_memcpy(&x, s, 4);
		__builtin_memcpy(&y, s + n - 4, 4);
		a = x;
		b = y;
	}
	else
	{
		a = dp_raw_short(s, n);
		b = 0;
	}
	return dp_raw_mix(a, b, n);
}

/*
 * strcmp(w->key, k) == 0, for a key k given as a string literal: its length
 * is then known when this is inlined, and the key and k's closing NUL are
 * compared in a few loads instead of a byte loop (key_is() of the tagger and
 * the stance scorer).  The same answer for any NUL-terminated k: w->key
 * holds at most DP_WORD_MAX bytes before its NUL, so a longer k never
 * equals it, and a shorter one equals it exactly when the n + 1 bytes
 * match.
 */
static inline __attribute__((always_inline)) bool
dp_word_key_is(const DpWord *w, const char *k)
{
	size_t		n;

	/* the first byte rejects almost every word */
	if (w->key[0] != k[0])
		return false;
	n = __builtin_strlen(k);
	return n < sizeof(w->key) && __builtin_memcmp(w->key, k, n + 1) == 0;
}

/* dp_dict_word() past the front table (dp_dict.c). */
extern DpWord *dp_dict_word_lookup(const DpDict *d, const char *s, size_t n, uint64_t h);

/*
 * Facts about one word (token text), memoised in this process's runtime
 * (writable: the stance grammar memoises word lists in it).  The pointer stays valid
 * until the next dp_dict_word_checkpoint(), which may flush the cache: call
 * it only between sentences.  Inline: the common case, a word of the front
 * table, without a call (it is a lookup per token).
 */
static inline __attribute__((always_inline)) DpWord *
dp_dict_word(const DpDict *d, const char *s, size_t n)
{
	uint64_t	h = 0;

	if (n > 1 && n <= 16)
	{
		/*
		 * Most words: dp_raw_hash()'s loads (x at the start, y at the end)
		 * are kept, and an entry of the front table is the word when its
		 * length and the same loads from its raw text are equal: they cover
		 * every byte, and the hash is a function of them.  One branch on
		 * the length for the hash and the comparison together, instead of
		 * one in dp_raw_hash() and more in dp_same_bytes() (mispredicted:
		 * word lengths vary).  e->raw has DP_WORD_MAX + 1 bytes, so its
		 * loads at n - 8 <= 8 stay inside it.
		 */
		DpWordEntry *e;
		uint64_t	x,
					y,
					ex,
					ey;

		if (n >= 8)
		{
			__builtin_memcpy(&x, s, 8);
			__builtin_memcpy(&y, s + n - 8, 8);
			h = dp_raw_mix(x, y, n);
			e = d->rt->front->slot[(h >> 32) & (DP_FRONT - 1)];
			if (e == NULL)
				return dp_dict_word_lookup(d, s, n, h);
			__builtin_memcpy(&ex, e->raw, 8);
			__builtin_memcpy(&ey, e->raw + n - 8, 8);
		}
		else if (n >= 4)
		{
			uint32_t	x4,
						y4;

			__builtin_memcpy(&x4, s, 4);
			__builtin_memcpy(&y4, s + n - 4, 4);
			x = x4;
			y = y4;
			h = dp_raw_mix(x, y, n);
			e = d->rt->front->slot[(h >> 32) & (DP_FRONT - 1)];
			if (e == NULL)
				return dp_dict_word_lookup(d, s, n, h);
			__builtin_memcpy(&x4, e->raw, 4);
			__builtin_memcpy(&y4, e->raw + n - 4, 4);
			ex = x4;
			ey = y4;
		}
		else
		{
			x = dp_raw_short(s, n);
			y = 0;
			h = dp_raw_mix(x, y, n);
			e = d->rt->front->slot[(h >> 32) & (DP_FRONT - 1)];
			if (e == NULL)
				return dp_dict_word_lookup(d, s, n, h);
			ex = dp_raw_short(e->raw, n);
			ey = 0;
		}
		if (((ex ^ x) | (ey ^ y) | (uint64_t) (e->rawlen ^ n)) == 0 && e->w.nodes_done)
			return &e->w;
		return dp_dict_word_lookup(d, s, n, h);
	}
	if (n > 16 && n <= DP_WORD_MAX)
	{
		DpWordEntry *e;

		h = dp_raw_hash(s, n);
		e = d->rt->front->slot[(h >> 32) & (DP_FRONT - 1)];
		if (e && e->hash == h && e->rawlen == n && dp_same_bytes(e->raw, s, n) && e->w.nodes_done)
			return &e->w;
	}
	else if (n == 1 && (unsigned char) s[0] < 0x80)
	{
		/* punctuation and one-letter words: a fixed table */
		DpWordEntry *e = &d->rt->front->ascii[(unsigned char) s[0]];

		if (e->w.nodes_done)
			return &e->w;
	}
	return dp_dict_word_lookup(d, s, n, h);
}
/* Tests: the one-word shortcut of phrase loading agrees with the lexer. */
extern bool dp_dict_one_word_agrees(const char *s, size_t n);
/* false: words are folded without the Latin-1 fast path (tests) */
extern bool dp_dict_fast_fold;
/* Changes whenever the word cache is emptied (DpWord pointers die). */
extern uint64_t dp_dict_word_generation(const DpDict *d);
extern void dp_dict_word_checkpoint(const DpDict *d);

/* A trie walk: child of node for key, or 0 (node 0 is the root). */
extern uint32_t dp_trie_child(const DpTrie *t, uint32_t node, const char *key, size_t keylen);
/* The hash-table probe behind dp_trie_child_h. */
extern uint32_t dp_trie_probe(const DpTrie *t, uint32_t node, const char *key, size_t keylen,
							  uint64_t keyhash);

/* dp_trie_child with the key's dp_hash_bytes(key, keylen, 0) given. */
static inline uint32_t
dp_trie_child_h(const DpTrie *t, uint32_t node, const char *key, size_t keylen, uint64_t keyhash)
{
	/* most lookups are misses: a word that no phrase continues with */
	if (!(t->nodes[node].bloom & (UINT64_C(1) << (keyhash >> 58))))
		return 0;
	return dp_trie_probe(t, node, key, keylen, keyhash);
}

/* Does node have children at all; a "*" gap child? */
static inline bool
dp_trie_has_children(const DpTrie *t, uint32_t node)
{
	return t->nodes[node].children != 0;
}

static inline bool
dp_trie_has_gap(const DpTrie *t, uint32_t node)
{
	return (t->nodes[node].children & 2) != 0;
}

/* Bit t set: a value of type t at node or deeper. */
static inline uint16_t
dp_trie_below(const DpTrie *t, uint32_t node)
{
	return t->nodes[node].below;
}

static inline const DpVal *
dp_trie_values(const DpTrie *t, uint32_t node, uint32_t *nvals)
{
	*nvals = t->nodes[node].nvals;
	return t->vals + t->nodes[node].vals;
}

/* Is this lower-case word a common French word (lemma or stem)? */
extern bool dp_common_word(const DpDict *d, const char *key, size_t keylen, const char *stem, size_t stemlen);

#endif
