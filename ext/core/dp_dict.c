/*
 * dp_dict.c
 *	  The compiled dictionary: a phrase trie over folded words, another over
 *	  Snowball stems, the per-word memo cache and the common-word lexicon.
 *
 * A phrase (alias, role title, cue, topic term) is cut into pieces by the
 * same tokenizer as documents, hyphenated compounds split into their parts,
 * so "Maison-Blanche" in a text and the alias "Maison Blanche" meet on the
 * same keys.  Trie edges live in one open-addressing hash table keyed by
 * (parent node, key).
 */
#include "dp_dict.h"
#include "dp_text.h"

#include <libstemmer.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

#include "common_words.h"

const char *const dp_kind_names[DP_KIND__COUNT] = {"PER", "GPE", "ORG", "LOC", "EVENT", "PRODUCT"};
const char *const dp_pos_names[DP_POS__COUNT] = {"verb", "noun", "adj", "adv", "expr"};
const char *const dp_frame_names[DP_FR__COUNT] = {
	"accept", "reject", "support", "oppose", "demand", "propose", "praise", "thank",
	"accuse", "condemn", "threaten", "distrust", "welcome", "hope", "criticize",
	"evaluate", "commit", "seek"
};
const char *const dp_target_mode_names[DP_TM__COUNT] = {"object", "subject", "entity", "both", "self"};
const char *const dp_role_names[DP_ROLE__COUNT] = {
	"head", "minister", "envoy", "spokesperson", "official", "military", "other"
};
const char *const dp_mod_names[DP_MOD__COUNT] = {
	"negation", "hedge", "intensifier", "contrast", "reporting", "pronoun",
	"collective", "leader", "demonstrative", "circumstance", "author", "patient", "sense",
	"receive"
};
const char *const dp_hint_names[3] = {"first", "surname", "place"};

/*
 * Closed-class words a stem phrase may skip in the text between its own
 * words ("retrait de ses troupes" matches "retrait des troupes").
 */
static const char *const function_words[] = {
	"le", "la", "les", "l'", "de", "du", "des", "d'", "un", "une", "a", "au", "aux",
	"en", "ses", "son", "sa", "leur", "leurs", "ce", "cet", "cette", "ces", "se",
	"s'", "et", "sur", "pour", "par", "avec", "dans", "tout", "toute", "tous",
	"toutes", "sa", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "qu'", "que",
	NULL
};

int
dp_name_index(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
dp_kind_from_name(const char *s)
{
	return dp_name_index(dp_kind_names, DP_KIND__COUNT, s);
}

/* ---------------------------------------------------------------- trie */

/* DpNode and struct DpTrie are in dp_dict.h (the lookups are inline). */

/* Hash of the edge (parent, key) from the key's own hash (see DpWord). */
static inline uint64_t
edge_hash_h(uint32_t parent, uint64_t keyhash)
{
	uint64_t	h = keyhash ^ ((uint64_t) (parent + 1) * 0x9E3779B97F4A7C15ULL);

	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 29;
	return h;
}

static inline uint64_t
edge_hash(uint32_t parent, const char *key, size_t keylen)
{
	return edge_hash_h(parent, dp_hash_bytes(key, keylen, 0));
}

static DpTrie *
trie_create(DpMem *m)
{
	DpTrie	   *t = dp_alloc0(m, sizeof(DpTrie));

	t->m = m;
	t->cap = 256;
	t->nodes = dp_alloc0(m, t->cap * sizeof(DpNode));
	t->nnodes = 1;				/* root */
	t->nslots = 512;
	t->slots = dp_alloc0(m, t->nslots * sizeof(uint32_t));
	t->keys_cap = 4096;
	t->keys = dp_alloc(m, t->keys_cap);
	t->keys[0] = '\0';			/* the root's empty key */
	t->keys_len = 1;
	t->vals_cap = 256;
	t->vals = dp_alloc(m, t->vals_cap * sizeof(DpVal));
	t->vals_len = 0;
	return t;
}

static void
trie_grow_slots(DpTrie *t)
{
	uint32_t	n = t->nslots * 2;
	uint32_t   *s = dp_alloc0(t->m, dp_mul_size(t->m, n, sizeof(uint32_t)));

	for (uint32_t id = 1; id < t->nnodes; id++)
	{
		DpNode	   *nd = &t->nodes[id];
		uint64_t	h = edge_hash(nd->parent, t->keys + nd->key, nd->keylen);
		uint32_t	i = (uint32_t) h & (n - 1);

		while (s[i])
			i = (i + 1) & (n - 1);
		s[i] = id;
	}
	dp_free(t->m, t->slots);
	t->slots = s;
	t->nslots = n;
}

uint32_t
dp_trie_child(const DpTrie *t, uint32_t node, const char *key, size_t keylen)
{
	return dp_trie_child_h(t, node, key, keylen, dp_hash_bytes(key, keylen, 0));
}

uint32_t
dp_trie_probe(const DpTrie *t, uint32_t node, const char *key, size_t keylen, uint64_t keyhash)
{
	uint32_t	i;

	i = (uint32_t) edge_hash_h(node, keyhash) & (t->nslots - 1);

	for (;;)
	{
		uint32_t	id = t->slots[i];
		const DpNode *nd;

		if (id == 0)
			return 0;
		nd = &t->nodes[id];
		if (nd->parent == node && nd->keylen == keylen && memcmp(t->keys + nd->key, key, keylen) == 0)
			return id;
		i = (i + 1) & (t->nslots - 1);
	}
}

static uint32_t
trie_add_child(DpTrie *t, uint32_t node, const char *key, size_t keylen)
{
	uint32_t	id = dp_trie_child(t, node, key, keylen);
	uint32_t	i;

	if (id)
		return id;
	if (keylen > 0xFFFF)
		dp_fail(t->m, DP_ERR_BAD_DATA, "dictionary word too long");
	if (t->nnodes == t->cap)
	{
		/* the new half is not cleared: a node is, when it is made (clearing
		 * it all touched twice the memory the nodes use, page by page) */
		t->nodes = dp_realloc(t->m, t->nodes, dp_mul_size(t->m, t->cap * 2, sizeof(DpNode)));
		t->cap *= 2;
	}
	id = t->nnodes++;
	memset(&t->nodes[id], 0, sizeof(DpNode));
	t->nodes[node].children |= (keylen == 1 && key[0] == '*') ? 3 : 1;
	t->nodes[node].bloom |= UINT64_C(1) << (dp_hash_bytes(key, keylen, 0) >> 58);
	t->nodes[id].parent = node;
	if ((uint64_t) t->keys_len + keylen + 1 > t->keys_cap)
	{
		uint64_t	c = t->keys_cap;

		while ((uint64_t) t->keys_len + keylen + 1 > c)
			c *= 2;
		if (c > UINT32_MAX)
			dp_fail(t->m, DP_ERR_TOO_BIG, "dictionary words too long in all");
		t->keys = dp_realloc(t->m, t->keys, (size_t) c);
		t->keys_cap = (uint32_t) c;
	}
	memcpy(t->keys + t->keys_len, key, keylen);
	t->keys[t->keys_len + keylen] = '\0';
	t->nodes[id].key = t->keys_len;
	t->keys_len += (uint32_t) keylen + 1;
	t->nodes[id].keylen = (uint16_t) keylen;
	if ((uint64_t) t->nnodes * 2 > t->nslots)
		trie_grow_slots(t);
	else
	{
		i = (uint32_t) edge_hash(node, key, keylen) & (t->nslots - 1);
		while (t->slots[i])
			i = (i + 1) & (t->nslots - 1);
		t->slots[i] = id;
	}
	return id;
}

static void
trie_add_value(DpTrie *t, uint32_t node, const DpVal *v)
{
	DpNode	   *nd = &t->nodes[node];
	DpVal	   *vals = t->vals + nd->vals;

	/* the same value twice (duplicate rows after folding) is kept once */
	for (int i = 0; i < nd->nvals; i++)
		if (vals[i].type == v->type && vals[i].id == v->id &&
			vals[i].sub == v->sub && vals[i].capmask == v->capmask)
			return;
	if (nd->nvals == 0xFFFF)
		return;
	if (nd->nvals == nd->vcap)
	{
		/* a new run, twice as long, at the end of vals; the old one is
		 * left behind until trie_compact() */
		uint16_t	c = nd->vcap ? (nd->vcap > 0x7FFF ? 0xFFFF : nd->vcap * 2) : 1;

		if ((uint64_t) t->vals_len + c > t->vals_cap)
		{
			uint64_t	cap = t->vals_cap;

			while ((uint64_t) t->vals_len + c > cap)
				cap *= 2;
			if (cap > UINT32_MAX / sizeof(DpVal))
				dp_fail(t->m, DP_ERR_TOO_BIG, "too many dictionary values");
			t->vals = dp_realloc(t->m, t->vals, (size_t) cap * sizeof(DpVal));
			t->vals_cap = (uint32_t) cap;
		}
		if (nd->nvals)
			memcpy(t->vals + t->vals_len, t->vals + nd->vals, nd->nvals * sizeof(DpVal));
		nd->vals = t->vals_len;
		nd->vcap = c;
		t->vals_len += c;
	}
	t->vals[nd->vals + nd->nvals++] = *v;
	nd->here |= (uint16_t) (1u << v->type);
	/* every node on the path learns what lies below it */
	for (uint32_t id = node;; id = t->nodes[id].parent)
	{
		t->nodes[id].below |= (uint16_t) (1u << v->type);
		if (id == 0)
			break;
	}
}

/* The values, one run per node in node order, without the runs left behind. */
static void
trie_compact(DpTrie *t)
{
	uint64_t	total = 0;
	DpVal	   *vals;
	uint32_t	at = 0;

	for (uint32_t id = 0; id < t->nnodes; id++)
		total += t->nodes[id].nvals;
	if (total == t->vals_len)
		return;
	vals = dp_alloc(t->m, dp_mul_size(t->m, total ? total : 1, sizeof(DpVal)));
	for (uint32_t id = 0; id < t->nnodes; id++)
	{
		DpNode	   *nd = &t->nodes[id];

		if (nd->nvals)
			memcpy(vals + at, t->vals + nd->vals, nd->nvals * sizeof(DpVal));
		nd->vals = at;
		nd->vcap = nd->nvals;
		at += nd->nvals;
	}
	dp_free(t->m, t->vals);
	t->vals = vals;
	t->vals_len = at;
	t->vals_cap = total ? (uint32_t) total : 1;
}



/* ---------------------------------------------------------- stemming */

struct DpStemmer
{
	struct sb_stemmer *sb;
};

/* ------------------------------------------------------- word cache */

/*
 * Words are memoised in entries that never move (allocated in chunks), so a
 * sentence's pieces can point at them.  Past DP_CACHE_MAX entries the whole
 * cache is flushed, but only between sentences (dp_dict_word_checkpoint),
 * never while a sentence holds pointers into it.
 */
#define DP_CACHE_MAX 100000
#define DP_CHUNK 1024

typedef struct DpWordCache
{
	DpWordEntry **slots;		/* open addressing over entries */
	uint32_t	nslots;
	uint32_t	nused;			/* entries handed out (cached or not) */
	DpWordEntry **chunks;		/* cache-line aligned ... */
	char	  **blocks;			/* ... inside these allocations */
	uint32_t	nchunks;
	uint32_t	cap_chunks;
	uint32_t	chunk_used;		/* entries used in the last chunk */
	uint64_t	flushes;		/* times the cache was emptied */
	/* in front of it, DpDict.front (dp_dict.h); which of front->ascii are set */
	bool		ascii_done[128];
} DpWordCache;

static bool
in_words(const char *const *list, const char *s, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

/* Index of [s, s+len) in the sorted words text + offs[0..n), or -1. */
static int
bsearch_str(const char *text, const uint32_t *offs, size_t n, const char *s, size_t len)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		const char *w = text + offs[mid];
		int			c = strncmp(w, s, len);

		if (c == 0 && w[len] != '\0')
			c = 1;
		if (c == 0)
			return (int) mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool
dp_common_word(const DpDict *d, const char *key, size_t keylen, const char *stem, size_t stemlen)
{
	(void) d;
	if (keylen == 0)
		return false;
	return bsearch_str(dp_common_lemmas_text, dp_common_lemmas, dp_common_lemmas_N, key, keylen) >= 0 ||
		(stemlen > 2 && bsearch_str(dp_common_stems_text, dp_common_stems, dp_common_stems_N, stem, stemlen) >= 0);
}

/*
 * Fast folding of the common case: words of ASCII letters, digits, ' - .
 * and precomposed Latin-1 letters (U+00C0..U+00FF, lead byte C3).  Such a
 * string is already NFC (nothing in it composes with what precedes it), and
 * the slow path below treats it one character at a time, so the result of
 * each character, computed once by that same slow path, can be
 * concatenated: no utf8proc call per word.  The unit tests compare the two
 * paths.
 */
typedef struct L1Fold
{
	uint8_t		nlow;
	uint8_t		nkey;
	char		low[4];			/* the character in lower case */
	char		key[4];			/* dp_fold_key of low */
} L1Fold;

/* [0x00, 0x80): ASCII bytes; [0x80, 0xC0): U+00C0..U+00FF by second byte */
static L1Fold l1fold[0xC0];
static bool l1fold_ready = false;

static bool
l1_ascii_ok(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
		b == '-' || b == '\'' || b == '.';
}

static void
l1fold_init(const DpDict *d)
{
	for (int i = 0; i < 0xC0; i++)
	{
		int32_t		cp = i < 0x80 ? i : 0xC0 + (i - 0x80);
		L1Fold	   *f = &l1fold[i];
		DpBuf		key = {0};

		if (i < 0x80 && !l1_ascii_ok((unsigned char) i))
			continue;
		/* word_compute_part's per-character steps */
		cp = dp_char_fold_punct(cp);
		if (cp >= 0)
		{
			if (cp == 0x2010 || cp == 0x2011)
				cp = '-';
			cp = utf8proc_tolower(cp);
			f->nlow = (uint8_t) dp_utf8_encode(cp, f->low);
		}
		dp_fold_key(d->mem, f->low, f->nlow, &key);
		if (key.len > sizeof(f->key))
			dp_fail(d->mem, DP_ERR_INTERNAL, "Latin-1 fold longer than 4 bytes");
		if (key.len)
			memcpy(f->key, key.data, key.len);
		f->nkey = (uint8_t) key.len;
		dp_free(d->mem, key.data);
	}
	l1fold_ready = true;
}

/* The table entry of the character at s[i], its length in *len; NULL if
 * the character is outside the fast path. */
static inline const L1Fold *
l1_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] < 0x80)
	{
		*len = 1;
		return l1_ascii_ok(s[i]) ? &l1fold[s[i]] : NULL;
	}
	if (s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF)
	{
		*len = 2;
		return &l1fold[s[i + 1]];
	}
	return NULL;
}

