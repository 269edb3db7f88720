/*
 * pgo_train.c
 *	  The training run of the profile-guided build (Makefile, PGO=1).
 *
 * Linked with core objects compiled with -fprofile-generate, it builds the
 * built-in dictionary from the generated install script (build/dict.sql
 * and build/lexicon.sql: the same rows CREATE EXTENSION inserts, read here
 * from their INSERT statements) the way ext/pg/pg_dict.c does, then runs
 * what the SQL functions run (tagging, stances, token counts) over the
 * sample articles given on the command line.  The counts it leaves in the
 * .gcda files tell the compiler which branches and loops are hot when the
 * core objects of diplo.so are compiled again with -fprofile-use.
 *
 *	  pgo_train DICT.sql LEXICON.sql ROUNDS ARTICLE...
 *
 * Output: one line of totals (mentions, stances, tokens), so that a broken
 * dictionary or corpus shows; exit status 1 on any error.
 */
#include "dp_core.h"
#include "dp_dict.h"
#include "dp_entity.h"
#include "dp_stance.h"
#include "dp_text.h"
#include "dp_token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------ memory */

/*
 * Plain malloc: what the server frees with a memory context reset is left
 * here until the program exits (a few MB for the whole training run).
 */
static void *
t_alloc(void *ctx, size_t n)
{
	void	   *p = malloc(n ? n : 1);

	(void) ctx;
	if (!p)
	{
		fprintf(stderr, "pgo_train: out of memory\n");
		exit(1);
	}
	return p;
}

static void *
t_realloc(void *ctx, void *p, size_t n)
{
	void	   *q = realloc(p, n ? n : 1);

	(void) ctx;
	if (!q)
	{
		fprintf(stderr, "pgo_train: out of memory\n");
		exit(1);
	}
	return q;
}

