/*
 * gen_common.c
 *	  Build-time generator of the common-word lexicon.
 *
 * Reads hunspell-fr's dictionary and writes a C header holding two sorted
 * arrays: the folded lemmas of every common (lower-case) French word and of
 * the acronyms it lists as common nouns, and the words' folded Snowball
 * stems.  The tagger uses them to tell a capitalised
 * common word ("Selon", "Partager") from an unknown name; compiling them
 * into the module costs nothing at backend start.
 *
 * usage: gen_common fr.dic > common_words.h
 *        gen_common --stem < words > word-TAB-stem lines
 *
 * The second form prints the folded Snowball stem of each lower-case word
 * read, one per line, as the tagger computes it: scripts/gen_lexicon.py
 * uses it to list the inflected forms of a cue that the stem matcher would
 * not join to the cue (reconnu / reconnaître).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>
#include <utf8proc.h>

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static char *
fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *) s, 0, &out,
					 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
					 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
		return NULL;
	return (char *) out;
}

/*
 * One string of NUL-terminated words and an array of offsets into it: no
 * pointer array, so no load-time relocation (an array of 125 000 pointers
 * cost every new backend 125 000 relocations when it loaded diplo.so).
 */
static void
emit(const char *name, char **v, size_t n)
{
	size_t		k = 0,
				off = 0;

	qsort(v, n, sizeof(char *), cmp);
	printf("static const char %s_text[] =\n", name);
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		printf("\t\"");
		for (const char *p = v[i]; *p; p++)
		{
			if (*p == '"' || *p == '\\')
				putchar('\\');
			putchar(*p);
		}
		printf("\\0\"\n");
	}
	printf("\t\"\";\nstatic const uint32_t %s[] = {\n", name);
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		printf("\t%zu,\n", off);
		off += strlen(v[i]) + 1;
		k++;
	}
	printf("};\n#define %s_N %zu\n\n", name, k);
}

/* Append v to the growing array *arr of *n strings. */
static int
push(char ***arr, size_t *n, size_t *cap, char *v)
{
	if (*n == *cap)
	{
		*cap = *cap ? *cap * 2 : 65536;
		*arr = realloc(*arr, *cap * sizeof(char *));
		if (*arr == NULL)
			return -1;
	}
	(*arr)[(*n)++] = v;
	return 0;
}

/* An all-capitals ASCII acronym of 2 to 6 letters (ONG, PIB). */
static int
is_acronym(const char *w, size_t n)
{
	if (n < 2 || n > 6)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return 0;
	return 1;
}

/* gen_common --stem: word TAB folded stem, for each line of stdin. */
static int
stem_lines(void)
{
	char		line[4096];
	struct sb_stemmer *st = sb_stemmer_new("french", "UTF_8");

	if (!st)
		return 2;
	while (fgets(line, sizeof(line), stdin))
	{
		size_t		n = strcspn(line, "\r\n");
		const sb_symbol *stem;
		char	   *fs;

		line[n] = '\0';
		if (n == 0)
			continue;
		stem = sb_stemmer_stem(st, (const sb_symbol *) line, (int) n);
		fs = stem ? fold((const char *) stem) : NULL;
		if (!fs)
			return 2;
		printf("%s\t%s\n", line, fs);
		free(fs);
	}
	sb_stemmer_delete(st);
	return 0;
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char		line[4096];
	char	  **lemmas = NULL,
			  **stems = NULL;
	size_t		n = 0,
				cap = 0,
				ns = 0,
				scap = 0;
	struct sb_stemmer *st;

	if (argc == 2 && strcmp(argv[1], "--stem") == 0)
		return stem_lines();
	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL)
	{
		fprintf(stderr, "usage: gen_common fr.dic\n");
		return 2;
	}
	st = sb_stemmer_new("french", "UTF_8");
	if (!st)
		return 2;
	while (fgets(line, sizeof(line), f))
	{
		char	   *word = line;
		char	   *end = word + strcspn(word, "/ \t\n");
		const sb_symbol *stem;
		char	   *fw,
				   *fs;

		if (strstr(line, "po:prn") || strstr(line, "po:patr") || strstr(line, "po:npr"))
			continue;
		/*
		 * An acronym that hunspell-fr lists as a common noun (ONG, PIB, QG,
		 * PDG) is a common word, as a lemma only.  The organisations among
		 * them that this genre names (ONU, CIA, FMI) are dictionary
		 * entities, which the tagger matches before it asks this list.
		 */
		if (strstr(line, "po:nom") && is_acronym(word, (size_t) (end - word)))
		{
			*end = '\0';
			if ((fw = fold(word)) == NULL)
				continue;
			if (push(&lemmas, &n, &cap, fw) < 0)
				return 2;
			continue;
		}
		/* common words start with a lower-case letter */
		if (!((*word >= 'a' && *word <= 'z') || (unsigned char) *word >= 0xC3))
			continue;
		if ((unsigned char) *word == 0xC3 && (unsigned char) word[1] >= 0x80 &&
			(unsigned char) word[1] <= 0x9E)
			continue;			/* À..Þ: capitalised */
		*end = '\0';
		if (end == word || strpbrk(word, "0123456789") != NULL)
			continue;
		fw = fold(word);
		stem = sb_stemmer_stem(st, (const sb_symbol *) word, (int) strlen(word));
		fs = stem ? fold((const char *) stem) : NULL;
		if (!fw || !fs)
			continue;
		if (push(&lemmas, &n, &cap, fw) < 0 || push(&stems, &ns, &scap, fs) < 0)
			return 2;
	}
	fclose(f);
	printf("/* generated by ext/tools/gen_common.c from hunspell-fr; do not edit */\n\n");
	emit("dp_common_lemmas", lemmas, n);
	emit("dp_common_stems", stems, ns);
	sb_stemmer_delete(st);
	return 0;
}