/* false: always the slow path (the unit tests compare both) */
bool		dp_dict_fast_fold = true;

/* Is every character of [s, s+n) on the fast path? */
static bool
l1_eligible(const DpDict *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		len;

	if (!dp_dict_fast_fold)
		return false;
	if (!l1fold_ready)
		l1fold_init(d);
	for (size_t i = 0; i < n; i += len)
		if (!l1_at(u, n, i, &len))
			return false;
	return true;
}

/*
 * Fold an eligible string from the table: its key into key (room for 2 * n
 * bytes), returning the key's length, and, if low is not NULL, its lower-case
 * form into low, stopping like the slow path once lowcap - 4 bytes are
 * filled (*lowlen: their number).
 */
static size_t
l1_fold(const char *s, size_t n, char *key, char *low, size_t lowcap, size_t *lowlen)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		len,
				kl = 0,
				ll = 0;

	for (size_t i = 0; i < n && (low == NULL || ll < lowcap - 4); i += len)
	{
		const L1Fold *f = l1_at(u, n, i, &len);

		memcpy(key + kl, f->key, f->nkey);
		kl += f->nkey;
		if (low)
		{
			memcpy(low + ll, f->low, f->nlow);
			ll += f->nlow;
		}
	}
	if (lowlen)
		*lowlen = ll;
	return kl;
}

/* dp_fold_key, through the fast path when it applies. */
static void
fold_key(const DpDict *d, const char *s, size_t n, DpBuf *out)
{
	if (n <= 4 * DP_WORD_MAX && l1_eligible(d, s, n))
	{
		char		buf[8 * DP_WORD_MAX];

		out->len = l1_fold(s, n, buf, NULL, 0, NULL);
		out->data = dp_alloc(d->mem, out->len + 1);
		memcpy(out->data, buf, out->len);
		out->data[out->len] = '\0';
		return;
	}
	dp_fold_key(d->mem, s, n, out);
}

/*
 * Compute the facts of a word.  Only a bounded prefix counts: longer words
 * never match a dictionary entry, and a 10 MB "word" costs no more than a
 * short one.
 */
static void word_compute_part(const DpDict *d, const char *s, size_t n, DpWord *w, bool key_only);

static void
word_compute(const DpDict *d, const char *s, size_t n, DpWord *w)
{
	word_compute_part(d, s, n, w, false);
}

/* The facts of a word; with key_only, only key and keylen (dictionary
 * building needs no stems). */