static void
t_free(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static void
t_fail(void *ctx, DpErr code, const char *msg)
{
	(void) ctx;
	fprintf(stderr, "pgo_train: error %d: %s\n", (int) code, msg);
	exit(1);
}

static DpMem mem = {t_alloc, t_realloc, t_free, t_fail, NULL, NULL};

/* ------------------------------------------------ reading files */

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		n = 0,
				cap = 0,
				got;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	do
	{
		if (cap - n < 65536)
		{
			cap = cap ? cap * 2 : 131072;
			buf = t_realloc(NULL, buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f))
	{
		perror(path);
		exit(1);
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ------------------------------------------------ INSERT rows */

typedef struct Row
{
	const char *table;			/* after "diplo." */
	int			ncols;
	const char *col[DP_TABLE_MAX_COLS];	/* column names of the INSERT */
	const char *val[DP_TABLE_MAX_COLS];	/* values; NULL for SQL NULL, "t"/"f" */
} Row;

/* Parse one SQL literal at *p (a quoted string, maybe cast, NULL, true,
 * false or a number) into a new string; advances *p. */
static const char *
literal(char **p)
{
	char	   *s = *p;

	if (*s == '\'')
	{
		char	   *out = t_alloc(NULL, strlen(s) + 1),
				   *o = out;

		for (s++;; s++)
		{
			if (*s == '\0')
			{
				fprintf(stderr, "pgo_train: unterminated string\n");
				exit(1);
			}
			if (*s == '\'')
			{
				if (s[1] != '\'')
					break;
				s++;
			}
			*o++ = *s;
		}
		*o = '\0';
		s++;
		/* a cast ('GPE'::diplo.entity_kind) */
		if (s[0] == ':' && s[1] == ':')
			s += strcspn(s, ",)");
		*p = s;
		return out;
	}
	{
		size_t		k = strcspn(s, ",)");
		char	   *out;

		while (k > 0 && s[k - 1] == ' ')
			k--;
		*p = s + k;
		if (k == 4 && memcmp(s, "NULL", 4) == 0)
			return NULL;
		if (k == 4 && memcmp(s, "true", 4) == 0)
			return "t";
		if (k == 5 && memcmp(s, "false", 5) == 0)
			return "f";
		out = t_alloc(NULL, k + 1);
		memcpy(out, s, k);
		out[k] = '\0';
		return out;
	}
}

/* Every row of the INSERT INTO diplo.t (cols) VALUES statements of sql, in
 * order; *nrows set. */
static Row *
parse_inserts(char *sql, size_t *nrows)
{
	Row		   *rows = NULL;
	size_t		n = 0,
				cap = 0;
	Row			head;
	bool		in_values = false;

	memset(&head, 0, sizeof(head));
	for (char *line = strtok(sql, "\n"); line; line = strtok(NULL, "\n"))
	{
		if (strncmp(line, "INSERT INTO diplo.", 18) == 0)
		{
			char	   *t = line + 18,
					   *c = strchr(t, ' ');
			char	   *end;

			if (!c || c[1] != '(' || !(end = strchr(c, ')')))
			{
				fprintf(stderr, "pgo_train: bad INSERT: %s\n", line);
				exit(1);
			}
			*c = '\0';
			*end = '\0';
			head.table = t;
			head.ncols = 0;
			for (char *col = c + 2; col && *col; )
			{
				char	   *comma = strchr(col, ',');

				if (head.ncols == DP_TABLE_MAX_COLS)
				{
					fprintf(stderr, "pgo_train: too many columns in %s\n", t);
					exit(1);
				}
				if (comma)
					*comma = '\0';
				head.col[head.ncols++] = col;
				col = comma ? comma + 2 : NULL;
			}
			in_values = true;
			continue;
		}
		if (!in_values || strncmp(line, "  (", 3) != 0)
		{
			in_values = false;
			continue;
		}
		if (n == cap)
		{
			cap = cap ? cap * 2 : 1024;
			rows = t_realloc(NULL, rows, cap * sizeof(Row));
		}
		rows[n] = head;
		{
			char	   *p = line + 3;

			for (int k = 0; k < head.ncols; k++)
			{
				rows[n].val[k] = literal(&p);
				if (k + 1 < head.ncols)
				{
					if (p[0] != ',' || p[1] != ' ')
					{
						fprintf(stderr, "pgo_train: bad row in %s: %s\n", head.table, line);
						exit(1);
					}
					p += 2;
				}
			}
		}
		n++;
	}
	*nrows = n;
	return rows;
}

/* Does the table of row r have this name? */
static bool
is(const Row *r, const char *table)
{
	return strcmp(r->table, table) == 0;
}

static int
cmp_first_column(const void *a, const void *b)
{
	return strcmp(((const Row *) a)->val[0], ((const Row *) b)->val[0]);
}

/*
 * The dictionary from the rows, the way ext/pg/pg_dict.c builds it: the
 * tables in dp_tables[] order, each row's columns in the order of
 * dp_tables[t].columns (a column the INSERT lacks is NULL: its default),
 * the rows of an ordered table sorted by the first column (strcmp is
 * COLLATE "C").
 */
static DpDict *
build_dict(const Row *rows, size_t n)
{
	DpDict	   *d = dp_dict_create(&mem);
	Row		   *mine = t_alloc(NULL, (n + 1) * sizeof(Row));

	for (int t = 0; t < DP_T__COUNT; t++)
	{
		const char *names[DP_TABLE_MAX_COLS];
		int			ncols = 0;
		char	   *list = t_alloc(NULL, strlen(dp_tables[t].columns) + 1);
		size_t		m = 0;

		strcpy(list, dp_tables[t].columns);
		for (char *c = strtok(list, ", "); c && ncols < DP_TABLE_MAX_COLS; c = strtok(NULL, ", "))
			names[ncols++] = c;
		/* this table's rows, their values in dp_tables order */
		for (size_t i = 0; i < n; i++)
		{
			if (!is(&rows[i], dp_tables[t].name))
				continue;
			mine[m] = rows[i];
			for (int k = 0; k < ncols; k++)
			{
				mine[m].val[k] = NULL;
				for (int j = 0; j < rows[i].ncols; j++)
					if (strcmp(rows[i].col[j], names[k]) == 0)
						mine[m].val[k] = rows[i].val[j];
			}
			m++;
		}
		if (dp_tables[t].ordered)
			qsort(mine, m, sizeof(Row), cmp_first_column);
		for (size_t i = 0; i < m; i++)
			dp_dict_add_row(d, (DpTable) t, mine[i].val);
		if (t == DP_T_ENTITY)
			dp_dict_add_state_entities(d);
		free(list);
	}
	free(mine);
	dp_dict_finish(d);
	return d;
}

int
main(int argc, char **argv)
{
	size_t		n1,
				n2,
				r1,
				r2;
	char	   *dict_sql,
			   *lex_sql;
	Row		   *rows1,
			   *rows2,
			   *rows;
	DpDict	   *d;
	int			rounds;
	size_t		mentions = 0,
				stances = 0,
				tokens = 0;

	if (argc < 5 || (rounds = atoi(argv[3])) < 1)
	{
		fprintf(stderr, "usage: pgo_train DICT.sql LEXICON.sql ROUNDS ARTICLE...\n");
		return 1;
	}
	dict_sql = read_file(argv[1], &n1);
	lex_sql = read_file(argv[2], &n2);
	rows1 = parse_inserts(dict_sql, &r1);
	rows2 = parse_inserts(lex_sql, &r2);
	rows = t_alloc(NULL, (r1 + r2) * sizeof(Row));
	memcpy(rows, rows1, r1 * sizeof(Row));
	memcpy(rows + r1, rows2, r2 * sizeof(Row));
	d = build_dict(rows, r1 + r2);
	if (d->nentities < 100 || d->ncues < 100)
	{
		fprintf(stderr, "pgo_train: %u entities and %u cues read: not the built-in dictionary\n",
				d->nentities, d->ncues);
		return 1;
	}

	for (int round = 0; round < rounds; round++)
		for (int a = 4; a < argc; a++)
		{
			size_t		len,
						ntok,
						nsent;
			char	   *text = read_file(argv[a], &len);
			DpMentions	ms;
			DpStances	ss;

			memset(&ms, 0, sizeof(ms));
			memset(&ss, 0, sizeof(ss));
			dp_tag_document(d, &mem, text, len, &ms);
			dp_stance_document(d, &mem, text, len, &ss);
			dp_count(&mem, text, len, &ntok, &nsent);
			mentions += ms.n;
			stances += ss.n;
			tokens += ntok;
			free(text);
		}
	printf("pgo_train: %d rounds over %d articles: %zu mentions, %zu stances, %zu tokens\n",
		   rounds, argc - 4, mentions, stances, tokens);
	return mentions > 0 && stances > 0 ? 0 : 1;
}
