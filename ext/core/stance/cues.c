/*
 * stance/cues.c
 *	  Stage 1, cues: what each piece of a sentence is.  The stem trie finds
 *	  cue words (diplo.cue), topic terms (diplo.topic_term) and modifiers
 *	  (diplo.modifier) on Snowball stems, with "*" gaps; quotes are
 *	  delimited; a noun and a verb sharing a stem are told apart by the word
 *	  before.  Only the longest cue counts, terms win over cue words inside
 *	  them (but for self cues), the words of a circumstantial phrase are no
 *	  cues, and short forms of topics are remembered.
 */

/*
 * Longest stem phrase of the stem trie starting at piece i, skipping
 * function words after the first word and following "*" gaps.
 */
/*
 * Does the word end in -able(s) or -ible(s) (acceptable, souhaitables,
 * irréversible)?  No form of a verb does (rule able-adjective).
 */
static bool
able_word(const DpWord *w)
{
	size_t		n = w->keylen;

	if (n > 0 && w->key[n - 1] == 's')
		n--;
	return n >= 6 && (memcmp(w->key + n - 4, "able", 4) == 0 || memcmp(w->key + n - 4, "ible", 4) == 0);
}

/*
 * Is the word a form that diplo.modifier lists as type sense: spelt with a
 * cue's stem, but another word of hunspell-fr (maintenant, propos)?  Those
 * rows are exact forms of the word trie, one piece long.
 */
static bool
other_sense(const DpDict *d, const DpWord *w)
{
	const DpVal *v;
	uint32_t	k;

	if (w->wnode == 0 || !(w->where & (1u << DP_V_MODIFIER)))
		return false;
	v = dp_trie_values(d->words, w->wnode, &k);
	for (uint32_t q = 0; q < k; q++)
		if (v[q].type == DP_V_MODIFIER && v[q].sub == DP_MOD_SENSE && v[q].npieces == 1)
			return true;
	return false;
}

/*
 * Does the word end in -ant, -ante, -ants or -antes (encourageant,
 * inquiétante)?  Rule ant-adjective.
 */
static bool
ant_word(const DpWord *w)
{
	size_t		n = w->keylen;

	if (n > 0 && w->key[n - 1] == 's')
		n--;
	if (n > 0 && w->key[n - 1] == 'e')
		n--;
	return n >= 6 && memcmp(w->key + n - 3, "ant", 3) == 0;
}

/* Does the lemma end in "ant" (the adjective cue encourageant)? */
static bool
ant_lemma(const char *lemma)
{
	size_t		n = strlen(lemma);

	return n >= 6 && memcmp(lemma + n - 3, "ant", 3) == 0;
}

/*
 * Is the -ant word at piece i a present participle rather than an
 * adjective: a gerund after "en", or a verb with its object right after it
 * (a determiner, a possessive, a name: "encourageant Kiev à négocier")?
 */
static bool
participle_use(const St *st, size_t i)
{
	if (i > 0 && key_is(&st->pc.p[i - 1], "en"))
		return true;
	if (i + 1 < st->pc.n)
	{
		const DpPiece *q = &st->pc.p[i + 1];

		if (key_in(q, L_DETERMINERS) || key_in(q, L_POSSESSIVES) || st->an[i + 1].ment >= 0)
			return true;
	}
	return false;
}

static void stem_walk(const St *st, uint32_t node, size_t j, size_t start, int depth,
					  size_t *best_end, const DpVal **best_vals, uint32_t *best_n);

/* After node, a "*" gap: the phrase goes on at any piece of [from, to). */
static void
stem_gap(const St *st, uint32_t node, size_t from, size_t to, size_t start, int depth,
		 size_t *best_end, const DpVal **best_vals, uint32_t *best_n)
{
	uint32_t	gap;

	if (node == 0 || !dp_trie_has_gap(st->d->stems, node) ||
		(gap = dp_trie_child(st->d->stems, node, "*", 1)) == 0)
		return;
	for (size_t g = from; g < to && g < st->pc.n; g++)
		stem_walk(st, gap, g, start, depth + 1, best_end, best_vals, best_n);
}

