/*
 * test_text.c
 *	  Unit tests of normalisation, tokens and sentences.
 */
#include "unit.h"
#include "dp_text.h"
#include "dp_token.h"

#include <utf8proc.h>

/* Render the tokens of s as "tok|tok|..." with sentence breaks as " / ". */
static char *
render(const char *s)
{
	DpSplitter	sp;
	DpSentence	sent = {0};
	DpBuf		out = {0};
	bool		first = true;

	dp_splitter_init(&sp, &unit_mem, s, strlen(s));
	while (dp_splitter_next(&sp, &sent))
	{
		if (!first)
			dp_buf_append(&unit_mem, &out, " / ", 3);
		for (size_t i = 0; i < sent.ntok; i++)
		{
			if (i > 0)
				dp_buf_putc(&unit_mem, &out, '|');
			dp_buf_append(&unit_mem, &out, s + sent.tok[i].off, sent.tok[i].len);
		}
		first = false;
	}
	dp_free(&unit_mem, sent.tok);
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

static char *
classes(const char *s)
{
	DpLexer		lx;
	DpToken		t;
	DpBuf		out = {0};

	dp_lexer_init(&lx, s, strlen(s));
	while (dp_lexer_next(&lx, &t))
	{
		if (out.len)
			dp_buf_putc(&unit_mem, &out, ' ');
		dp_buf_append(&unit_mem, &out, dp_tok_class_names[t.cls], strlen(dp_tok_class_names[t.cls]));
	}
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

static char *
norm(const char *s)
{
	DpBuf		out = {0};

	dp_normalize(&unit_mem, s, strlen(s), &out);
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

static char *
key(const char *s)
{
	DpBuf		out = {0};

	dp_fold_key(&unit_mem, s, strlen(s), &out);
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	return out.data;
}

#define TOK(in, want) do { char *g = render(in); IS_STR(g, want, "tokens: %s", in); dp_free(&unit_mem, g); } while (0)
#define CLS(in, want) do { char *g = classes(in); IS_STR(g, want, "classes: %s", in); dp_free(&unit_mem, g); } while (0)
#define NORM(in, want) do { char *g = norm(in); IS_STR(g, want, "normalize: %s", in); dp_free(&unit_mem, g); } while (0)
#define KEY(in, want) do { char *g = key(in); IS_STR(g, want, "key: %s", in); dp_free(&unit_mem, g); } while (0)

static void
huge_alloc(void *arg)
{
	(void) arg;
	dp_alloc(&unit_mem, DP_MAX_ALLOC + 1);
}


/* Lex s with and without the fast path; the tokens must be identical. */
static bool
fast_path_agrees(const char *s, size_t n, size_t *ntok)
{
	DpLexer		a,
				b;
	DpToken		ta,
				tb;
	bool		ra,
				rb;

	*ntok = 0;
	dp_lexer_init(&a, s, n);
	dp_lexer_init(&b, s, n);
	for (;;)
	{
		dp_lexer_fast = true;
		ra = dp_lexer_next(&a, &ta);
		dp_lexer_fast = false;
		rb = dp_lexer_next(&b, &tb);
		dp_lexer_fast = true;
		if (ra != rb)
			return false;
		if (!ra)
			return a.pos == b.pos && a.cpos == b.cpos;
		if (memcmp(&ta, &tb, sizeof(DpToken)) != 0)
		{
			fprintf(stderr, "# fast path differs at byte %u: \"%.*s\" (cls %d/%d flags %x/%x len %u/%u clen %u/%u)\n",
					tb.off, (int) tb.len, s + tb.off, ta.cls, tb.cls, ta.flags, tb.flags,
					ta.len, tb.len, ta.clen, tb.clen);
			return false;
		}
		(*ntok)++;
	}
}

/* Split s with and without the fast paths; tokens and sentences must be
 * identical (the splitter has its own loop for plain words). */
static bool
splitter_agrees(const char *s, size_t n, size_t *ntok)
{
	DpSplitter	a,
				b;
	DpSentence	sa = {0},
				sb = {0};
	bool		ra,
				rb,
				same = true;

	*ntok = 0;
	dp_splitter_init(&a, &unit_mem, s, n);
	dp_splitter_init(&b, &unit_mem, s, n);
	for (;;)
	{
		dp_lexer_fast = true;
		ra = dp_splitter_next(&a, &sa);
		dp_lexer_fast = false;
		rb = dp_splitter_next(&b, &sb);
		dp_lexer_fast = true;
		if (ra != rb || sa.ntok != sb.ntok || sa.number != sb.number ||
			(sa.ntok > 0 && memcmp(sa.tok, sb.tok, sa.ntok * sizeof(DpToken)) != 0))
		{
			fprintf(stderr, "# splitter differs in sentence %u (%zu/%zu tokens)\n", sb.number, sa.ntok, sb.ntok);
			same = false;
			break;
		}
		if (!ra)
			break;
		*ntok += sa.ntok;
	}
	dp_free(&unit_mem, sa.tok);
	dp_free(&unit_mem, sb.tok);
	return same;
}

/* splitter_agrees() on every case, reporting the ones that differ. */
static bool
splitter_agrees_all(const char *const *cases, size_t ncases)
{
	bool		all = true;
	size_t		ntok;

	for (size_t i = 0; i < ncases; i++)
		if (!splitter_agrees(cases[i], strlen(cases[i]), &ntok))
		{
			all = false;
			fprintf(stderr, "# split case %zu: %s\n", i, cases[i]);
		}
	return all;
}

static void
test_fast_path(void)
{
	static const char *const cases[] = {
		"Mme Kallas et M. Macron, Dr Who. Mme. etc. janv. Mlles",
		"www.elysee.fr http://x.fr https: hier, Washington: W. Bush",
		"jean.dupont@elysee.fr et marie@x.org ; contact: Paul.",
		"XXIe si\xC3\xA8" "cle, Ier, IVe, Les Ces Vladimir Lavrov Crim\xC3\xA9" "e.",
		"\xC3\x89TATS-UNIS OTAN G7 A B. \xC3\x80 \xC3\xA0 \xC3\x97 \xC3\xB7 caf\xC3\xA9\xC2\xA0!",
		"aujourd'hui l'Ukraine l\xE2\x80\x99OTAN a-t-il dit-elle cessez-le-feu",
		"Pou\xC2\xADtine Pou\xE2\x80\x8Btine E\xCC\x81tats e\xCC\x81t\xC3\xA9 \xC3\xA9t\xC3\xA9\xE2\x80\xA6",
		"\xC2\xAB Non \xC2\xBB, \xE2\x80\x9COui\xE2\x80\x9D (bien) [note] mot\xE2\x80\xAF: 10\xC2\xB0 mot\xC2\xB0",
		"mot\rsuite\nfin\tet\vpuis\fx mot_1 mot2 mot+ mot% mot# @handle #tag",
		"\xC5\x93uvre \xC5\x92uvre na\xC3\xAF" "ve \xC3\x9F \xC3\xBF stra\xC3\x9F" "e",
		"L'Ukraine l\xE2\x80\x99OTAN qu\xE2\x80\x98il jusqu'\xC3\xA0 d'\xC3\x89lys\xC3\xA9" "e aujourd'hui",
		"d\xCA\xBC" "abord l\xE2\x80\xB2x d'\xCE\xB1 l'1 l' l'- s'\xC3\x97 qu'",
		"Ier IIe XXIe Ve Xe Le Les Ce Il CIA Lee CCe LXe Cie XI. Vème Cer IVX",
		"M", "a", "", " ", "\xC3", "ab\xC3", "ab\xC3\x28", "I", "Z.", "z.",
		/* compounds: the fast path takes letters and single ASCII hyphens */
		"Maison-Blanche cessez-le-feu porte-parole \xC3\x89tats-Unis \xC3\x89TATS-UNIS Jean-Luc al-Assad "
		"a-t-il dit-elle va-t-on est-ce peut-\xC3\xAAtre c'est-\xC3\xA0-dire F-16 Covid-19 mot-1 x-Y-z",
		"e-mail jean-luc@elysee.fr Jean-Luc. Saint-P\xC3\xA9tersbourg, Nord-Ouest; sud-est: AB-CD! Mme-Kallas",
		"mot--suite mot- -mot mot-\xC3\x97 \xC3\xA9-mot e-e\xCC\x81 Jean\xE2\x80\x90Luc Jean\xE2\x80\x91Luc Pou-\xC2\xADtine",
		"celui-ci' moi-m\xC3\xAAme\xE2\x80\x99 XXIe-si\xC3\xA8" "cle Ier-x IV-V L-C h-x. www-x.fr week-end\xC2\xA0: fin-",
		"arc-en-ciel\xE2\x80\xA6 vis-\xC3\xA0-vis \xC2\xAB sud-est \xC2\xBB (nord-est) entre-deux-guerres, Jae-myung.",
	};
	size_t		ntok;
	bool		all = true;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!fast_path_agrees(cases[i], strlen(cases[i]), &ntok))
		{
			all = false;
			fprintf(stderr, "# case %zu: %s\n", i, cases[i]);
		}
	OK(all, "fast path: same tokens as the general scanner on tricky cases");

	/* the splitter's loop for plain words: spaces, commas, accents, ends */
	{
		static const char *const split_cases[] = {
			"Le chat noir dort, puis mange  bien ,et   la fin. et apr\xC3\xA8s la suite",
			"Il a dit que la paix \xC3\xA9tait loin, tr\xC3\xA8s loin, trop loin.\nsuite du texte\n\nun paragraphe",
			"Elle parle de la guerre etc. puis se tait, cessez-le-feu l'Ukraine na\xC3\xAF" "ve \xC3\x97 fois \xC3\xB7 non",
			"Un mot\xC2\xA0: deux mots\xE2\x80\xAF; trois \xC2\xAB mots \xC2\xBB quatre, cinq,six",
			"A b c d e f g h i j k l m n o p q r s t u v w x y z, fin",
			"Mot mot", "Mot mot,", "Mot mot ", "Mot \xC3\xA9t\xC3",
			"Hier le pr\xC3\xA9sident Macron a dit, \xC3\xA0 Paris, que l'Ukraine et d'autres \xC3\x89tats, "
			"dont la Pologne, Mme Kallas et Dr Who, puis Louis XIV, Ve, Xe, Ie, I et V, C et L, "
			"Cie Ces Les Lavrov Vladimir Xavier Ivan, jusqu'\xC3\xA0 qu'il n\xE2\x80\x99" "a D'Artagnan L'Europe "
			"lorsqu'Emmanuel quelqu'un presqu' \xC3\x89lys\xC3\xA9" "e \xC3\x80 \xC3\x97x McDonald iPhone Ma Mm St Ste fin",
			"Un mot l' puis d'", "Un mot l'\xC3\xA9t\xC3\xA9 qu\xCA\xBC" "elle l\xE2\x80\x98" "autre c\xE2\x80\xB2" "est",
			/* words right after an elision in a run: lower case, capitals, abbreviations, ends */
			"Un mot l'arm\xC3\xA9" "e, d'Ukraine qu'Emmanuel l'Mme l'St l'Le l'Ier l'\xC3\xA9t\xC3\xA9 d'l'x jusqu'ici, "
			"lorsqu'on l'a l'OTAN l'US, l'Am\xC3\xA9rique d'X l'a-t-il s'est l'ab\xC3 fin",
			"Un mot l'", "Un mot l'a", "Un mot Mo", "Un mot Mo,", "Un mot Paris.",
		};

		bool		a = splitter_agrees_all(split_cases, sizeof(split_cases) / sizeof(split_cases[0]));
		bool		b = splitter_agrees_all(cases, sizeof(cases) / sizeof(cases[0]));

		OK(a && b, "splitter: same tokens and sentences with and without its fast paths");
	}

	/* the bundled corpus, when run from the source tree */
	{
		FILE	   *f = popen("cat data/corpus/*.txt data/stance_sentences.tsv 2>/dev/null", "r");
		DpBuf		buf = {0};
		char		chunk[4096];
		size_t		r;

		while (f && (r = fread(chunk, 1, sizeof(chunk), f)) > 0)
			dp_buf_append(&unit_mem, &buf, chunk, r);
		if (f)
			pclose(f);
		OK(buf.len > 10000 && fast_path_agrees(buf.data, buf.len, &ntok) && ntok > 2000,
		   "fast path: same tokens as the general scanner on the sample corpus (%zu bytes)", buf.len);
		OK(splitter_agrees(buf.data, buf.len, &ntok) && ntok > 2000,
		   "splitter: same tokens and sentences with and without its fast paths on the sample corpus (%zu tokens)", ntok);
		{
			DpSplitter	sp;
			DpSentence	sent = {0};
			size_t		nt = 0,
						ns = 0,
						ct,
						cs;

			dp_splitter_init(&sp, &unit_mem, buf.data, buf.len);
			while (dp_splitter_next(&sp, &sent))
			{
				nt += sent.ntok;
				ns++;
			}
			dp_free(&unit_mem, sent.tok);
			dp_count(&unit_mem, buf.data, buf.len, &ct, &cs);
			OK(ct == nt && cs == ns && ns > 100,
			   "dp_count agrees with the splitter on the sample corpus (%zu/%zu tokens, %zu/%zu sentences)",
			   ct, nt, cs, ns);
		}
		dp_free(&unit_mem, buf.data);
	}
}

/*
 * dp_alloc0 over hooks that hand out dirty memory and count cancel checks:
 * every byte comes back zero, and a large block is zeroed with cancel
 * checks between slices (a 100 MB document's link maps take hundreds of MB;
 * one memset of them kept a query cancel waiting for up to 0.7 s).
 */
static int	alloc0_checks;

static void *
dirty_alloc(void *ctx, size_t n)
{
	void	   *p = unit_mem.alloc(ctx, n);

	memset(p, 0xA5, n);
	return p;
}

static void
count_check(void *ctx)
{
	(void) ctx;
	alloc0_checks++;
}

static void
test_alloc0(void)
{
	DpMem		m = unit_mem;
	size_t		sizes[3] = {100, (size_t) 1 << 22, (size_t) 40 << 20};
	int			want_min[3] = {0, 0, 9};
	int			want_max[3] = {0, 0, 10};

	m.alloc = dirty_alloc;
	m.interrupt = count_check;
	for (int i = 0; i < 3; i++)
	{
		unsigned char *p;
		size_t		nonzero = 0;

		alloc0_checks = 0;
		p = dp_alloc0(&m, sizes[i]);
		for (size_t k = 0; k < sizes[i]; k++)
			nonzero += p[k] != 0;
		OK(nonzero == 0 && alloc0_checks >= want_min[i] && alloc0_checks <= want_max[i],
		   "dp_alloc0(%zu bytes): %zu non-zero bytes, %d cancel checks", sizes[i], nonzero, alloc0_checks);
		dp_free(&m, p);
	}
}

void
test_text(void)
{
	test_fast_path();
	test_alloc0();
	/* normalisation */
	NORM("l\xE2\x80\x99" "Ukraine", "l'Ukraine");
	NORM("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE2\x80\x89" "d", "a b c d");
	NORM("Pou\xC2\xADtine", "Poutine");
	NORM("Pou\xE2\x80\x8Btine", "Poutine");
	NORM("cessez\xE2\x80\x91le\xE2\x80\x91" "feu", "cessez-le-feu");
	NORM("E\xCC\x81tats-Unis", "\xC3\x89tats-Unis");
	NORM("", "");
	/* a zero-width space between a letter and its accent goes first */
	NORM("e\xE2\x80\x8B\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9");
	KEY("E\xC2\xAD\xCC\x81TAT", "etat");
	/* 20 000 bytes without ASCII: the chunk cut falls on a base, not on its mark */
	{
		DpBuf		out = {0};
		DpBuf		in = {0};
		bool		ok = true;

		dp_buf_append(&unit_mem, &in, "\xD0\xB6", 2);	/* ж, then (и + U+0306) x 5000 */
		for (int i = 0; i < 5000; i++)
			dp_buf_append(&unit_mem, &in, "\xD0\xB8\xCC\x86", 4);
		dp_normalize(&unit_mem, in.data, in.len, &out);
		ok = out.len == 2 + 2 * 5000 && memcmp(out.data, "\xD0\xB6", 2) == 0;
		for (int i = 0; ok && i < 5000; i++)
			ok = memcmp(out.data + 2 + 2 * i, "\xD0\xB9", 2) == 0;	/* й */
		OK(ok, "a long non-ASCII run composes across the normalisation chunks (%zu bytes out)", out.len);
	}
	/*
	 * Text of ASCII and Latin-1 letters takes a fast path: it must give what
	 * utf8proc's NFC gives, for every code point U+00C0..U+00FF alone, in a
	 * word, and with a combining mark after it (which composes: U+00E6 + ́
	 * is U+01FD).
	 */
	{
		int			bad = 0;

		for (int cp = 0xC0; cp <= 0xFF; cp++)
		{
			const char *forms[3] = {"%c%c", "Ab%c%cz t", "%c%c\xCC\x81" "e"};

			for (int f = 0; f < 3; f++)
			{
				char		in[32];
				utf8proc_uint8_t *ref;
				const char *got;

				snprintf(in, sizeof(in), forms[f], 0xC3, 0x80 | (cp & 0x3F));
				ref = utf8proc_NFC((const utf8proc_uint8_t *) in);
				got = norm(in);
				if (!ref || strcmp((const char *) ref, got) != 0)
					bad++;
				free(ref);
			}
		}
		OK(bad == 0, "Latin-1 letters normalise as utf8proc's NFC, alone, in words and before a mark (%d differ)", bad);
		OK(strcmp(norm("\xC3\xA6\xCC\x81"), "\xC7\xBD") == 0, "a Latin-1 letter and a combining mark compose");
	}
	KEY("\xC3\x89tats-Unis", "etats-unis");
	KEY("Zaporijia", "zaporijia");
	KEY("E\xCC\x81LYSE\xCC\x81" "E", "elysee");
	KEY("l\xE2\x80\x99OTAN", "l'otan");

	/* elisions, compounds, clitics */
	TOK("l\xE2\x80\x99" "Ukraine d'Istanbul jusqu'ici aujourd'hui",
		"l\xE2\x80\x99|Ukraine|d'|Istanbul|jusqu'|ici|aujourd'hui");
	TOK("le cessez-le-feu des \xC3\x89tats-Unis peut-\xC3\xAAtre",
		"le|cessez-le-feu|des|\xC3\x89tats-Unis|peut-\xC3\xAAtre");
	TOK("a-t-il dit-elle rendez-vous est-ce", "a|-t-il|dit|-elle|rendez-vous|est|-ce");
	CLS("a-t-il", "word clitic");
	/* numbers */
	TOK("1 000 prisonniers, 1\xC2\xA0" "000\xC2\xA0" "000 et 3,5 ou 30 % et 12%",
		"1 000|prisonniers|,|1\xC2\xA0" "000\xC2\xA0" "000|et|3,5|ou|30 %|et|12%");
	CLS("1 000 3,5 30 % 1er 2e XXIe Ve Les", "number number percent ordinal ordinal ordinal ordinal word");
	TOK("en 2022 1 soldat", "en|2022|1|soldat");
	/* abbreviations, initials, acronyms */
	TOK("M. Macron et Mme Kallas, J.D. Vance et W. Bush.",
		"M.|Macron|et|Mme|Kallas|,|J.D.|Vance|et|W.|Bush|.");
	CLS("M. J.D. OTAN G7 UE", "abbreviation initials acronym acronym acronym");
	/* quotes, ellipses */
	CLS("\xC2\xAB oui \xC2\xBB ... \xE2\x80\xA6", "quote word quote punct punct");
	/* web */
	CLS("https://exemple.fr/a?b=1. x@y.fr @Kremlin_ru #Ukraine",
		"url punct email handle hashtag");
	TOK("voir https://exemple.fr/page.", "voir|https://exemple.fr/page|.");

	/* sentences */
	TOK("M. Macron est arriv\xC3\xA9. Il parle.", "M.|Macron|est|arriv\xC3\xA9|. / Il|parle|.");
	TOK("\xC2\xAB Nous verrons. \xC2\xBB a ajout\xC3\xA9 Trump. Fin.",
		"\xC2\xAB|Nous|verrons|.|\xC2\xBB|a|ajout\xC3\xA9|Trump|. / Fin|.");
	TOK("\xC2\xAB Je suis pr\xC3\xAAt. \xC2\xBB Puis rien.",
		"\xC2\xAB|Je|suis|pr\xC3\xAAt|.|\xC2\xBB / Puis|rien|.");
	TOK("Un titre sans point\nLe texte suit.", "Un|titre|sans|point / Le|texte|suit|.");
	TOK("Texte.\n  \xE2\x80\xA2 Donald Trump\n", "Texte|. / \xE2\x80\xA2|Donald|Trump");
	TOK("Il a 3.5 ans.", "Il|a|3.5|ans|.");
	TOK("", "");
	TOK(" \n\t ", "");
	TOK("?!...", "?|!|...");

	/* NFD gives the same tokens as NFC */
	{
		char	   *a = render("L'\xC3\x89lys\xC3\xA9" "e et Kiev.");
		char	   *b = render("L'E\xCC\x81lyse\xCC\x81" "e et Kiev.");
		char	   *na = norm(a);
		char	   *nb = norm(b);

		IS_STR(nb, na, "NFD and NFC give the same normalised tokens");
		dp_free(&unit_mem, a);
		dp_free(&unit_mem, b);
		dp_free(&unit_mem, na);
		dp_free(&unit_mem, nb);
	}
	/* zero-width space inside a name stays inside the token */
	TOK("Pou\xE2\x80\x8Btine parle", "Pou\xE2\x80\x8Btine|parle");
	/* emoji with ZWJ is one symbol */
	CLS("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 ok", "symbol word");
	/* non-ASCII digits (found by the fuzzer: used to hang) */
	TOK("Vote : \xD9\xA1\xD9\xA2 voix.", "Vote|:|\xD9\xA1\xD9\xA2|voix|.");
	/* a combining mark alone */
	CLS("\xCC\x81", "symbol");

	IS_INT(dp_utf8_validate("ab\xC3", 3), 2, "truncated sequence found");
	IS_INT(dp_utf8_validate("\xED\xA0\x80", 3), 0, "surrogate rejected");
	IS_INT(dp_utf8_validate("\xC0\xAF", 2), 0, "overlong rejected");
	IS_INT(dp_utf8_validate("ok \xC3\xA9", 5), -1, "valid text accepted");
	IS_INT(unit_catch(huge_alloc, NULL), DP_ERR_TOO_BIG, "allocation over 1 GB fails cleanly");
}
