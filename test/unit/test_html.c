/*
 * test_html.c
 *	  Unit tests of dp_strip_html: tags, references, white space, malformed
 *	  and hostile HTML.
 */
#include "unit.h"
#include "dp_html.h"
#include "dp_text.h"

#include <time.h>

/* The text of html (n bytes), NUL-terminated, as a new block. */
static char *
strip_n(const char *html, size_t n, size_t *outlen)
{
	DpBuf		out = {0};

	dp_strip_html(&unit_mem, html, n, &out);
	if (!out.data)
		dp_buf_append(&unit_mem, &out, "", 0);
	if (outlen)
		*outlen = out.len;
	return out.data;
}

static char *
strip(const char *html)
{
	return strip_n(html, strlen(html), NULL);
}

#define STRIP(in, want) do { char *g = strip(in); IS_STR(g, want, "strip_html: %s", in); dp_free(&unit_mem, g); } while (0)

/* Text with neither '<' nor '&' comes back byte for byte, white space too. */
static void
test_identity(void)
{
	const char *plain[] = {
		"  Emmanuel Macron a re\xC3\xA7u  Volodymyr Zelensky.\t\r\n\r\n\n",
		"a > b, c; d \"e\" 'f' = g / h",
		"\xC2\xA0\xE2\x80\xAF" "1\xC2\xA0" "000 \xE2\x82\xAC \xF0\x9F\x98\x80",
	};

	for (size_t k = 0; k < sizeof(plain) / sizeof(plain[0]); k++)
	{
		size_t		len;
		char	   *g = strip_n(plain[k], strlen(plain[k]), &len);

		OK(len == strlen(plain[k]) && memcmp(g, plain[k], len) == 0,
		   "plain text is returned unchanged (case %zu)", k);
		dp_free(&unit_mem, g);
	}
	STRIP("", "");
}

static void
test_tags(void)
{
	STRIP("Emmanuel <b>Macron</b>", "Emmanuel Macron");
	STRIP("Ma<i>cr</i>on et <a href=\"/x\"><span>Barrot</span></a>", "Macron et Barrot");
	STRIP("<p>Paris</p><p>Berlin</p>", "Paris\n\nBerlin");
	STRIP("a<br>b<br/>c<br />d</br>e", "a\nb\nc\nd\ne");
	STRIP("a<br><br><br><br>b<br></p><p><br>c", "a\n\nb\n\nc");
	STRIP("<ul><li>un</li><li>deux</li></ul>", "un\n\ndeux");
	STRIP("<table><tr><td>France</td><td>12</td></tr><tr><th>Mali</th><td>3</td></tr></table>",
		  "France 12\n\nMali 3");
	/* every block element the brief names is a paragraph break, in any case */
	STRIP("a<div>b<section>c<article>d<header>e<footer>f<blockquote>g<hr>h"
		  "<title>i<figcaption>j<dd>k<dt>l<h1>m<H2>n<h3>o<h4>p<h5>q<h6>r<OL>s<Table>t",
		  "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk\n\nl\n\nm\n\nn\n\n"
		  "o\n\np\n\nq\n\nr\n\ns\n\nt");
	STRIP("<P\nclass=\"lead\"\n>Texte</P\n><hr/>Fin", "Texte\n\nFin");
	/* unknown and inline tags vanish without a space */
	STRIP("l'<abbr>ONU</abbr><sup>1</sup> <custom-tag x=1>et</custom-tag><wbr>ensuite",
		  "l'ONU1 etensuite");
	STRIP("<a title=\"x>y\" href='/z>w' data-x=\"a'b\">Macron</a>", "Macron");
	STRIP("<a href=/x>y</a><a href=>z</a>", "yz");
}