static void
stem_walk(const St *st, uint32_t node, size_t j, size_t start, int depth,
		  size_t *best_end, const DpVal **best_vals, uint32_t *best_n)
{
	const DpTrie *t = st->d->stems;

	if (depth > 12 || j >= st->pc.n)
		return;
	for (int skip = 0; skip < 4 && j < st->pc.n; skip++, j++)
	{
		const DpPiece *p = &st->pc.p[j];
		uint32_t	child;

		if (!p->wordlike && p->cls != DP_TOK_NUMBER)
		{
			/* a quote mark may open a gap: un chemin « irréversible » vers
			 * l'OTAN (the two marks not counted in its four tokens); other
			 * marks end the phrase */
			if (p->cls == DP_TOK_QUOTE)
				stem_gap(st, node, j + 1, j + 7, start, depth, best_end, best_vals, best_n);

			/*
			 * so may a phrase between commas, up to seven words or
			 * numbers: "a annoncé, vendredi 26 décembre 2025, de nouvelles
			 * sanctions" (rule incise-gap)
			 */
			else if (node != 0 && is_punct(st, p, ",") && dp_rule_on(DP_RULE_INCISE_GAP))
				for (size_t e = j + 1; e < st->pc.n && e <= j + 8; e++)
				{
					const DpPiece *q = &st->pc.p[e];

					if (is_punct(st, q, ","))
					{
						if (e > j + 1)
							stem_gap(st, node, e + 1, e + 6, start, depth, best_end, best_vals, best_n);
						break;
					}
					if (!q->wordlike && q->cls != DP_TOK_NUMBER)
						break;
				}
			return;
		}
		if (node == 0)
			child = p->w->snode;
		else
		{
			child = dp_trie_child_h(t, node, p->w->stem, p->w->stemlen, p->w->shash);
			if (!child && p->w->stemlen != p->w->keylen)
				child = dp_trie_child_h(t, node, p->w->key, p->w->keylen, p->w->khash);
			if (!child && p->w->stem2len > 0)
				child = dp_trie_child_h(t, node, p->w->stem2, p->w->stem2len, p->w->s2hash);
		}
		if (child)
		{
			uint32_t	nv;
			const DpVal *v = dp_trie_values(t, child, &nv);

			if (nv > 0 && j + 1 > *best_end)
			{
				*best_end = j + 1;
				*best_vals = v;
				*best_n = nv;
			}
			if (dp_trie_has_children(t, child))
				stem_walk(st, child, j + 1, start, depth + 1, best_end, best_vals, best_n);
		}
		stem_gap(st, node, j, j + 5, start, depth, best_end, best_vals, best_n);
		if (node == 0 || !p->w->function)
			return;
	}
}

/*
 * Topic short forms (see St.heads): learn the heads of this sentence's
 * multi-word topic terms, then read a lone head after a determiner, outside
 * any cue or term, as its topic.  The most recent term wins a shared head.
 */
static void
topic_short_forms(St *st, bool any_topic)
{
	size_t		n = st->pc.n;

	if (!dp_rule_on(DP_RULE_TOPIC_SHORT_FORM))
		return;
	/* any_topic: a term was found in this sentence (learning needs one) */
	for (size_t i = 0; any_topic && i < n; i++)
	{
		const Anno *a = &st->an[i];
		uint32_t	node = st->pc.p[i].w->snode;
		int			h;

		if (a->topic < 0 || a->topic_len < 2 || !a->topic_short || node == 0)
			continue;
		for (h = 0; h < st->nheads && st->heads[h].snode != node; h++)
			;
		if (h == st->nheads)
		{
			if (st->nheads == MAX_TOPIC_HEADS)
				continue;
			st->nheads++;
		}
		st->heads[h].snode = node;
		st->heads_bloom |= UINT64_C(1) << (node & 63);
		st->heads[h].topic = a->topic;
		st->heads[h].pol = a->topic_pol;
	}
	if (st->nheads == 0)
		return;
	for (size_t i = 1; i < n; i++)
	{
		Anno	   *a = &st->an[i];
		const DpPiece *p = &st->pc.p[i];
		int			h;

		/* most words head no term: one test each */
		if (p->w->snode == 0 || !((st->heads_bloom >> (p->w->snode & 63)) & 1))
			continue;
		if (a->topic >= 0 || a->cue >= 0 || a->ment >= 0 || p->cap ||
			!key_in(&st->pc.p[i - 1], L_DETERMINERS) || st->an[i - 1].topic >= 0)
			continue;
		for (h = 0; h < st->nheads; h++)
			if (st->heads[h].snode == p->w->snode)
			{
				a->topic = st->heads[h].topic;
				a->topic_pol = st->heads[h].pol;
				a->topic_len = 1;
				st->any_topic = true;
				break;
			}
	}
}

