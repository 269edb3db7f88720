/*
 * test_text.c
 *	  Unit tests of normalisation, tokens and sentences.
 */
#include "unit.h"
#include "dp_text.h"
#include "dp_token.h"

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

void
test_text(void)
{
	/* normalisation */
	NORM("l\xE2\x80\x99" "Ukraine", "l'Ukraine");
	NORM("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE2\x80\x89" "d", "a b c d");
	NORM("Pou\xC2\xADtine", "Poutine");
	NORM("Pou\xE2\x80\x8Btine", "Poutine");
	NORM("cessez\xE2\x80\x91le\xE2\x80\x91" "feu", "cessez-le-feu");
	NORM("E\xCC\x81tats-Unis", "\xC3\x89tats-Unis");
	NORM("", "");
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