static void
word_compute_part(const DpDict *d, const char *s, size_t n, DpWord *w, bool key_only)
{
	char		lower[4 * DP_WORD_MAX + 8];
	size_t		ll = 0;
	size_t		take = n;
	DpBuf		tmp = {0};
	bool		ascii = true;
	const sb_symbol *st = NULL;

	memset(w, 0, sizeof(*w));
	if (take > 2 * DP_WORD_MAX)
	{
		take = 2 * DP_WORD_MAX;
		while (take > 0 && ((unsigned char) s[take] & 0xC0) == 0x80)
			take--;
	}
	for (size_t i = 0; i < take; i++)
		if ((unsigned char) s[i] >= 0x80)
			ascii = false;
	if (ascii)
	{
		for (size_t i = 0; i < take; i++)
			lower[ll++] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
		w->keylen = (uint8_t) (ll > DP_WORD_MAX ? DP_WORD_MAX : ll);
		memcpy(w->key, lower, w->keylen);
	}
	else if (l1_eligible(d, s, take))
	{
		/* the steps below, one table entry per character */
		char		key[2 * sizeof(lower)];
		size_t		kl = l1_fold(s, take, key, lower, sizeof(lower), &ll);

		w->keylen = (uint8_t) (kl > DP_WORD_MAX ? DP_WORD_MAX : kl);
		memcpy(w->key, key, w->keylen);
	}
	else
	{
		size_t		i = 0;
		DpBuf		nfc = {0};

		/* NFC first (NFD text stems like NFC text), then lower case with
		 * accents kept, for the stemmer */
		dp_normalize(d->mem, s, take, &nfc);
		s = nfc.data ? nfc.data : "";
		take = nfc.len;
		while (i < take && ll < sizeof(lower) - 4)
		{
			int32_t		cp;
			int			l = dp_utf8_decode((const unsigned char *) s + i, take - i, &cp);

			if (l < 0)
			{
				i++;
				continue;
			}
			i += l;
			cp = dp_char_fold_punct(cp);
			if (cp < 0)
				continue;
			if (cp == 0x2010 || cp == 0x2011)
				cp = '-';
			cp = utf8proc_tolower(cp);
			ll += dp_utf8_encode(cp, lower + ll);
		}
		dp_fold_key(d->mem, lower, ll, &tmp);
		w->keylen = (uint8_t) (tmp.len > DP_WORD_MAX ? DP_WORD_MAX : tmp.len);
		if (tmp.data)
			memcpy(w->key, tmp.data, w->keylen);
		dp_free(d->mem, tmp.data);
		dp_free(d->mem, nfc.data);
		memset(&tmp, 0, sizeof(tmp));
	}
	if (key_only)
		return;
	w->function = in_words(function_words, w->key, w->keylen);
	/* stem the accented lower-case form, then fold the stem */
	if (ll > 0 && ll <= DP_WORD_MAX && n <= 2 * DP_WORD_MAX)
		st = sb_stemmer_stem(d->rt->stemmer->sb, (const sb_symbol *) lower, (int) ll);
	if (st)
	{
		fold_key(d, (const char *) st, (size_t) sb_stemmer_length(d->rt->stemmer->sb), &tmp);
		w->stemlen = (uint8_t) (tmp.len > DP_WORD_MAX ? DP_WORD_MAX : tmp.len);
		if (tmp.data)
			memcpy(w->stem, tmp.data, w->stemlen);
		dp_free(d->mem, tmp.data);
	}
	else
	{
		w->stemlen = w->keylen;
		memcpy(w->stem, w->key, w->keylen);
	}
	/*
	 * Snowball leaves some verb endings on (rejetons, refusent): stem the
	 * infinitive too, so "rejeter" matches them.
	 */
	w->stem2len = 0;
	if (ll > 4 && ll + 2 <= DP_WORD_MAX && n <= 2 * DP_WORD_MAX)
	{
		size_t		cut = 0;

		if (memcmp(lower + ll - 3, "ons", 3) == 0 || memcmp(lower + ll - 3, "ent", 3) == 0)
			cut = 3;
		else if (memcmp(lower + ll - 2, "ez", 2) == 0)
			cut = 2;
		/* past participles: plébiscité(e)(s) */
		else if (memcmp(lower + ll - 2, "\xC3\xA9", 2) == 0)
			cut = 2;
		else if (memcmp(lower + ll - 3, "\xC3\xA9" "e", 3) == 0 || memcmp(lower + ll - 3, "\xC3\xA9" "s", 3) == 0)
			cut = 3;
		else if (ll > 5 && memcmp(lower + ll - 4, "\xC3\xA9" "es", 4) == 0)
			cut = 4;
		if (cut)
		{
			char		inf[DP_WORD_MAX + 3];
			const sb_symbol *st2;

			memcpy(inf, lower, ll - cut);
			memcpy(inf + ll - cut, "er", 2);
			st2 = sb_stemmer_stem(d->rt->stemmer->sb, (const sb_symbol *) inf, (int) (ll - cut + 2));
			if (st2)
			{
				DpBuf		t2 = {0};

				fold_key(d, (const char *) st2, (size_t) sb_stemmer_length(d->rt->stemmer->sb), &t2);
				if (t2.len <= DP_WORD_MAX && t2.data &&
					!(t2.len == w->stemlen && memcmp(t2.data, w->stem, t2.len) == 0))
				{
					memcpy(w->stem2, t2.data, t2.len);
					w->stem2len = (uint8_t) t2.len;
				}
				dp_free(d->mem, t2.data);
			}
		}
	}
	/* whether it is a common word is looked up when the word is first
	 * used on a text (word_nodes): most words of the dictionary's own
	 * phrases never are, and a first call then skips their lookups */
	w->common = false;
	w->raw_too_long = n > 2 * DP_WORD_MAX;
	w->khash = dp_hash_bytes(w->key, w->keylen, 0);
	w->shash = dp_hash_bytes(w->stem, w->stemlen, 0);
	w->s2hash = dp_hash_bytes(w->stem2, w->stem2len, 0);
}

static DpWordEntry *
cache_new_entry(const DpDict *d)
{
	DpWordCache *c = d->rt->cache;

	if (c->nchunks == 0 || c->chunk_used == DP_CHUNK)
	{
		if (c->nchunks == c->cap_chunks)
		{
			c->cap_chunks = c->cap_chunks ? c->cap_chunks * 2 : 16;
			c->chunks = dp_realloc(d->mem, c->chunks, dp_mul_size(d->mem, c->cap_chunks, sizeof(DpWordEntry *)));
			c->blocks = dp_realloc(d->mem, c->blocks, dp_mul_size(d->mem, c->cap_chunks, sizeof(char *)));
		}
		/* entries start on a cache line (the chunk itself is only 16-byte
		 * aligned: keep the block to free, hand out the aligned part) */
		{
			char	   *raw = dp_alloc(d->mem, sizeof(DpWordEntry) * DP_CHUNK + 64);

			c->blocks[c->nchunks] = raw;
			c->chunks[c->nchunks++] = (DpWordEntry *) (((uintptr_t) raw + 63) & ~(uintptr_t) 63);
		}
		c->chunk_used = 0;
	}
	c->nused++;
	return &c->chunks[c->nchunks - 1][c->chunk_used++];
}

static void
cache_grow(const DpDict *d)
{
	DpWordCache *c = d->rt->cache;
	uint32_t	n = c->nslots * 2;
	DpWordEntry **slots = dp_alloc0(d->mem, dp_mul_size(d->mem, n, sizeof(DpWordEntry *)));

	for (uint32_t i = 0; i < c->nslots; i++)
	{
		DpWordEntry *e = c->slots[i];
		uint32_t	j;

		if (!e)
			continue;
		j = (uint32_t) e->hash & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = e;
	}
	dp_free(d->mem, c->slots);
	c->slots = slots;
	c->nslots = n;
}

/* Forget every cached word (between sentences only). */
static void
cache_flush(const DpDict *d)
{
	DpWordCache *c = d->rt->cache;

	for (uint32_t i = 0; i < c->nchunks; i++)
		dp_free(d->mem, c->blocks[i]);
	c->nchunks = 0;
	c->chunk_used = 0;
	c->nused = 0;
	c->flushes++;
	memset(c->slots, 0, c->nslots * sizeof(DpWordEntry *));
	memset(d->rt->front->slot, 0, sizeof(d->rt->front->slot));
}

uint64_t
dp_dict_word_generation(const DpDict *d)
{
	return d->rt->cache->flushes;
}

void
dp_dict_word_checkpoint(const DpDict *d)
{
	if (d->rt->cache->nused > DP_CACHE_MAX)
		cache_flush(d);
}

/* The root-level trie nodes of a word, once the dictionary is finished. */
static void
word_nodes(const DpDict *d, DpWord *w)
{
	if (!d->finished || w->nodes_done)
		return;
	w->wnode = dp_trie_child_h(d->words, 0, w->key, w->keylen, w->khash);
	w->snode = dp_trie_child_h(d->stems, 0, w->stem, w->stemlen, w->shash);
	if (!w->snode && w->stemlen != w->keylen)
		w->snode = dp_trie_child_h(d->stems, 0, w->key, w->keylen, w->khash);
	if (!w->snode && w->stem2len > 0)
		w->snode = dp_trie_child_h(d->stems, 0, w->stem2, w->stem2len, w->s2hash);
	w->common = !w->raw_too_long && dp_common_word(d, w->key, w->keylen, w->stem, w->stemlen);
	w->where = w->wnode ? d->words->nodes[w->wnode].here : 0;
	w->wbelow = w->wnode ? d->words->nodes[w->wnode].below : 0;
	w->sbelow = w->snode ? d->stems->nodes[w->snode].below : 0;
	w->nodes_done = true;
}


/* dp_dict_word past the front table: the ASCII table, the hash table, or a
 * new entry.  h is the word's hash when 1 < n <= DP_WORD_MAX. */