/* A piece with nothing found yet: zero but for the -1 of "none". */
static const Anno anno_none = {.ment = -1, .cue = -1, .topic = -1, .demonym = -1, .quote = -1, .cand = -1};

static void
annotate(St *st)
{
	size_t		n = st->pc.n;

	/*
	 * What the first pass found, so that the passes after it, which only
	 * ever take cues, terms and modifiers away, run where there is something
	 * to take: most sentences have no phrase of several words.
	 */
	bool		long_cue = false,	/* a cue of several pieces */
				any_topic = false,
				long_circ = false;	/* a circumstantial phrase of several */

	if (n > st->an_cap)
	{
		st->an_cap = n + 64;
		st->an = dp_realloc(st->m, st->an, dp_mul_size(st->m, st->an_cap, sizeof(Anno)));
	}
	for (size_t i = 0; i < n; i++)
		st->an[i] = anno_none;	/* a copy of one constant: cheaper than memset and stores */
	st->any_quote_mark = false;
	st->any_demonym = false;
	st->any_topic = false;
	st->any_cue = false;
	for (size_t k = st->mfirst; k < st->mend; k++)
	{
		const DpMention *mm = &st->ms.m[k];

		for (uint32_t j = mm->piece; j < mm->piece + mm->npieces && j < n; j++)
			st->an[j].ment = (int32_t) k;
	}
	for (size_t i = 0; i < n; i++)
	{
		const DpPiece *p = &st->pc.p[i];
		Anno	   *a = &st->an[i];
		size_t		end = 0;
		const DpVal *v = NULL;
		uint32_t	nv = 0;

		/* quotes: the outermost open quote */
		if (p->cls == DP_TOK_QUOTE)
		{
			bool		dq = st->text[p->off] == '"';
			bool		opens = (p->tflags & DP_TF_OPEN) && !(dq && st->depth > 0);
			bool		closes = (p->tflags & DP_TF_CLOSE) && !(dq && st->depth == 0);

			st->any_quote_mark = true;

			if (opens)
			{
				if (st->depth == 0)
				{
					if (st->nquotes == st->cap_quotes)
					{
						st->cap_quotes = st->cap_quotes ? st->cap_quotes * 2 : 16;
						st->quotes = dp_realloc(st->m, st->quotes,
												dp_mul_size(st->m, st->cap_quotes, sizeof(QuoteInfo)));
					}
					memset(&st->quotes[st->nquotes], 0, sizeof(QuoteInfo));
					st->open_quote = (int32_t) st->nquotes++;
				}
				if (st->depth < MAX_QUOTES_OPEN)
					st->depth++;
			}
			else if (closes && st->depth > 0)
			{
				a->quote = st->open_quote;
				if (st->depth == 1)
				{
					/*
					 * A quote of a few words inside a sentence (« irréaliste
					 * », une « manœuvre dilatoire ») quotes words, not
					 * speech: its words belong to the sentence.
					 */
					size_t		b = i;
					int			words = 0;
					bool		speech = false;

					while (b > 0 && st->an[b - 1].quote == st->open_quote)
					{
						b--;
						if (st->pc.p[b].wordlike)
							words++;
						if ((st->pc.p[b].tflags & DP_TF_TERM) || key_in(&st->pc.p[b], L_FIRST_PERSON))
							speech = true;
					}
					if (b > 0 && words <= 3 && !speech && st->pc.p[b].cls == DP_TOK_QUOTE)
						for (size_t q = b; q <= i; q++)
							st->an[q].quote = -1;
				}
				if (--st->depth == 0)
				{
					st->quotes[st->open_quote].closed = true;
					st->quotes[st->open_quote].close_sentence = st->sentence;
					st->last_closed_quote = st->open_quote;
					st->open_quote = -1;
				}
				continue;
			}
		}
		if (st->depth > 0)
			a->quote = st->open_quote;
		if (!p->wordlike)
			continue;
		{
			const DpVal *dv = NULL;
			uint32_t	node = p->w->wnode;
			uint32_t	k;

			/*
			 * The tail of a hyphen compound (nord-coréen, franco-allemand:
			 * the pieces nord and coréen) is no demonym of its own:
			 * "coréen" alone is South Korean.  The whole compound's, if it
			 * is one, is a two-piece phrase of the word trie.
			 */
			if (i > 0 && p->off > 0 && st->text[p->off - 1] == '-' &&
				st->pc.p[i - 1].off + st->pc.p[i - 1].len + 1 == p->off &&
				dp_rule_on(DP_RULE_COMPOUND_DEMONYM))
			{
				uint32_t	head = st->pc.p[i - 1].w->wnode;

				node = head ? dp_trie_child(st->d->words, head, p->w->key, p->w->keylen) : 0;
				if (node)
				{
					dv = dp_trie_values(st->d->words, node, &k);
					for (uint32_t q = 0; q < k; q++)
						if (dv[q].type == DP_V_DEMONYM && dv[q].npieces == 2)
							a->demonym = (int16_t) dv[q].id;
					st->any_demonym |= a->demonym >= 0;
				}
			}
			else if (node && (p->w->where & (1u << DP_V_DEMONYM)))
			{
				dv = dp_trie_values(st->d->words, node, &k);
				for (uint32_t q = 0; q < k; q++)
					if (dv[q].type == DP_V_DEMONYM && dv[q].npieces == 1)
						a->demonym = (int16_t) dv[q].id;
				st->any_demonym |= a->demonym >= 0;
			}
		}
		/* most words start no stem phrase: no walk (its first step would be
		 * the word's root node, none) */
		if (p->w->snode)
		{
			/*
			 * stem_walk()'s first step, inline (a word piece, from the
			 * root: its stem node, no gap, no skipped function word)
			 */
			const DpTrie *stems = st->d->stems;
			uint32_t	child = p->w->snode;
			uint32_t	nv0;
			const DpVal *v0 = dp_trie_values(stems, child, &nv0);

			if (nv0 > 0)
			{
				end = i + 1;
				v = v0;
				nv = nv0;
			}
			if (dp_trie_has_children(stems, child))
				stem_walk(st, child, i + 1, i, 1, &end, &v, &nv);
		}
		if (end > i)
		{
			/*
			 * A verb and a noun with one stem (refuser, refus): after a
			 * determiner or a possessive ("le refus", "son refus") the noun,
			 * elsewhere the verb; else the first cue.
			 */
			bool		nominal = i > 0 && (key_in(&st->pc.p[i - 1], L_DETERMINERS) ||
											key_in(&st->pc.p[i - 1], L_POSSESSIVES));
			int32_t		cue = -1;

			for (uint32_t k = 0; k < nv; k++)
				if (v[k].type == DP_V_CUE &&
					(cue < 0 || ((st->d->cues[v[k].id].pos == DP_POS_NOUN) == nominal &&
								 (st->d->cues[cue].pos == DP_POS_NOUN) != nominal)))
					cue = (int32_t) v[k].id;

			/*
			 * "le plan est acceptable": an adjective in -able, -ible is
			 * the adjective cue of its stem, not accepter (able-adjective)
			 */
			if (cue >= 0 && end == i + 1 && st->d->cues[cue].pos != DP_POS_ADJ &&
				dp_rule_on(DP_RULE_ABLE_ADJECTIVE) && able_word(p->w))
				for (uint32_t k = 0; k < nv; k++)
					if (v[k].type == DP_V_CUE && st->d->cues[v[k].id].pos == DP_POS_ADJ)
					{
						cue = (int32_t) v[k].id;
						break;
					}
			/*
			 * "le plan est encourageant": a word in -ant(e)(s) is the
			 * adjective cue of its stem, not encourager, unless it is used
			 * as a participle (ant-adjective)
			 */
			if (cue >= 0 && end == i + 1 && st->d->cues[cue].pos != DP_POS_ADJ &&
				dp_rule_on(DP_RULE_ANT_ADJECTIVE) && ant_word(p->w) && !participle_use(st, i))
				for (uint32_t k = 0; k < nv; k++)
					if (v[k].type == DP_V_CUE && st->d->cues[v[k].id].pos == DP_POS_ADJ &&
						ant_lemma(st->d->cues[v[k].id].lemma))
					{
						cue = (int32_t) v[k].id;
						break;
					}
			/*
			 * "les Forces de soutien rapide": a cue inside a name is part
			 * of the name (cue-in-name)
			 */
			if (cue >= 0 && a->ment >= 0 && dp_rule_on(DP_RULE_CUE_IN_NAME) &&
				end <= st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces)
				cue = -1;
			/*
			 * "maintenant", "propos": a form spelt with a cue's stem that
			 * hunspell-fr knows as another word (other-sense)
			 */
			if (cue >= 0 && end == i + 1 && dp_rule_on(DP_RULE_OTHER_SENSE) &&
				other_sense(st->d, p->w))
				cue = -1;
			if (cue >= 0)
			{
				a->cue = (int16_t) cue;
				a->cue_len = (uint8_t) (end - i);
				long_cue |= a->cue_len > 1;
				st->any_cue = true;
			}
			for (uint32_t k = 0; k < nv; k++)
			{
				if (v[k].type == DP_V_TERM && a->topic < 0 &&
					!(a->ment >= 0 && dp_rule_on(DP_RULE_CUE_IN_NAME) &&
					  end <= st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces))
				{
					a->topic = (int16_t) v[k].id;
					a->topic_pol = (int8_t) (v[k].sub - 1);
					a->topic_len = (uint8_t) (end - i);
					a->topic_short = v[k].f > 0;
					any_topic = true;
				}
				else if (v[k].type == DP_V_MODIFIER)
				{
					a->mods |= 1u << v[k].sub;
					st->any_cue |= v[k].sub == DP_MOD_CONTRAST;
					if (v[k].sub <= DP_MOD_CONTRAST)
						a->mod_factor[v[k].sub] = v[k].f;
					a->mod_len = (uint8_t) (end - i);
				}
			}
			long_circ |= (a->mods & (1u << DP_MOD_CIRCUMSTANCE)) && a->mod_len > 1;
		}
	}
	/* a paragraph break ends a quote that never closed */
	if (st->pc.n > 0 && (st->pc.p[n - 1].tflags & DP_TF_PARA))
		st->depth = 0;
	/*
	 * Longest match only: a cue that starts inside a longer cue is part of
	 * it (the "productif" of "contre-productif", the "favorablement" of
	 * "accueillir favorablement", the "confiance" of "faire confiance").
	 */
	if (long_cue && dp_rule_on(DP_RULE_LONGEST_CUE))
		for (size_t i = 0; i < n; i++)
			if (st->an[i].cue >= 0 && st->an[i].cue_len > 1)
				for (size_t j = i + 1; j < i + st->an[i].cue_len && j < n; j++)
					if (st->an[j].cue >= 0 && j + st->an[j].cue_len <= i + st->an[i].cue_len)
						st->an[j].cue = -1;
	/* terms win over cue words inside them (cessation des hostilités), but
	 * for cues whose target is the term itself (la médiation d'Oman) */
	for (size_t i = 0; any_topic && i < n && dp_rule_on(DP_RULE_TERM_OVER_CUE); i++)
		if (st->an[i].topic >= 0)
			for (size_t j = i; j < i + st->an[i].topic_len && j < n; j++)
				if (st->an[j].cue >= 0 && j + st->an[j].cue_len <= i + st->an[i].topic_len &&
					st->d->cues[st->an[j].cue].target_mode != DP_TM_SELF &&
					(j > i || st->an[j].cue_len < st->an[i].topic_len))
					st->an[j].cue = -1;
	/* a term inside a longer cue is part of the cue (non négociable), but
	 * the term a self cue names (servir de médiateur) */
	for (size_t i = 0; long_cue && any_topic && i < n; i++)
		if (st->an[i].cue >= 0 && st->an[i].cue_len > 1 &&
			st->d->cues[st->an[i].cue].target_mode != DP_TM_SELF)
			for (size_t j = i; j < i + st->an[i].cue_len && j < n; j++)
				if (st->an[j].topic >= 0 && j + st->an[j].topic_len <= i + st->an[i].cue_len)
					st->an[j].topic = -1;
	/* the words of a circumstantial phrase are not cues (the "raison" of
	 * "en raison de") */
	if (long_circ && dp_rule_on(DP_RULE_CIRCUMSTANCE))
		for (size_t i = 0; i < n; i++)
			if ((st->an[i].mods & (1u << DP_MOD_CIRCUMSTANCE)) && st->an[i].mod_len > 1)
				for (size_t j = i; j < i + st->an[i].mod_len && j < n; j++)
					st->an[j].cue = -1;
	st->any_topic = any_topic;
	topic_short_forms(st, any_topic);
	/* a word of a multi-word cue is not a modifier (the "pas" of "pas
	 * question"); a negation in a cue's gap still is */
	for (size_t i = 0; long_cue && i < n; i++)
		if (st->an[i].cue >= 0 && st->an[i].cue_len > 1)
		{
			const char *lemma = st->d->cues[st->an[i].cue].lemma;

			for (size_t j = i; j < i + st->an[i].cue_len && j < n; j++)
				if (strstr(lemma, st->pc.p[j].w->key) != NULL)
					st->an[j].mods &= ~((1u << DP_MOD_NEGATION) | (1u << DP_MOD_REPORTING));
		}
}