static void
test_dropped(void)
{
	STRIP("<script>var a = '<p>x</p>';</script>Paris<style>p{}</style> "
		  "<noscript>JS</noscript><template><b>t</b></template>Berlin",
		  "Paris Berlin");
	STRIP("<SCRIPT type=\"text/javascript\">x</ScRiPt >y", "y");
	/* </scripts> does not close a script; </script/ does */
	STRIP("<script>a</scripts>b</script/>c", "c");
	STRIP("<iframe src=\"/v\">Votre navigateur</iframe>Texte", "Texte");
	STRIP("<!DOCTYPE html><?xml version=\"1.0\"?>a<!-- <p>x</p> -->b<![CDATA[ c ]]>d", "abd");
	STRIP("<!-->a<!--->b<!---->c", "abc");
	/* nothing left: an empty, terminated string */
	STRIP("<!-- tout -->", "");
	STRIP("<p> &nbsp; </p>\n<br>", "");
	STRIP("<html><head><title>Le Monde</title><meta charset=\"utf-8\"></head>"
		  "<body><p>Texte</p></body></html>",
		  "Le Monde\n\nTexte");
}

static void
test_references(void)
{
	STRIP("&laquo;&nbsp;Paix&nbsp;&raquo; &amp; &lt;p&gt; &quot;&apos; &AMP;&LT;&GT;&QUOT;",
		  "\xC2\xAB Paix \xC2\xBB & <p> \"' &<>\"");
	STRIP("&Eacute;tats-Unis, C&ocirc;te d&rsquo;Ivoire, l&rsquo;&OElig;uvre, na&iuml;f",
		  "\xC3\x89tats-Unis, C\xC3\xB4te d\xE2\x80\x99Ivoire, l\xE2\x80\x99\xC5\x92uvre, na\xC3\xAF" "f");
	/* nbsp and the fixed-width spaces part words; shy is dropped */
	STRIP("Jean&nbsp;Dupont Pou&shy;tine a&thinsp;b&ensp;c&emsp;d&#8239;e&#160;f&#x2009;g",
		  "Jean Dupont Poutine a b c d e f g");
	STRIP("&#233;&#xE9;&#XE9;&#0000000233;&#x1F600;&#65 z&#x41", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80" "A zA");
	/* NUL, surrogates, beyond U+10FFFF, controls: U+FFFD */
	STRIP("&#0;&#xD800;&#xDFFF;&#x110000;&#99999999999999999999;&#1;&#x7F;",
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* &#128;..&#159; are windows-1252, as browsers read them */
	STRIP("l&#146;Etat &#128; &#150; &#129;", "l\xE2\x80\x99" "Etat \xE2\x82\xAC \xE2\x80\x93 \xEF\xBF\xBD");
	/* unknown names, a missing ';', a bare '&' and empty numbers stay */
	STRIP("AT&T &foo; &amp &#; &#x; &eacutee; & fin&", "AT&T &foo; &amp &#; &#x; &eacutee; & fin&");
	/* every name of the table (which the lookup bisects: a misplaced row fails) */
	STRIP("|&AElig;|&AMP;|&Aacute;|&Acirc;|&Agrave;|&Auml;|&Ccedil;|&Eacute;|"
		  "&Ecirc;|&Egrave;|&Euml;|&GT;|&Iacute;|&Icirc;|&Iuml;|&LT;|&Ntilde;|"
		  "&OElig;|&Oacute;|&Ocirc;|&Ouml;|&QUOT;|&Uacute;|&Ucirc;|&Ugrave;|"
		  "&Uuml;|&Yuml;|&aacute;|&acirc;|&aelig;|&agrave;|&amp;|&apos;|&auml;|"
		  "&bdquo;|&bull;|&ccedil;|&cent;|&copy;|&dagger;|&deg;|&eacute;|&ecirc;|"
		  "&egrave;|&emsp;|&ensp;|&euml;|&euro;|&frac12;|&frac14;|&frac34;|&gt;|"
		  "&hairsp;|&hellip;|&iacute;|&icirc;|&iexcl;|&iquest;|&iuml;|&laquo;|"
		  "&ldquo;|&lrm;|&lsaquo;|&lsquo;|&lt;|&mdash;|&middot;|&minus;|&nbsp;|"
		  "&ndash;|&ntilde;|&oacute;|&ocirc;|&oelig;|&ordf;|&ordm;|&ouml;|&para;|"
		  "&plusmn;|&pound;|&quot;|&raquo;|&rdquo;|&reg;|&rlm;|&rsaquo;|&rsquo;|"
		  "&sbquo;|&sect;|&shy;|&sup1;|&sup2;|&sup3;|&szlig;|&thinsp;|&times;|"
		  "&trade;|&uacute;|&ucirc;|&ugrave;|&uuml;|&yen;|&yuml;|&zwj;|&zwnj;|",
		  "|\xC3\x86|&|\xC3\x81|\xC3\x82|\xC3\x80|\xC3\x84|\xC3\x87|\xC3\x89|"
		  "\xC3\x8A|\xC3\x88|\xC3\x8B|>|\xC3\x8D|\xC3\x8E|\xC3\x8F|<|\xC3\x91|"
		  "\xC5\x92|\xC3\x93|\xC3\x94|\xC3\x96|\"|\xC3\x9A|\xC3\x9B|\xC3\x99|"
		  "\xC3\x9C|\xC5\xB8|\xC3\xA1|\xC3\xA2|\xC3\xA6|\xC3\xA0|&|'|\xC3\xA4|"
		  "\xE2\x80\x9E|\xE2\x80\xA2|\xC3\xA7|\xC2\xA2|\xC2\xA9|\xE2\x80\xA0|"
		  "\xC2\xB0|\xC3\xA9|\xC3\xAA|\xC3\xA8| | |\xC3\xAB|\xE2\x82\xAC|"
		  "\xC2\xBD|\xC2\xBC|\xC2\xBE|>| |\xE2\x80\xA6|\xC3\xAD|\xC3\xAE|"
		  "\xC2\xA1|\xC2\xBF|\xC3\xAF|\xC2\xAB|\xE2\x80\x9C|\xE2\x80\x8E|"
		  "\xE2\x80\xB9|\xE2\x80\x98|<|\xE2\x80\x94|\xC2\xB7|\xE2\x88\x92| |"
		  "\xE2\x80\x93|\xC3\xB1|\xC3\xB3|\xC3\xB4|\xC5\x93|\xC2\xAA|\xC2\xBA|"
		  "\xC3\xB6|\xC2\xB6|\xC2\xB1|\xC2\xA3|\"|\xC2\xBB|\xE2\x80\x9D|\xC2\xAE|"
		  "\xE2\x80\x8F|\xE2\x80\xBA|\xE2\x80\x99|\xE2\x80\x9A|\xC2\xA7||"
		  "\xC2\xB9|\xC2\xB2|\xC2\xB3|\xC3\x9F| |\xC3\x97|\xE2\x84\xA2|\xC3\xBA|"
		  "\xC3\xBB|\xC3\xB9|\xC3\xBC|\xC2\xA5|\xC3\xBF|\xE2\x80\x8D|"
		  "\xE2\x80\x8C|");
}

static void
test_whitespace(void)
{
	STRIP("  <p>  a \t\t b  </p>\n\n\n<p>\tc  </p>  \n", "a b\n\nc");
	/* a newline in the source is a space: the splitter must not cut here */
	STRIP("<p>Emmanuel\nMacron\r\na   re\xC3\xA7u</p>", "Emmanuel Macron a re\xC3\xA7u");
	STRIP("\n\n<br><br>a <br> b<br>\n", "a\nb");
	/* inside <pre> newlines are line breaks, runs of spaces still one */
	STRIP("<pre>a  b\nc\r\nd\re\n\n\n\nf</pre>g", "a b\nc\nd\ne\n\nf\n\ng");
	/* appended after what the buffer holds, without a leading break */
	{
		DpBuf		out = {0};

		dp_buf_append(&unit_mem, &out, "Titre", 5);
		dp_strip_html(&unit_mem, "<p>a</p>", 8, &out);
		IS_STR(out.data, "Titrea", "strip_html appends to the buffer's text");
		dp_free(&unit_mem, out.data);
	}
}

static void
test_malformed(void)
{
	STRIP("a < b et x<3, y <= z <&amp; </ 5 <", "a < b et x<3, y <= z <& </ 5 <");
	/* a tag no '>' ever ends is text */
	STRIP("A &amp; B <a href=\"x", "A & B <a href=\"x");
	STRIP("<b>Macron</b> <i", "Macron <i");
	/* an unclosed quote: that tag and the next ones end at their first '>' */
	STRIP("<a title=\"x>Macron</a> et <b>Barrot</b>", "Macron et Barrot");
	/* but a value runs to the next quote, as in a browser */
	STRIP("<a title=\"x>Macron</a> et <b class=\"y>Barrot</b>", "Barrot");
	/* unclosed comments, scripts, CDATA and declarations drop the rest */
	STRIP("a<!-- b <p>c</p>", "a");
	STRIP("a<script>b</p>c", "a");
	STRIP("a<![CDATA[b", "a");
	STRIP("a<!DOCTYPE", "a");
	STRIP("a<?php", "a");
	STRIP("a<!--", "a");
	STRIP("<<p>>a<</p>>", "<\n\n>a<\n\n>");
}

/* Multi-byte characters touching tags and references come through whole. */
static void
test_utf8(void)
{
	const char *html = "<b>\xC3\xA9</b>t<i>\xC3\xA9</i> \xC2\xAB<a>\xC3\x89lys\xC3\xA9" "e</a>\xC2\xBB "
		"\xE6\x97\xA5\xE6\x9C\xAC<br>\xF0\x9F\x98\x80&#x1F1EB;&#x1F1F7;<!--\xC3\xA9-->\xE2\x80\x99&shy;";
	bool		ok = true;
	size_t		n = strlen(html);

	STRIP(html, "\xC3\xA9t\xC3\xA9 \xC2\xAB\xC3\x89lys\xC3\xA9" "e\xC2\xBB \xE6\x97\xA5\xE6\x9C\xAC\n"
		  "\xF0\x9F\x98\x80\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xE2\x80\x99");

	/* every prefix that is valid UTF-8 gives valid UTF-8, never longer */
	for (size_t k = 0; k <= n && ok; k++)
	{
		size_t		len;
		char	   *g;

		if (dp_utf8_validate(html, k) != -1)
			continue;
		g = strip_n(html, k, &len);
		ok = dp_utf8_validate(g, len) == -1 && len <= k;
		dp_free(&unit_mem, g);
	}
	OK(ok, "every valid prefix of a multi-byte page strips to valid UTF-8 no longer than it");
}

/*
 * Inputs built to make a careless scanner rescan: a quadratic one would
 * take hours on them, a linear one milliseconds (even under ASan).
 */
static void
test_linear(void)
{
	const char *unit[] = {"<a x=\"", "<a ", "<!", "&#", "&eacut", "<script>", "</", "<a x='>'",
	"<p>\"", "<!--"};
	const size_t size = 4 * 1024 * 1024;

	for (size_t k = 0; k < sizeof(unit) / sizeof(unit[0]); k++)
	{
		DpBuf		in = {0};
		DpBuf		out = {0};
		size_t		ulen = strlen(unit[k]);
		clock_t		t0;
		double		secs;

		dp_buf_reserve(&unit_mem, &in, size);
		while (in.len + ulen <= size)
			dp_buf_append(&unit_mem, &in, unit[k], ulen);
		t0 = clock();
		dp_strip_html(&unit_mem, in.data, in.len, &out);
		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
		OK(secs < 2.0 && out.len <= in.len &&
		   (out.len == 0 || dp_utf8_validate(out.data, out.len) == -1),
		   "4 MB of \"%s\" stripped in %.3f s (linear), %zu bytes out", unit[k], secs, out.len);
		dp_free(&unit_mem, in.data);
		if (out.data)
			dp_free(&unit_mem, out.data);
	}
}

void
test_html(void)
{
	test_identity();
	test_tags();
	test_dropped();
	test_references();
	test_whitespace();
	test_malformed();
	test_utf8();
	test_linear();
}