DpWord *
dp_dict_word_lookup(const DpDict *d, const char *s, size_t n, uint64_t h)
{
	DpWordCache *c = d->rt->cache;
	DpWordEntry *e;
	uint32_t	i;

	if (n > DP_WORD_MAX)
	{
		/* long words are not looked up again; they still live until a flush */
		e = cache_new_entry(d);
		e->rawlen = 0;
		word_compute(d, s, n, &e->w);
		word_nodes(d, &e->w);
		return &e->w;
	}
	if (n == 1 && (unsigned char) s[0] < 0x80)
	{
		unsigned char b = (unsigned char) s[0];

		e = &d->rt->front->ascii[b];
		if (!c->ascii_done[b])
		{
			e->raw[0] = s[0];
			e->rawlen = 1;
			e->hash = dp_hash_bytes(s, 1, 0);
			word_compute(d, s, 1, &e->w);
			c->ascii_done[b] = true;
		}
		if (!e->w.nodes_done)
			word_nodes(d, &e->w);
		return &e->w;
	}
	/* dp_dict_word has looked in the front table */
	i = (uint32_t) h & (c->nslots - 1);
	while ((e = c->slots[i]) != NULL)
	{
		if (e->hash == h && e->rawlen == n && dp_same_bytes(e->raw, s, n))
		{
			if (!e->w.nodes_done)
				word_nodes(d, &e->w);
			d->rt->front->slot[(h >> 32) & (DP_FRONT - 1)] = e;
			return &e->w;
		}
		i = (i + 1) & (c->nslots - 1);
	}
	e = cache_new_entry(d);
	/* all of raw is defined: dp_dict_word() loads up to 16 bytes of it */
	memset(e->raw, 0, sizeof(e->raw));
	memcpy(e->raw, s, n);
	e->rawlen = (uint8_t) n;
	e->hash = h;
	word_compute(d, s, n, &e->w);
	word_nodes(d, &e->w);
	if ((c->nused + 1) * 2 > c->nslots)
	{
		cache_grow(d);
		i = (uint32_t) h & (c->nslots - 1);
		while (c->slots[i])
			i = (i + 1) & (c->nslots - 1);
	}
	c->slots[i] = e;
	return &e->w;
}

/* ------------------------------------------------ name -> index map */

typedef struct DpStrMap
{
	const char **keys;
	int32_t    *vals;
	uint32_t	nslots;
	uint32_t	n;
} DpStrMap;

static int
strmap_get(const DpStrMap *m, const char *key)
{
	uint32_t	i;

	if (m->nslots == 0)
		return -1;
	i = (uint32_t) dp_hash_bytes(key, strlen(key), 7) & (m->nslots - 1);
	while (m->keys[i])
	{
		if (strcmp(m->keys[i], key) == 0)
			return m->vals[i];
		i = (i + 1) & (m->nslots - 1);
	}
	return -1;
}

static void strmap_put(DpMem *mem, DpStrMap *m, const char *key, int32_t val);

static void
strmap_grow(DpMem *mem, DpStrMap *m)
{
	DpStrMap	n = {0};

	n.nslots = m->nslots ? m->nslots * 2 : 256;
	n.keys = dp_alloc0(mem, dp_mul_size(mem, n.nslots, sizeof(char *)));
	n.vals = dp_alloc0(mem, dp_mul_size(mem, n.nslots, sizeof(int32_t)));
	for (uint32_t i = 0; i < m->nslots; i++)
		if (m->keys[i])
			strmap_put(mem, &n, m->keys[i], m->vals[i]);
	dp_free(mem, m->keys);
	dp_free(mem, m->vals);
	*m = n;
}

/* Size an empty map for n keys at once (no growing while they go in):
 * the slot count growing would reach. */
static void
strmap_reserve(DpMem *mem, DpStrMap *m, uint32_t n)
{
	uint64_t	want = 256;

	if (m->n != 0)
		return;
	while ((uint64_t) n * 2 > want)
		want *= 2;
	/* beyond that, growing as usual (dp_mul_size checks the sizes) */
	if (m->nslots >= want || want > ((uint64_t) 1 << 30))
		return;
	if (m->keys)
		dp_free(mem, m->keys);
	if (m->vals)
		dp_free(mem, m->vals);
	m->keys = dp_alloc0(mem, dp_mul_size(mem, (size_t) want, sizeof(char *)));
	m->vals = dp_alloc0(mem, dp_mul_size(mem, (size_t) want, sizeof(int32_t)));
	m->nslots = (uint32_t) want;
}

/* Insert key (kept by reference) unless present. */
static void
strmap_put(DpMem *mem, DpStrMap *m, const char *key, int32_t val)
{
	uint32_t	i;

	if ((m->n + 1) * 2 > m->nslots)
		strmap_grow(mem, m);
	i = (uint32_t) dp_hash_bytes(key, strlen(key), 7) & (m->nslots - 1);
	while (m->keys[i])
	{
		if (strcmp(m->keys[i], key) == 0)
			return;
		i = (i + 1) & (m->nslots - 1);
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

/* ------------------------------------------------------- dictionary */

DpDict *
dp_dict_create(DpMem *m)
{
	DpDict	   *d = dp_alloc0(m, sizeof(DpDict));

	d->mem = m;
	d->rt = dp_alloc0(m, sizeof(DpRuntime));
	d->words = trie_create(m);
	d->stems = trie_create(m);
	d->rt->stemmer = dp_alloc0(m, sizeof(DpStemmer));
	d->rt->stemmer->sb = sb_stemmer_new("french", "UTF_8");
	if (d->rt->stemmer->sb == NULL)
		dp_fail(m, DP_ERR_INTERNAL, "cannot create the French Snowball stemmer");
	d->entity_names = dp_alloc0(m, sizeof(DpStrMap));
	d->country_codes = dp_alloc0(m, sizeof(DpStrMap));
	d->rt->cache = dp_alloc0(m, sizeof(DpWordCache));
	d->rt->cache->nslots = 8192;
	d->rt->cache->slots = dp_alloc0(m, d->rt->cache->nslots * sizeof(DpWordEntry *));
	d->rt->front = dp_alloc0(m, sizeof(DpWordFront));
	return d;
}

void
dp_dict_destroy(DpDict *d)
{
	if (d && d->rt && d->rt->stemmer && d->rt->stemmer->sb)
	{
		sb_stemmer_delete(d->rt->stemmer->sb);
		d->rt->stemmer->sb = NULL;
	}
}

#define GROW(d, arr, n, cap) \
	do { \
		if ((d)->frozen) \
			dp_fail((d)->mem, DP_ERR_INTERNAL, "an attached dictionary is read-only"); \
		if ((n) == (cap)) \
		{ \
			(cap) = (cap) ? (cap) * 2 : 64; \
			(arr) = dp_realloc((d)->mem, (arr), dp_mul_size((d)->mem, (cap), sizeof(*(arr)))); \
		} \
	} while (0)

int
dp_dict_find_country(const DpDict *d, const char *code)
{
	return strmap_get(d->country_codes, code);
}

int
dp_dict_add_country(DpDict *d, const char *code, const char *name)
{
	DpCountry  *c;

	if (strlen(code) != 3)
		dp_fail(d->mem, DP_ERR_BAD_DATA, "country code must have three letters");
	if (dp_dict_find_country(d, code) >= 0)
		return dp_dict_find_country(d, code);
	GROW(d, d->countries, d->ncountries, d->cap_countries);
	c = &d->countries[d->ncountries];
	memcpy(c->code, code, 4);
	c->name = dp_strndup(d->mem, name, strlen(name));
	c->entity = -1;
	strmap_put(d->mem, d->country_codes, dp_strndup(d->mem, code, 3), (int32_t) d->ncountries);
	return (int) d->ncountries++;
}

/*
 * The persons with a usual title who act for state actor, in entity order
 * (*n of them): an index of the entities by state, built on first use in
 * this process, so that a title's look-up in the dictionary reads a few
 * entities, not all of them.
 */
const uint32_t *
dp_dict_titled_persons(const DpDict *d, int actor, uint32_t *n)
{
	DpRuntime  *rt = d->rt;

	*n = 0;
	if (actor < 0 || (uint32_t) actor >= d->ncountries)
		return NULL;
	if (rt->titled_start == NULL)
	{
		uint32_t   *start = dp_alloc0(d->mem, dp_mul_size(d->mem, d->ncountries + 1, sizeof(uint32_t)));
		uint32_t   *fill;
		uint32_t   *list;

		for (uint32_t e = 0; e < d->nentities; e++)
		{
			const DpEntity *en = &d->entities[e];

			if (en->kind == DP_KIND_PER && en->title && en->actor >= 0 && (uint32_t) en->actor < d->ncountries)
				start[en->actor + 1]++;
		}
		for (uint32_t a = 0; a < d->ncountries; a++)
			start[a + 1] += start[a];
		list = dp_alloc(d->mem, dp_mul_size(d->mem, start[d->ncountries] ? start[d->ncountries] : 1,
											 sizeof(uint32_t)));
		fill = dp_alloc(d->mem, dp_mul_size(d->mem, d->ncountries, sizeof(uint32_t)));
		memcpy(fill, start, d->ncountries * sizeof(uint32_t));
		for (uint32_t e = 0; e < d->nentities; e++)
		{
			const DpEntity *en = &d->entities[e];

			if (en->kind == DP_KIND_PER && en->title && en->actor >= 0 && (uint32_t) en->actor < d->ncountries)
				list[fill[en->actor]++] = e;
		}
		dp_free(d->mem, fill);
		rt->titled = list;
		rt->titled_start = start;
	}
	*n = rt->titled_start[actor + 1] - rt->titled_start[actor];
	return rt->titled + rt->titled_start[actor];
}

int
dp_dict_find_entity(const DpDict *d, const char *name)
{
	return strmap_get(d->entity_names, name);
}

int
dp_dict_add_entity(DpDict *d, const char *name, int kind, const char *actor,
				   const char *title, float prior)
{
	DpEntity   *e;

	if (kind < 0 || kind >= DP_KIND__COUNT)
		dp_fail(d->mem, DP_ERR_BAD_DATA, "invalid entity kind");
	GROW(d, d->entities, d->nentities, d->cap_entities);
	if (dp_dict_find_entity(d, name) >= 0)
		return dp_dict_find_entity(d, name);
	e = &d->entities[d->nentities];
	e->name = dp_strndup(d->mem, name, strlen(name));
	e->title = title ? dp_strndup(d->mem, title, strlen(title)) : NULL;
	e->kind = (uint8_t) kind;
	e->prior = prior;
	e->naliases = 0;
	e->actor = (int16_t) (actor ? dp_dict_find_country(d, actor) : -1);
	strmap_put(d->mem, d->entity_names, e->name, (int32_t) d->nentities);
	return (int) d->nentities++;
}

typedef struct PhrasePiece
{
	const char *s;
	size_t		n;
	bool		cap;
} PhrasePiece;

/*
 * Cut a phrase into pieces as documents are cut: tokens, hyphenated
 * compounds split into their parts.  Returns the number of pieces (at most
 * max); pieces point into the phrase.
 */
static int
phrase_pieces(const char *s, size_t n, PhrasePiece *out, int max)
{
	DpLexer		lx;
	DpToken		t;
	int			k = 0;

	dp_lexer_init(&lx, s, n);
	while (dp_lexer_next(&lx, &t))
	{
		const char *p = s + t.off;
		size_t		len = t.len;

		if ((t.flags & DP_TF_HYPHEN) && t.cls == DP_TOK_WORD)
		{
			size_t		a = 0;

			for (size_t i = 0; i <= len; i++)
			{
				bool		hy = false;
				size_t		hl = 0;

				if (i < len && p[i] == '-')
				{
					hy = true;
					hl = 1;
				}
				else if (i + 2 < len && (unsigned char) p[i] == 0xE2 && (unsigned char) p[i + 1] == 0x80 &&
						 ((unsigned char) p[i + 2] == 0x90 || (unsigned char) p[i + 2] == 0x91))
				{
					hy = true;
					hl = 3;
				}
				if (hy || i == len)
				{
					if (i > a && k < max)
					{
						out[k].s = p + a;
						out[k].n = i - a;
						out[k].cap = (t.flags & DP_TF_CAP) && a == 0;
						if (a > 0)
						{
							int32_t		cp;

							out[k].cap = dp_utf8_decode((const unsigned char *) p + a, len - a, &cp) > 0 &&
								dp_char_class(cp) == DP_C_UPPER;
						}
						k++;
					}
					a = i + hl;
					i += hl ? hl - 1 : 0;
				}
			}
		}
		else if (k < max)
		{
			out[k].s = p;
			out[k].n = len;
			out[k].cap = (t.flags & DP_TF_CAP) != 0;
			k++;
		}
		if (k >= max)
			break;
	}
	return k;
}

#define DP_PHRASE_MAX 24

/*
 * Is s[0..n) one word of ASCII and Latin-1 letters (U+00C0..U+00FF but for
 * the multiplication and division signs)?  The lexer makes one token of
 * such a string, capitalised when its first letter is.
 */
static bool
one_word(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	if (n == 0 || n > DP_WORD_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		if ((unsigned char) ((u[i] | 0x20) - 'a') < 26)
			continue;
		if (u[i] == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF &&
			u[i + 1] != 0x97 && u[i + 1] != 0xB7)
		{
			i++;
			continue;
		}
		return false;
	}
	return true;
}

/* The capital flag the lexer gives a one_word() string. */
static bool
one_word_cap(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;

	return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xC3 && u[1] <= 0x9E);
}

/* For the unit tests: where one_word() takes its shortcut, the lexer too
 * makes one piece of the whole phrase, capitalised alike. */
bool
dp_dict_one_word_agrees(const char *s, size_t n)
{
	PhrasePiece pc[DP_PHRASE_MAX];
	int			k;

	if (!one_word(s, n))
		return true;
	k = phrase_pieces(s, n, pc, DP_PHRASE_MAX);
	return k == 1 && pc[0].s == s && pc[0].n == n && pc[0].cap == one_word_cap(s);
}

/*
 * The folded key of a word, as word_compute() makes it, without the stem
 * and lexicon work the word trie does not need (cheaper dictionary loads).
 */
static size_t
word_key(DpDict *d, const char *s, size_t n, char *key)
{
	bool		ascii = n <= 2 * DP_WORD_MAX;
	size_t		kl;

	for (size_t i = 0; i < n && ascii; i++)
		if ((unsigned char) s[i] >= 0x80)
			ascii = false;
	if (ascii)
	{
		kl = n > DP_WORD_MAX ? DP_WORD_MAX : n;
		for (size_t i = 0; i < kl; i++)
			key[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
	}
	else
	{
		DpWord		w;

		word_compute_part(d, s, n, &w, true);
		kl = w.keylen;
		memcpy(key, w.key, kl);
	}
	key[kl] = '\0';
	return kl;
}

/* Insert a phrase into the folded-word trie with a value. */
static void
add_word_phrase(DpDict *d, const char *phrase, DpVal v, bool use_case)
{
	PhrasePiece pc[DP_PHRASE_MAX];
	size_t		n = strlen(phrase);
	int			k;
	uint32_t	node = 0;

	if (d->frozen)
		dp_fail(d->mem, DP_ERR_INTERNAL, "an attached dictionary is read-only");
	if (one_word(phrase, n))
	{
		/* most rows (first names, surnames, places): the lexer's one token */
		pc[0].s = phrase;
		pc[0].n = n;
		pc[0].cap = one_word_cap(phrase);
		k = 1;
	}
	else
		k = phrase_pieces(phrase, n, pc, DP_PHRASE_MAX);

	if (k == 0)
		return;					/* punctuation only: nothing can match */
	v.capmask = 0;
	for (int i = 0; i < k; i++)
	{
		char		key[DP_WORD_MAX + 1];
		size_t		kl = word_key(d, pc[i].s, pc[i].n, key);

		node = trie_add_child(d->words, node, key, kl);
		if (use_case && pc[i].cap && i < 32)
			v.capmask |= 1u << i;
	}
	v.npieces = (uint16_t) k;
	trie_add_value(d->words, node, &v);
}

/*
 * Insert a phrase into the stem trie.  A leading reflexive pronoun is
 * dropped (s'opposer matches "se sont opposés"); after the first piece,
 * function words are dropped, since the matcher skips them in the text.
 * "*" is a gap edge.
 */
static void
add_stem_phrase(DpDict *d, const char *phrase, DpVal v)
{
	PhrasePiece pc[DP_PHRASE_MAX];
	int			k = phrase_pieces(phrase, strlen(phrase), pc, DP_PHRASE_MAX);
	uint32_t	node = 0;
	int			used = 0;

	if (d->frozen)
		dp_fail(d->mem, DP_ERR_INTERNAL, "an attached dictionary is read-only");
	for (int i = 0; i < k; i++)
	{
		const DpWord *w = dp_dict_word(d, pc[i].s, pc[i].n);

		if (used == 0 && k > 1 && (strcmp(w->key, "se") == 0 || strcmp(w->key, "s'") == 0))
			continue;
		if (used > 0 && w->function)
			continue;
		if (pc[i].n == 1 && pc[i].s[0] == '*')
		{
			if (used == 0)
				continue;
			node = trie_add_child(d->stems, node, "*", 1);
			continue;
		}
		node = trie_add_child(d->stems, node, w->stem, w->stemlen);
		used++;
	}
	if (used == 0)
		return;
	v.npieces = (uint16_t) used;
	trie_add_value(d->stems, node, &v);
}

void
dp_dict_add_alias(DpDict *d, const char *alias, int entity)
{
	DpVal		v = {0};

	if (entity < 0 || (uint32_t) entity >= d->nentities)
		dp_fail(d->mem, DP_ERR_BAD_DATA, "alias of an unknown entity");
	v.type = DP_V_ALIAS;
	v.id = (uint32_t) entity;
	/* a two-letter acronym (JO, UE, EI) matches only in capitals: Jo Cox
	 * is no Olympic Games */
	if (strlen(alias) == 2 && alias[0] >= 'A' && alias[0] <= 'Z' && alias[1] >= 'A' && alias[1] <= 'Z')
		v.f = 1.0f;
	add_word_phrase(d, alias, v, true);
	d->entities[entity].naliases++;
}

void
dp_dict_add_demonym(DpDict *d, const char *form, const char *actor)
{
	DpVal		v = {0};
	int			c = dp_dict_find_country(d, actor);

	if (c < 0)
		return;
	v.type = DP_V_DEMONYM;
	v.id = (uint32_t) c;
	add_word_phrase(d, form, v, false);
}

/* A case-insensitive word phrase whose value is a type and a small code. */
static void
add_coded_phrase(DpDict *d, const char *phrase, DpValType type, int code)
{
	DpVal		v = {0};

	v.type = type;
	v.sub = (uint8_t) code;
	add_word_phrase(d, phrase, v, false);
}

void
dp_dict_add_role(DpDict *d, const char *title, int role_class)
{
	add_coded_phrase(d, title, DP_V_ROLE, role_class);
}

void
dp_dict_add_name_head(DpDict *d, const char *word, int kind)
{
	const unsigned char *w = (const unsigned char *) word;
	/* a row in lower case (ministère, not Ministère): DP_HEAD_LOWER */
	bool		lower = (w[0] >= 'a' && w[0] <= 'z') || (w[0] == 0xC3 && w[1] >= 0xA0 && w[1] <= 0xBF);

	add_coded_phrase(d, word, DP_V_HEAD, kind | (lower ? DP_HEAD_LOWER : 0));
}

/* The opening words of a line of page furniture: Partager sur, Abonnez-vous. */
void
dp_dict_add_furniture(DpDict *d, const char *opener)
{
	add_coded_phrase(d, opener, DP_V_FURNITURE, 0);
}

/* A common noun announcing a name of this kind: la société X. */
void
dp_dict_add_name_cue(DpDict *d, const char *cue, int kind)
{
	add_coded_phrase(d, cue, DP_V_NAMECUE, kind);
}

void
dp_dict_add_particle(DpDict *d, const char *word)
{
	DpVal		v = {0};

	v.type = DP_V_PARTICLE;
	add_word_phrase(d, word, v, false);
}

void
dp_dict_add_name_hint(DpDict *d, const char *word, int hint)
{
	DpVal		v = {0};

	v.type = DP_V_HINT;
	v.sub = (uint8_t) hint;
	add_word_phrase(d, word, v, false);
}

int
dp_dict_add_topic(DpDict *d, const char *topic)
{
	for (uint32_t i = 0; i < d->ntopics; i++)
		if (strcmp(d->topics[i], topic) == 0)
			return (int) i;
	GROW(d, d->topics, d->ntopics, d->cap_topics);
	d->topics[d->ntopics] = dp_strndup(d->mem, topic, strlen(topic));
	return (int) d->ntopics++;
}

void
dp_dict_add_topic_term(DpDict *d, const char *term, int topic, int polarity, bool short_form)
{
	DpVal		v = {0};

	v.type = DP_V_TERM;
	v.id = (uint32_t) topic;
	v.sub = (uint8_t) (polarity + 1);
	v.f = short_form ? 1.0f : 0.0f;	/* see DpVal.f */
	add_stem_phrase(d, term, v);
}

void
dp_dict_add_cue(DpDict *d, const char *lemma, int pos, int polarity, float weight,
				int frame, int target_mode)
{
	DpVal		v = {0};
	DpCue	   *c;

	GROW(d, d->cues, d->ncues, d->cap_cues);
	c = &d->cues[d->ncues];
	c->lemma = dp_strndup(d->mem, lemma, strlen(lemma));
	c->pos = (uint8_t) pos;
	c->polarity = (int8_t) polarity;
	c->weight = weight;
	c->frame = (uint8_t) frame;
	c->target_mode = (uint8_t) target_mode;
	v.type = DP_V_CUE;
	v.id = d->ncues++;
	add_stem_phrase(d, lemma, v);
}

void
dp_dict_add_modifier(DpDict *d, const char *word, int type, float factor)
{
	DpVal		v = {0};

	v.type = DP_V_MODIFIER;
	v.sub = (uint8_t) type;
	v.f = factor;
	/*
	 * A sense row names one exact form (maintenant), never its stem: the
	 * stem is the cue's (maintenir) that the form must not take
	 */
	if (type == DP_MOD_SENSE)
		add_word_phrase(d, word, v, false);
	else
		add_stem_phrase(d, word, v);
}

void
dp_dict_finish(DpDict *d)
{
	/* the canonical GPE entity of each state: the entity named like it */
	for (uint32_t i = 0; i < d->ncountries; i++)
		d->countries[i].entity = dp_dict_find_entity(d, d->countries[i].name);
	d->finished = true;
	trie_compact(d->words);
	trie_compact(d->stems);
	/* words cached while building have no trie nodes yet */
	cache_flush(d);
}

/* ------------------------------------------------ rows of the tables */

const DpTableDef dp_tables[DP_T__COUNT] = {
	[DP_T_COUNTRY] = {"country", "code, name", true},
	[DP_T_ENTITY] = {"entity", "name, kind, actor, title, prior", true},
	[DP_T_ALIAS] = {"alias", "alias, entity", false},
	[DP_T_DEMONYM] = {"demonym", "form, actor", false},
	[DP_T_ROLE] = {"role", "title, class", false},
	[DP_T_NAME_HEAD] = {"name_head", "word, kind", false},
	[DP_T_FURNITURE] = {"furniture", "opener", false},
	[DP_T_NAME_CUE] = {"name_cue", "cue, kind", false},
	[DP_T_PARTICLE] = {"particle", "word", false},
	[DP_T_NAME_HINT] = {"name_hint", "word, hint", false},
	[DP_T_TOPIC] = {"topic", "topic", true},
	[DP_T_TOPIC_TERM] = {"topic_term", "term, topic, polarity, short_form", false},
	[DP_T_CUE] = {"cue", "lemma, pos, polarity, weight, frame, target_mode", false},
	[DP_T_MODIFIER] = {"modifier", "word, type, factor", false},
};

void
dp_dict_add_row(DpDict *d, DpTable t, const char *const *col)
{
	int			e;

	switch (t)
	{
		case DP_T_COUNTRY:
			dp_dict_add_country(d, col[0], col[1]);
			break;
		case DP_T_ENTITY:
			e = dp_dict_add_entity(d, col[0], dp_kind_from_name(col[1]), col[2], col[3],
								   col[4] ? strtof(col[4], NULL) : 1.0f);
			/* the canonical name is an alias too */
			dp_dict_add_alias(d, col[0], e);
			break;
		case DP_T_ALIAS:
			e = dp_dict_find_entity(d, col[1]);
			if (e >= 0)
				dp_dict_add_alias(d, col[0], e);
			break;
		case DP_T_DEMONYM:
			dp_dict_add_demonym(d, col[0], col[1]);
			break;
		case DP_T_ROLE:
			dp_dict_add_role(d, col[0], dp_name_index(dp_role_names, DP_ROLE__COUNT, col[1]));
			break;
		case DP_T_NAME_HEAD:
			dp_dict_add_name_head(d, col[0], dp_kind_from_name(col[1]));
			break;
		case DP_T_FURNITURE:
			dp_dict_add_furniture(d, col[0]);
			break;
		case DP_T_NAME_CUE:
			dp_dict_add_name_cue(d, col[0], dp_kind_from_name(col[1]));
			break;
		case DP_T_PARTICLE:
			dp_dict_add_particle(d, col[0]);
			break;
		case DP_T_NAME_HINT:
			dp_dict_add_name_hint(d, col[0], dp_name_index(dp_hint_names, 3, col[1]));
			break;
		case DP_T_TOPIC:
			dp_dict_add_topic(d, col[0]);
			break;
		case DP_T_TOPIC_TERM:
			dp_dict_add_topic_term(d, col[0], dp_dict_add_topic(d, col[1]),
								   atoi(col[2]), col[3][0] == 't');
			break;
		case DP_T_CUE:
			dp_dict_add_cue(d, col[0],
							dp_name_index(dp_pos_names, DP_POS__COUNT, col[1]),
							atoi(col[2]), strtof(col[3], NULL),
							dp_name_index(dp_frame_names, DP_FR__COUNT, col[4]),
							dp_name_index(dp_target_mode_names, DP_TM__COUNT, col[5]));
			break;
		case DP_T_MODIFIER:
			dp_dict_add_modifier(d, col[0],
								 dp_name_index(dp_mod_names, DP_MOD__COUNT, col[1]),
								 strtof(col[2], NULL));
			break;
		case DP_T__COUNT:
			dp_fail(d->mem, DP_ERR_INTERNAL, "no such dictionary table");
	}
}

/*
 * A state's usual name names its canonical entity, unless an entity of that
 * name exists (the countries are in code order).
 */
void
dp_dict_add_state_entities(DpDict *d)
{
	for (uint32_t c = 0, nc = d->ncountries; c < nc; c++)
	{
		const char *name = d->countries[c].name;

		if (dp_dict_find_entity(d, name) < 0)
			dp_dict_add_alias(d, name, dp_dict_add_entity(d, name, DP_KIND_GPE, d->countries[c].code, NULL, 1.0f));
	}
}

/* ------------------------------------------------- position-independent image */

/*
 * The frozen part of a finished dictionary as one block of bytes with
 * offsets instead of pointers: the entities, countries, cues and topics
 * (their string fields hold an offset into a pool of NUL-terminated
 * strings, DP_IMG_NONE for NULL), and for each trie its nodes, edge slots,
 * values and keys exactly as the trie holds them (a node's key and values
 * are offsets already).  dp_dict_attach() checks every count, offset and
 * index, then reads the tries where the image lies (it may be mapped
 * read-only and shared) and copies only the small records whose strings
 * must become pointers; no image, however garbled, makes a read leave it.
 */
#define DP_IMG_MAGIC 0x4D494450u	/* "PDIM" */
#define DP_IMG_NONE UINT64_MAX

typedef struct DpImgHead
{
	uint32_t	magic;
	uint32_t	version;
	uint64_t	total;			/* bytes of the image, this header included */
	uint32_t	nentities;
	uint32_t	ncountries;
	uint32_t	ncues;
	uint32_t	ntopics;
	uint32_t	nnodes[2];		/* words, stems */
	uint32_t	nslots[2];
	uint32_t	nvals[2];
	uint32_t	keys_len[2];
	uint64_t	off_entities;
	uint64_t	off_countries;
	uint64_t	off_cues;
	uint64_t	off_topics;		/* uint64_t pool offsets */
	uint64_t	off_nodes[2];
	uint64_t	off_slots[2];
	uint64_t	off_vals[2];
	uint64_t	off_keys[2];
	uint64_t	off_pool;
	uint64_t	pool_len;
} DpImgHead;

static inline uint64_t
img_align(uint64_t n)
{
	return (n + 15) & ~(uint64_t) 15;
}

static inline void *
img_ptr(uint64_t v)
{
	return (void *) (uintptr_t) v;
}

static inline uint64_t
img_val(const void *p)
{
	return (uint64_t) (uintptr_t) p;
}

static uint64_t
img_strlen(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* The layout of d's image: every count, offset and size of its header. */
static void
img_layout(const DpDict *d, DpImgHead *h)
{
	uint64_t	at = img_align(sizeof(DpImgHead));
	const DpTrie *tries[2] = {d->words, d->stems};
	uint64_t	pool = 0;

	memset(h, 0, sizeof(*h));
	h->magic = DP_IMG_MAGIC;
	h->version = DP_DICT_IMAGE_VERSION;
	h->nentities = d->nentities;
	h->ncountries = d->ncountries;
	h->ncues = d->ncues;
	h->ntopics = d->ntopics;
	h->off_entities = at;
	at = img_align(at + (uint64_t) d->nentities * sizeof(DpEntity));
	h->off_countries = at;
	at = img_align(at + (uint64_t) d->ncountries * sizeof(DpCountry));
	h->off_cues = at;
	at = img_align(at + (uint64_t) d->ncues * sizeof(DpCue));
	h->off_topics = at;
	at = img_align(at + (uint64_t) d->ntopics * sizeof(uint64_t));
	for (int k = 0; k < 2; k++)
	{
		const DpTrie *t = tries[k];
		uint64_t	nv = 0;

		for (uint32_t i = 0; i < t->nnodes; i++)
			nv += t->nodes[i].nvals;
		h->nnodes[k] = t->nnodes;
		h->nslots[k] = t->nslots;
		h->nvals[k] = (uint32_t) nv;
		h->keys_len[k] = t->keys_len;
		h->off_nodes[k] = at;
		at = img_align(at + (uint64_t) t->nnodes * sizeof(DpNode));
		h->off_slots[k] = at;
		at = img_align(at + (uint64_t) t->nslots * sizeof(uint32_t));
		h->off_vals[k] = at;
		at = img_align(at + nv * sizeof(DpVal));
		h->off_keys[k] = at;
		at = img_align(at + t->keys_len);
	}
	for (uint32_t i = 0; i < d->nentities; i++)
		pool += img_strlen(d->entities[i].name) + img_strlen(d->entities[i].title);
	for (uint32_t i = 0; i < d->ncountries; i++)
		pool += img_strlen(d->countries[i].name);
	for (uint32_t i = 0; i < d->ncues; i++)
		pool += img_strlen(d->cues[i].lemma);
	for (uint32_t i = 0; i < d->ntopics; i++)
		pool += img_strlen(d->topics[i]);
	h->off_pool = at;
	h->pool_len = pool ? pool : 1;
	h->total = img_align(at + h->pool_len);
}

/* Put a string in the pool at *at; its offset there. */
static uint64_t
img_str(char *pool, uint64_t *at, const char *s)
{
	uint64_t	off = *at;
	size_t		n;

	if (s == NULL)
		return DP_IMG_NONE;
	n = strlen(s);
	memcpy(pool + off, s, n + 1);
	*at += n + 1;
	return off;
}

size_t
dp_dict_image_size(const DpDict *d)
{
	DpImgHead	h;

	img_layout(d, &h);
	return (size_t) h.total;
}

size_t
dp_dict_image_write(const DpDict *d, void *out, size_t cap)
{
	DpImgHead	h;
	char	   *buf = (char *) out;
	char	   *pool;
	uint64_t	at = 0;
	const DpTrie *tries[2] = {d->words, d->stems};

	img_layout(d, &h);
	if (!d->finished || cap < h.total)
		return 0;
	memset(buf, 0, h.total);
	memcpy(buf, &h, sizeof(h));
	pool = buf + h.off_pool;
	for (uint32_t i = 0; i < d->nentities; i++)
	{
		DpEntity	e;

		memset(&e, 0, sizeof(e));	/* no stray padding bytes in the image */
		e.prior = d->entities[i].prior;
		e.kind = d->entities[i].kind;
		e.actor = d->entities[i].actor;
		e.naliases = d->entities[i].naliases;
		e.name = img_ptr(img_str(pool, &at, d->entities[i].name));
		e.title = img_ptr(img_str(pool, &at, d->entities[i].title));
		memcpy(buf + h.off_entities + (uint64_t) i * sizeof(DpEntity), &e, sizeof(e));
	}
	for (uint32_t i = 0; i < d->ncountries; i++)
	{
		DpCountry	c;

		memset(&c, 0, sizeof(c));
		memcpy(c.code, d->countries[i].code, sizeof(c.code));
		c.entity = d->countries[i].entity;
		c.name = img_ptr(img_str(pool, &at, d->countries[i].name));
		memcpy(buf + h.off_countries + (uint64_t) i * sizeof(DpCountry), &c, sizeof(c));
	}
	for (uint32_t i = 0; i < d->ncues; i++)
	{
		DpCue		c;

		memset(&c, 0, sizeof(c));
		c.pos = d->cues[i].pos;
		c.frame = d->cues[i].frame;
		c.target_mode = d->cues[i].target_mode;
		c.polarity = d->cues[i].polarity;
		c.weight = d->cues[i].weight;
		c.lemma = img_ptr(img_str(pool, &at, d->cues[i].lemma));
		memcpy(buf + h.off_cues + (uint64_t) i * sizeof(DpCue), &c, sizeof(c));
	}
	for (uint32_t i = 0; i < d->ntopics; i++)
	{
		uint64_t	off = img_str(pool, &at, d->topics[i]);

		memcpy(buf + h.off_topics + (uint64_t) i * sizeof(uint64_t), &off, sizeof(off));
	}
	for (int k = 0; k < 2; k++)
	{
		const DpTrie *t = tries[k];
		uint32_t	v = 0;

		/* the values one run per node, in node order (a trie may hold runs
		 * left behind by values added after dp_dict_finish) */
		for (uint32_t i = 0; i < t->nnodes; i++)
		{
			const DpNode *src = &t->nodes[i];
			DpNode		n;

			memset(&n, 0, sizeof(n));
			n.parent = src->parent;
			n.key = src->key;
			n.keylen = src->keylen;
			n.nvals = src->nvals;
			n.bloom = src->bloom;
			n.vcap = src->nvals;
			n.here = src->here;
			n.below = src->below;
			n.children = src->children;
			n.vals = v;
			if (n.nvals)
				memcpy(buf + h.off_vals[k] + (uint64_t) v * sizeof(DpVal), t->vals + src->vals,
					   n.nvals * sizeof(DpVal));
			v += n.nvals;
			memcpy(buf + h.off_nodes[k] + (uint64_t) i * sizeof(DpNode), &n, sizeof(n));
		}
		memcpy(buf + h.off_slots[k], t->slots, (uint64_t) t->nslots * sizeof(uint32_t));
		memcpy(buf + h.off_keys[k], t->keys, t->keys_len);
	}
	return (size_t) h.total;
}

/* [off, off + n * size) inside [lo, len), 8-byte aligned. */
static bool
img_section(uint64_t off, uint64_t n, uint64_t size, uint64_t lo, uint64_t len)
{
	return off >= lo && off <= len && (off & 7) == 0 && n <= (len - off) / (size ? size : 1);
}

static bool
img_str_ok(const DpImgHead *h, uint64_t off, bool null_ok)
{
	if (off == DP_IMG_NONE)
		return null_ok;
	return off < h->pool_len;
}

/* Every check of the image; NULL if it passes, else why not. */
static const char *
img_check(const char *buf, size_t len)
{
	DpImgHead	h;
	uint64_t	end;
	const char *pool;

	if (buf == NULL || len < sizeof(DpImgHead) || ((uintptr_t) buf & 7) != 0)
		return "too short";
	memcpy(&h, buf, sizeof(h));
	if (h.magic != DP_IMG_MAGIC)
		return "bad magic";
	if (h.version != DP_DICT_IMAGE_VERSION)
		return "other version";
	if (h.total != len)
		return "size mismatch";
	/* sections in their order, disjoint, inside the image */
	end = sizeof(DpImgHead);
#define SECTION(off, n, size) \
	do { \
		if (!img_section((off), (n), (size), end, len)) \
			return "section out of bounds"; \
		end = (off) + (uint64_t) (n) * (size); \
	} while (0)
	SECTION(h.off_entities, h.nentities, sizeof(DpEntity));
	SECTION(h.off_countries, h.ncountries, sizeof(DpCountry));
	SECTION(h.off_cues, h.ncues, sizeof(DpCue));
	SECTION(h.off_topics, h.ntopics, sizeof(uint64_t));
	for (int k = 0; k < 2; k++)
	{
		SECTION(h.off_nodes[k], h.nnodes[k], sizeof(DpNode));
		SECTION(h.off_slots[k], h.nslots[k], sizeof(uint32_t));
		SECTION(h.off_vals[k], h.nvals[k], sizeof(DpVal));
		SECTION(h.off_keys[k], h.keys_len[k], 1);
	}
	SECTION(h.off_pool, h.pool_len, 1);
#undef SECTION
	if (h.pool_len == 0)
		return "empty pool";
	pool = buf + h.off_pool;
	if (pool[h.pool_len - 1] != '\0')
		return "pool not terminated";
	if (h.nentities > INT32_MAX || h.ncountries > INT16_MAX)
		return "too many rows";

	for (uint32_t i = 0; i < h.nentities; i++)
	{
		const DpEntity *e = (const DpEntity *) (buf + h.off_entities) + i;

		if (!img_str_ok(&h, img_val(e->name), false) || !img_str_ok(&h, img_val(e->title), true))
			return "bad entity string";
		if (e->kind >= DP_KIND__COUNT || e->actor < -1 || e->actor >= (int32_t) h.ncountries)
			return "bad entity";
	}
	for (uint32_t i = 0; i < h.ncountries; i++)
	{
		const DpCountry *c = (const DpCountry *) (buf + h.off_countries) + i;

		if (!img_str_ok(&h, img_val(c->name), false) || c->code[3] != '\0' ||
			c->entity < -1 || c->entity >= (int64_t) h.nentities)
			return "bad country";
	}
	for (uint32_t i = 0; i < h.ncues; i++)
	{
		const DpCue *c = (const DpCue *) (buf + h.off_cues) + i;

		if (!img_str_ok(&h, img_val(c->lemma), false) || c->pos >= DP_POS__COUNT ||
			c->frame >= DP_FR__COUNT || c->target_mode >= DP_TM__COUNT)
			return "bad cue";
	}
	for (uint32_t i = 0; i < h.ntopics; i++)
	{
		uint64_t	off;

		memcpy(&off, buf + h.off_topics + (uint64_t) i * sizeof(uint64_t), sizeof(off));
		if (!img_str_ok(&h, off, false))
			return "bad topic";
	}
	for (int k = 0; k < 2; k++)
	{
		const DpNode *nodes = (const DpNode *) (buf + h.off_nodes[k]);
		const uint32_t *slots = (const uint32_t *) (buf + h.off_slots[k]);
		const DpVal *vals = (const DpVal *) (buf + h.off_vals[k]);
		bool		empty = false;
		uint64_t	nv = 0;

		if (h.nnodes[k] == 0 || h.nslots[k] < 2 || (h.nslots[k] & (h.nslots[k] - 1)) != 0)
			return "bad trie size";
		for (uint32_t i = 0; i < h.nslots[k]; i++)
		{
			if (slots[i] >= h.nnodes[k])
				return "bad trie slot";
			if (slots[i] == 0)
				empty = true;
		}
		if (!empty)
			return "trie slots full";
		for (uint32_t i = 0; i < h.nnodes[k]; i++)
		{
			const DpNode *n = &nodes[i];

			if ((i == 0 ? n->parent != 0 : n->parent >= i) ||
				(uint64_t) n->key + n->keylen >= h.keys_len[k] ||
				n->vals != nv || n->nvals > h.nvals[k] - nv || n->vcap != n->nvals)
				return "bad trie node";
			nv += n->nvals;
		}
		if (nv != h.nvals[k])
			return "bad trie values";
		for (uint32_t i = 0; i < h.nnodes[k]; i++)
		{
			const DpNode *n = &nodes[i];
			uint32_t	depth = 0;

			if (n->nvals == 0)
				continue;
			/* parents come first: the walk ends, at most i steps */
			for (uint32_t p = i; p != 0 && depth <= 0xFFFF; p = nodes[p].parent)
				depth++;
			for (uint32_t j = 0; j < n->nvals; j++)
			{
				const DpVal *v = &vals[n->vals + j];
				uint32_t	lim = UINT32_MAX;
				uint32_t	sublim = 256;
				uint32_t	sub = v->sub;

				switch ((DpValType) v->type)
				{
					case DP_V_ALIAS:
						lim = h.nentities;
						break;
					case DP_V_DEMONYM:
						lim = h.ncountries;
						break;
					case DP_V_CUE:
						lim = h.ncues;
						break;
					case DP_V_TERM:
						lim = h.ntopics;
						sublim = 3;
						break;
					case DP_V_ROLE:
						sublim = DP_ROLE__COUNT;
						break;
					case DP_V_HEAD:
						/* the kind, beside the flag DP_HEAD_LOWER */
						sub = DP_HEAD_KIND(v->sub);
						sublim = DP_KIND__COUNT;
						break;
					case DP_V_NAMECUE:
						sublim = DP_KIND__COUNT;
						break;
					case DP_V_HINT:
						sublim = 3;
						break;
					case DP_V_MODIFIER:
						sublim = DP_MOD__COUNT;
						break;
					case DP_V_FURNITURE:
					case DP_V_PARTICLE:
						break;
					default:
						return "bad value type";
				}
				if (v->id >= lim || sub >= sublim || v->npieces == 0 || v->npieces > depth)
					return "bad value";
			}
		}
	}
	return NULL;
}

const char *
dp_dict_image_check(const void *image, size_t len)
{
	return img_check((const char *) image, len);
}

DpDict *
dp_dict_attach(DpMem *m, const void *image, size_t len, const char **why)
{
	const char *buf = (const char *) image;
	const char *bad = img_check(buf, len);
	DpImgHead	h;
	DpDict	   *d;
	DpTrie	   *tries[2];
	const char *pool;

	if (why)
		*why = bad;
	if (bad)
		return NULL;
	memcpy(&h, buf, sizeof(h));
	pool = buf + h.off_pool;

	/*
	 * The records with strings are copied and their offsets turned into
	 * pointers into the image's pool (every offset was checked above); the
	 * tries are read where they lie.  The image itself is never written.
	 */
	d = dp_dict_create(m);
	d->nentities = d->cap_entities = h.nentities;
	d->entities = dp_alloc(m, dp_mul_size(m, h.nentities ? h.nentities : 1, sizeof(DpEntity)));
	if (h.nentities)
		memcpy(d->entities, buf + h.off_entities, (size_t) h.nentities * sizeof(DpEntity));
	strmap_reserve(m, d->entity_names, h.nentities);
	for (uint32_t i = 0; i < h.nentities; i++)
	{
		DpEntity   *e = &d->entities[i];

		e->name = pool + img_val(e->name);
		e->title = img_val(e->title) == DP_IMG_NONE ? NULL : pool + img_val(e->title);
		strmap_put(m, d->entity_names, e->name, (int32_t) i);
	}
	d->ncountries = d->cap_countries = h.ncountries;
	d->countries = dp_alloc(m, dp_mul_size(m, h.ncountries ? h.ncountries : 1, sizeof(DpCountry)));
	if (h.ncountries)
		memcpy(d->countries, buf + h.off_countries, (size_t) h.ncountries * sizeof(DpCountry));
	strmap_reserve(m, d->country_codes, h.ncountries);
	for (uint32_t i = 0; i < h.ncountries; i++)
	{
		DpCountry  *c = &d->countries[i];

		c->name = pool + img_val(c->name);
		strmap_put(m, d->country_codes, c->code, (int32_t) i);
	}
	d->ncues = d->cap_cues = h.ncues;
	d->cues = dp_alloc(m, dp_mul_size(m, h.ncues ? h.ncues : 1, sizeof(DpCue)));
	if (h.ncues)
		memcpy(d->cues, buf + h.off_cues, (size_t) h.ncues * sizeof(DpCue));
	for (uint32_t i = 0; i < h.ncues; i++)
		d->cues[i].lemma = pool + img_val(d->cues[i].lemma);
	d->ntopics = d->cap_topics = h.ntopics;
	d->topics = dp_alloc(m, dp_mul_size(m, h.ntopics ? h.ntopics : 1, sizeof(char *)));
	for (uint32_t i = 0; i < h.ntopics; i++)
	{
		uint64_t	off;

		memcpy(&off, buf + h.off_topics + (uint64_t) i * sizeof(uint64_t), sizeof(off));
		d->topics[i] = pool + off;
	}
	tries[0] = d->words;
	tries[1] = d->stems;
	for (int k = 0; k < 2; k++)
	{
		DpTrie	   *t = tries[k];

		/*
		 * The empty arrays of dp_dict_create are left to the memory's owner.
		 * The image's arrays are never written: an attached dictionary is
		 * frozen (nothing may be added, see GROW), and the lookups only read.
		 */
		t->nodes = (DpNode *) (uintptr_t) (buf + h.off_nodes[k]);
		t->nnodes = t->cap = h.nnodes[k];
		t->slots = (uint32_t *) (uintptr_t) (buf + h.off_slots[k]);
		t->nslots = h.nslots[k];
		t->vals = (DpVal *) (uintptr_t) (buf + h.off_vals[k]);
		t->vals_len = t->vals_cap = h.nvals[k];
		t->keys = (char *) (uintptr_t) (buf + h.off_keys[k]);
		t->keys_len = t->keys_cap = h.keys_len[k];
	}
	d->finished = true;
	d->frozen = true;
	d->bytes = len;
	return d;
}
