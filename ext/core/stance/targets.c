/*
 * stance/targets.c
 *	  Stage 3, targets: what a cue is aimed at, and what is not its target.
 *	  Places (place_of()), channels (said_on()), parties to a topic
 *	  (in_topic_complement()), circumstances and conditions (in_condition()),
 *	  authors of what was said or decided (author_after()), judged entities,
 *	  coordinated topics, "non pas X mais Y", participles describing a noun
 *	  and infinitives giving a reason.
 */

/*
 * Is the name at piece m in the complement of the topic ending at piece t,
 * as a party to it: "l'adhésion de Kyiv", "une rencontre entre Trump et
 * Poutine", "des pourparlers avec Moscou", "les sanctions contre la
 * Russie" (names joined by "et" included)?  After "de" with an article
 * ("le soutien à l'intégrité territoriale de l'Ukraine") the name stays a
 * target.
 */
static bool
in_topic_complement(const St *st, size_t t, size_t m)
{
	size_t		j = t + 1;
	bool		party;

	if (!dp_rule_on(DP_RULE_TOPIC_PARTY))
		return false;
	if (m <= j || m > t + 12)
		return false;
	/* past an adjective or participle after the term: les livraisons
	 * d'armes occidentales à, les sanctions imposées contre */
	for (int adj = 0; adj < 2 && j + 1 < m && st->pc.p[j].wordlike && !st->pc.p[j].cap &&
		 st->an[j].ment < 0 && st->an[j].cue < 0 && st->an[j].topic < 0 &&
		 !key_in(&st->pc.p[j], L_PREPOSITIONS) && !key_in(&st->pc.p[j], L_DETERMINERS) &&
		 !is_genitive(&st->pc.p[j]) && !key_is(&st->pc.p[j], "et") && !is_que(&st->pc.p[j]) &&
		 !key_is(&st->pc.p[j], "entre") && !key_is(&st->pc.p[j], "avec") && !key_is(&st->pc.p[j], "contre");
		 adj++)
		j++;
	/* its agent: la médiation conduite par Washington */
	if (j + 1 < m && key_is(&st->pc.p[j + 1], "par") && st->pc.p[j].wordlike && !st->pc.p[j].cap &&
		st->an[j].cue < 0)
		j++;
	/* parties (entre, avec, contre, par) and recipients (l'aide à
	 * l'Ukraine, les livraisons d'armes aux Ukrainiens) take a determiner */
	party = key_is(&st->pc.p[j], "entre") || key_is(&st->pc.p[j], "avec") || key_is(&st->pc.p[j], "contre") ||
		key_is(&st->pc.p[j], "par") ||
		is_prep_a(st, &st->pc.p[j]) || key_is(&st->pc.p[j], "au") || key_is(&st->pc.p[j], "aux");
	if (!party && !key_is(&st->pc.p[j], "de") && !key_is(&st->pc.p[j], "d'") &&
		!key_is(&st->pc.p[j], "du") && !key_is(&st->pc.p[j], "des"))
		return false;
	j++;
	for (;;)
	{
		if (party && j < m && key_in(&st->pc.p[j], L_DETERMINERS))
			j++;
		if (j == m)
			return true;
		if (j > m || st->an[j].ment < 0)
			return false;
		j = st->ms.m[st->an[j].ment].piece + st->ms.m[st->an[j].ment].npieces;
		if (j >= m || !key_is(&st->pc.p[j], "et"))
			return false;
		j++;
	}
}

/*
 * The person or state an evaluation right after it is about, as the object
 * of a verb of judging: "a qualifié Zelensky de « dictateur »", "juge
 * Pékin irresponsable".  Between the name and the cue at piece c only
 * quote marks, de, d', comme; before the name a reporting verb.
 */
static bool
judged_entity(const St *st, size_t c, Ref *out, size_t *start)
{
	size_t		k = c,
				reach = 4;
	const DpMention *mm;

	if (!dp_rule_on(DP_RULE_JUDGED_ENTITY))
		return false;
	/* "a qualifié Modi d'« homme excellent »": the evaluation's head noun
	 * after de (rule judged-head) */
	if (dp_rule_on(DP_RULE_JUDGED_HEAD) && c >= 2)
	{
		const DpPiece *h = &st->pc.p[c - 1],
				   *b = &st->pc.p[c - 2];

		if (h->wordlike && !h->cap && st->an[c - 1].ment < 0 && st->an[c - 1].cue < 0 &&
			st->an[c - 1].topic < 0 && st->an[c - 1].demonym < 0 && !key_in(h, L_DETERMINERS) &&
			!key_in(h, L_PREPOSITIONS) && !key_in(h, L_POSSESSIVES) && !is_que(h) &&
			(b->cls == DP_TOK_QUOTE || key_is(b, "de") || key_is(b, "d'") || key_is(b, "d") ||
			 (b->cls == DP_TOK_PUNCT &&
			  dp_apos_len((const unsigned char *) st->text, b->off + b->len, b->off) == b->len)))
		{
			k = c - 1;
			reach = 5;
		}
	}
	/* (d'« splits into d, the apostrophe and the quote mark) */
	while (k > 0 && c - k < reach)
	{
		const DpPiece *p = &st->pc.p[k - 1];

		if (!(p->cls == DP_TOK_QUOTE || key_is(p, "de") || key_is(p, "d'") || key_is(p, "d") ||
			  key_is(p, "comme") ||
			  (p->cls == DP_TOK_PUNCT &&
			   dp_apos_len((const unsigned char *) st->text, p->off + p->len, p->off) == p->len)))
			break;
		k--;
	}
	if (k == 0 || st->an[k - 1].ment < 0)
		return false;
	mm = &st->ms.m[st->an[k - 1].ment];
	if (mm->piece + mm->npieces != k || mm->piece == 0 ||
		!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
		!has_mod(st, mm->piece - 1, DP_MOD_REPORTING))
		return false;
	*out = ref_mention(st, mm);
	*start = mm->piece - 1;
	return true;
}

/*
 * The author of an act an evaluation right after it is about: "a qualifié
 * la décision d'Alger d'« injustifiée »", "juge la décision algérienne
 * irresponsable" (a verb of judging before the act: *judge_verb is its
 * piece), "que la décision d'Alger est « injustifiée »" (a copula between:
 * *judge_verb is SIZE_MAX).  The act is a noun of what someone said,
 * decided or did (modifier author) with its author after de or par
 * (author_after()) or its demonym (la décision française), ending right
 * before the evaluation.  Sets *out and the act's first piece *start.
 */
static size_t
author_end(const St *st, size_t k, size_t scope_end, Ref *r)
{
	size_t		e;

	if (author_after(st, k, scope_end, r, &e))
		return e;
	if (k + 1 < scope_end && st->an[k + 1].demonym >= 0 && st->an[k + 1].ment < 0)
	{
		*r = ref_state(st, st->an[k + 1].demonym);
		if (r->valid && r->name)
			return k + 1;
	}
	return SIZE_MAX;
}

static bool
judged_act(const St *st, size_t c, Ref *out, size_t *start, size_t *judge_verb)
{
	size_t		k = c;
	bool		copula = false;

	if (!dp_rule_on(DP_RULE_JUDGED_ACT))
		return false;
	while (k > 0 && c - k < 5)
	{
		const DpPiece *p = &st->pc.p[k - 1];

		if (!copula &&
			(key_is(p, "est") || key_is(p, "sont") || key_is(p, "etait") || key_is(p, "etaient") ||
			 key_is(p, "serait") || key_is(p, "seraient") || key_is(p, "reste") || key_is(p, "restent") ||
			 key_is(p, "demeure") || key_is(p, "demeurent")))
		{
			copula = true;
			k--;
			continue;
		}
		if (!(p->cls == DP_TOK_QUOTE || key_is(p, "de") || key_is(p, "d'") || key_is(p, "d") ||
			  key_is(p, "comme") ||
			  (p->cls == DP_TOK_PUNCT &&
			   dp_apos_len((const unsigned char *) st->text, p->off + p->len, p->off) == p->len)))
			break;
		k--;
	}
	if (k < 3)
		return false;
	/* the act noun, up to five pieces before the evaluation */
	for (size_t j = k - 1; j-- > 0 && j + 6 > k;)
	{
		Ref			r;
		size_t		last,
					b;

		if (is_clause_end(st, &st->pc.p[j]) || is_punct(st, &st->pc.p[j], ",") || is_que(&st->pc.p[j]))
			return false;
		if (!has_mod(st, j, DP_MOD_AUTHOR) || st->an[j].topic >= 0)
			continue;
		last = j + (st->an[j].mod_len ? st->an[j].mod_len : 1) - 1;
		if (author_end(st, last, k, &r) != k - 1)
			return false;
		b = j;
		if (b > 0 && (key_in(&st->pc.p[b - 1], L_DETERMINERS) || key_in(&st->pc.p[b - 1], L_POSSESSIVES)))
			b--;
		*out = r;
		*start = b;
		if (copula)
		{
			*judge_verb = SIZE_MAX;
			return true;
		}
		if (b > 0 && has_mod(st, b - 1, DP_MOD_REPORTING))
		{
			*judge_verb = b - 1;
			return true;
		}
		return false;
	}
	return false;
}

/*
 * Does the evaluation at piece c qualify an act noun right before it that
 * names no topic ("ces tarifs « injustifiés »", "des mesures
 * inacceptables")?  It is about that act, whose author is not said there:
 * not about the topic last named.
 */
static bool
act_noun_before(const St *st, size_t c)
{
	size_t		k = c;

	if (!dp_rule_on(DP_RULE_JUDGED_ACT))
		return false;
	while (k > 0 && st->pc.p[k - 1].cls == DP_TOK_QUOTE)
		k--;
	if (k == 0)
		return false;
	for (size_t j = k - 1; j + 3 > k; j--)
	{
		if (has_mod(st, j, DP_MOD_AUTHOR) && j + (st->an[j].mod_len ? st->an[j].mod_len : 1) == k)
			return st->an[j].topic < 0;
		if (j == 0)
			break;
	}
	return false;
}

/*
 * Is the name at piece m the one pressed: after "pression(s) sur", an
 * article allowed before it and one lowercase adjective after the noun
 * ("une pression croissante sur Taïwan")?  Rule pressure-target: such a
 * name is a target even of a demand cue (faire pression), which otherwise
 * takes topics only.
 */
/*
 * Is p a levy on trade: "droits de douane" (its last word), "tarifs" (and
 * "tarifs douaniers"), "taxes", "surtaxes"?  Such a measure on a party is
 * aimed against it, as pressure on it is (rule levy-target).
 */
static bool
is_levy(const St *st, size_t j)
{
	const DpPiece *p = &st->pc.p[j];

	if (!dp_rule_on(DP_RULE_LEVY_TARGET))
		return false;
	if (key_is(p, "douane") || key_is(p, "douanes"))
		return j >= 2 && key_is(&st->pc.p[j - 1], "de") &&
			(key_is(&st->pc.p[j - 2], "droits") || key_is(&st->pc.p[j - 2], "droit"));
	return key_is(p, "tarifs") || key_is(p, "douaniers") || key_is(p, "taxes") || key_is(p, "surtaxes") ||
		key_is(p, "surtaxe");
}

/*
 * A rate after a levy: "de 25 %", "de 50 % supplémentaires", "de 10 pour
 * cent": a number or a percent sign, or "pour" / "cent" after a number.
 */
static bool
rate_piece(const St *st, size_t j)
{
	const DpPiece *p = &st->pc.p[j];

	if (!p->wordlike)
		return p->len >= 1 && (st->text[p->off] == '%' || (st->text[p->off] >= '0' && st->text[p->off] <= '9'));
	return j >= 1 && !st->pc.p[j - 1].wordlike && (key_is(p, "pour") || key_is(p, "cent"));
}

/*
 * Is the demonym at piece k the party a levy is put on, through its goods:
 * "des droits de douane de 20 % sur les produits européens", "des tarifs
 * sur tous les produits chinois" (a lowercase noun right before the
 * demonym, a determiner and sur before it, a levy before sur; rule
 * levy-target)?
 */
static bool
levy_demonym(const St *st, size_t k)
{
	size_t		b;

	if (!dp_rule_on(DP_RULE_LEVY_TARGET) || k < 4 || k >= st->pc.n || st->an[k].demonym < 0 ||
		st->an[k].ment >= 0)
		return false;
	b = k - 1;
	if (!st->pc.p[b].wordlike || st->pc.p[b].cap || st->an[b].ment >= 0 || st->an[b].cue >= 0 ||
		key_in(&st->pc.p[b], L_DETERMINERS) || key_in(&st->pc.p[b], L_PREPOSITIONS))
		return false;
	if (!(key_in(&st->pc.p[b - 1], L_DETERMINERS) || key_in(&st->pc.p[b - 1], L_POSSESSIVES)))
		return false;
	b--;
	if (key_is(&st->pc.p[b - 1], "tous") || key_is(&st->pc.p[b - 1], "toutes"))
		b--;
	if (b < 2 || !key_is(&st->pc.p[b - 1], "sur"))
		return false;
	for (size_t j = b - 1; j-- > 0 && j + 8 > b;)
	{
		if (is_levy(st, j))
			return true;
		if (!(is_genitive(&st->pc.p[j]) || rate_piece(st, j) || st->an[j].demonym >= 0))
			return false;
	}
	return false;
}

static bool
pressed(const St *st, size_t m)
{
	size_t		b = m;
	const DpPiece *adj;

	if (!dp_rule_on(DP_RULE_PRESSURE_TARGET))
		return false;
	if (b >= 1 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
		b--;
	if (b < 2)
		return false;
	/* a levy "sur", "contre" or "à" the party: "des tarifs contre la Chine" */
	if (!key_is(&st->pc.p[b - 1], "sur"))
	{
		bool		levy_prep = key_is(&st->pc.p[b - 1], "contre") || is_prep_a(st, &st->pc.p[b - 1]) ||
			key_is(&st->pc.p[b - 1], "au") || key_is(&st->pc.p[b - 1], "aux");

		if (!levy_prep || !dp_rule_on(DP_RULE_LEVY_TARGET))
			return false;
		for (size_t j = b - 1; j-- > 0 && j + 8 > b;)
		{
			if (is_levy(st, j))
				return true;
			if (!(is_genitive(&st->pc.p[j]) || rate_piece(st, j) ||
				  (st->pc.p[j].wordlike && !st->pc.p[j].cap && st->an[j].ment < 0 && st->an[j].cue < 0 &&
				   st->an[j].topic < 0 && !key_in(&st->pc.p[j], L_PREPOSITIONS) &&
				   !key_in(&st->pc.p[j], L_DETERMINERS) && !is_que(&st->pc.p[j]))))
				return false;
		}
		return false;
	}
	/* between the noun and sur: an adjective, its holder after de (la
	 * pression de Pékin sur), a demonym (la pression chinoise sur); after
	 * a levy, its rate (des droits de douane de 25 % sur) */
	for (size_t j = b - 1; j-- > 0 && j + 8 > b;)
	{
		adj = &st->pc.p[j];
		if (is_pressure(adj) || is_levy(st, j))
			return true;
		if (st->an[j].ment >= 0 || st->an[j].demonym >= 0 || is_genitive(adj) || is_definite(adj) ||
			(dp_rule_on(DP_RULE_LEVY_TARGET) && rate_piece(st, j)))
			continue;
		if (!adj->wordlike || adj->cap || st->an[j].topic >= 0 || st->an[j].cue >= 0 ||
			key_in(adj, L_DETERMINERS) || key_in(adj, L_PREPOSITIONS) || is_que(adj) ||
			key_is(adj, "et") || key_is(adj, "ou"))
			return false;
	}
	return false;
}

/*
 * "Les États-Unis, qui poussent pour une trêve, ont exercé une pression
 * sur Zelensky": pressure by a holder already said, in the same sentence,
 * to be for a topic is a means to that end, not a stance against the one
 * pressed (rule pressure-means).  True when such a row of the holder's is
 * already out.
 */
static bool
pressure_means(const St *st, const Ref *holder)
{
	if (!dp_rule_on(DP_RULE_PRESSURE_MEANS) || !holder->valid || !holder->name)
		return false;
	for (size_t i = st->out->n; i-- > 0 && i + 32 > st->out->n;)
	{
		const DpStance *r = &st->out->s[i];

		if (r->sentence != st->sentence)
			continue;
		if (r->target_topic && r->score > 0 && r->holder && strcmp(r->holder, holder->name) == 0)
			return true;
	}
	return false;
}

/*
 * Is the verb cue at piece k the act an act noun at piece n states, after
 * its authors: "la décision de Londres de reconnaître", "la décision du
 * Royaume-Uni, du Canada et de l'Australie de reconnaître"?  Between them
 * only names, de / du / des, articles, commas and et; de or d' right
 * before the verb.
 */
static bool
act_content(const St *st, size_t n, size_t k)
{
	if (!dp_rule_on(DP_RULE_ACT_CONTENT) || k >= st->pc.n || k < n + 3 || k > n + 24 ||
		st->an[k].cue < 0 || st->d->cues[st->an[k].cue].pos != DP_POS_VERB ||
		!(key_is(&st->pc.p[k - 1], "de") || key_is(&st->pc.p[k - 1], "d'")))
		return false;
	for (size_t j = n + (st->an[n].mod_len ? st->an[n].mod_len : 1); j + 1 < k; j++)
	{
		const DpPiece *p = &st->pc.p[j];

		if (!(st->an[j].ment >= 0 || is_genitive(p) || is_definite(p) || key_is(p, "et") ||
			  is_punct(st, p, ",")))
			return false;
	}
	return true;
}

/*
 * The party a demand is addressed to after its object: "réclament des
 * garanties à Téhéran", "exige des explications à Alger".  A demand verb,
 * a determiner, one to three lowercase words naming no topic, cue or name,
 * then à / au / aux (an article may follow) and an acting person, state or
 * organisation: what is demanded of it is pressure on it (rule
 * demand-addressee).  The piece of the name, or SIZE_MAX.  ("demande à
 * Moscou un cessez-le-feu", the addressee first, is left to the topic.)
 */
static size_t
demand_addressee(const St *st, const DpCue *cue, size_t c_end, size_t scope_end, const Ref *holder)
{
	size_t		k = c_end;
	int			words = 0;

	if (!dp_rule_on(DP_RULE_DEMAND_ADDRESSEE) || cue->frame != DP_FR_DEMAND || cue->pos != DP_POS_VERB ||
		k >= scope_end || !(key_in(&st->pc.p[k], L_DETERMINERS) || key_in(&st->pc.p[k], L_POSSESSIVES) ||
							key_is(&st->pc.p[k], "de") || key_is(&st->pc.p[k], "d'")))
		return SIZE_MAX;
	for (k++; k < scope_end && words < 4; k++, words++)
	{
		const DpPiece *p = &st->pc.p[k];

		if (is_prep_a(st, p) || key_is(p, "au") || key_is(p, "aux"))
			break;
		if (words > 0 && (key_is(p, "de") || key_is(p, "d'")))
			continue;			/* des garanties de sécurité */
		/* a noun right after its article that shares a verb cue's stem
		 * (des garanties, garantir) is no cue here */
		if (st->an[k].cue >= 0 && !(words == 0 && st->d->cues[st->an[k].cue].pos == DP_POS_VERB &&
									st->an[k].cue_len == 1))
			return SIZE_MAX;
		/* a person or state pressed (la délégation israélienne à Doha)
		 * is no thing demanded */
		if (!p->wordlike || p->cap || st->an[k].ment >= 0 || st->an[k].topic >= 0 || st->an[k].demonym >= 0 ||
			has_mod(st, k, DP_MOD_COLLECTIVE) || has_mod(st, k, DP_MOD_LEADER) ||
			key_in(p, L_PREPOSITIONS) || key_in(p, L_DETERMINERS) || is_que(p) || key_is(p, "et"))
			return SIZE_MAX;
	}
	if (words == 0 || k >= scope_end || !(is_prep_a(st, &st->pc.p[k]) || key_is(&st->pc.p[k], "au") ||
										  key_is(&st->pc.p[k], "aux")))
		return SIZE_MAX;
	k++;
	if (k < scope_end && is_definite(&st->pc.p[k]))
		k++;
	if (k < scope_end && st->an[k].ment >= 0)
	{
		const DpMention *mm = &st->ms.m[st->an[k].ment];

		if (mm->piece != k || !(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
			!acting(st, mm) || (holder->valid && holder->name && strcmp(holder->name, mm->name) == 0))
			return SIZE_MAX;
		return k;
	}
	return SIZE_MAX;
}

/*
 * Is the name at piece m the complement of a noun phrase coordinated after
 * a noun cue's: "le soutien des États-Unis et l'accompagnement de l'Union
 * africaine" (et or a comma, an article, a lowercase noun, de / du / des,
 * an article allowed before the name)?  That noun's author, not the cue's
 * target (rule coordinated-np).
 */
static bool
coordinated_np(const St *st, size_t m)
{
	size_t		b = m;
	const DpPiece *n;

	if (!dp_rule_on(DP_RULE_COORDINATED_NP))
		return false;
	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b < 4 || !is_genitive(&st->pc.p[b - 1]))
		return false;
	n = &st->pc.p[b - 2];
	if (!n->wordlike || n->cap || st->an[b - 2].ment >= 0 || key_in(n, L_PREPOSITIONS) ||
		key_in(n, L_DETERMINERS) || !key_in(&st->pc.p[b - 3], L_DETERMINERS))
		return false;
	return key_is(&st->pc.p[b - 4], "et") || is_punct(st, &st->pc.p[b - 4], ",");
}

/*
 * A hostile noun cue (pression, or a threat: menaces, intimidation) that
 * something stands up to: "face à la pression de Pékin", "face aux menaces
 * de Moscou", "sous la pression de X".  Returns the piece of face / sous,
 * or SIZE_MAX (rule faced-pressure).
 */
static size_t
faced_at(const St *st, size_t c)
{
	size_t		f;

	if (!dp_rule_on(DP_RULE_FACED_PRESSURE) || st->an[c].cue < 0 ||
		st->d->cues[st->an[c].cue].pos != DP_POS_NOUN ||
		!(is_pressure(&st->pc.p[c]) || st->d->cues[st->an[c].cue].frame == DP_FR_THREATEN))
		return SIZE_MAX;
	if (c >= 2 && (key_is(&st->pc.p[c - 1], "aux") || key_is(&st->pc.p[c - 1], "au")) &&
		key_is(&st->pc.p[c - 2], "face"))
		return c - 2;
	if (c < 2 || !(is_definite(&st->pc.p[c - 1]) || key_in(&st->pc.p[c - 1], L_DETERMINERS)))
		return SIZE_MAX;
	f = c - 2;
	if (key_is(&st->pc.p[f], "sous"))
		return f;
	if (f >= 1 && is_prep_a(st, &st->pc.p[f]) && key_is(&st->pc.p[f - 1], "face"))
		return f - 1;
	return SIZE_MAX;
}

/*
 * ... and the one standing up to it: the nearest acting person, state or
 * organisation before face / sous in the sentence ("renforcer la posture
 * militaire de Taïwan face à la pression de Pékin").  The piece of the
 * mention, or SIZE_MAX.
 */
static size_t
faced_party(const St *st, size_t f)
{
	for (size_t k = f; k-- > 0 && k + MAX_LEFT > f;)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return SIZE_MAX;
		if (st->an[k].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[k].ment];

			if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) &&
				acting(st, mm))
				return mm->piece;
			k = mm->piece;
		}
	}
	return SIZE_MAX;
}

/*
 * Is the name at piece m what something is aimed against: after "contre",
 * or after "pression(s) sur" (an article may come between)?
 */
static bool
aimed_against(const St *st, size_t m)
{
	size_t		b = m;

	if (!dp_rule_on(DP_RULE_AIMED_AGAINST))
		return false;
	if (pressed(st, m))
		return true;
	if (b >= 1 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
		b--;
	if (b < 1)
		return false;
	if (key_is(&st->pc.p[b - 1], "contre"))
		return true;
	return b >= 2 && key_is(&st->pc.p[b - 1], "sur") &&
		is_pressure(&st->pc.p[b - 2]);
}

/*
 * Is the "contre" before the name at piece m the cue's own preposition: the
 * last word of a cue of against or the word right after it ("s'élève
 * contre X", "proteste contre X", "a haussé le ton contre X")?  The name is
 * then what the cue is against, not something the cue's object is aimed
 * against (rule cue-contre).
 */
static bool
cue_contre(const St *st, const DpCue *cue, size_t c_end, size_t m)
{
	size_t		b = m;

	if (!dp_rule_on(DP_RULE_CUE_CONTRE) || cue->polarity >= 0)
		return false;
	if (b >= 1 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
		b--;
	return b >= 1 && b - 1 <= c_end && key_is(&st->pc.p[b - 1], "contre");
}

/*
 * Is the name at piece m introduced as a channel: "sur X", "sur Telegram",
 * "sur le site X", "sur son compte X" (sur, then a bare name, or a
 * determiner or possessive and one lowercase word before it)?  Not "sur le
 * Kremlin" (a name with its article) nor "la pression sur X".
 */
static bool
said_on(const St *st, size_t m)
{
	size_t		b = m;

	if (!dp_rule_on(DP_RULE_CHANNEL))
		return false;
	if (b >= 3 && st->pc.p[b - 1].wordlike && !st->pc.p[b - 1].cap &&
		!key_in(&st->pc.p[b - 1], L_DETERMINERS) && !key_in(&st->pc.p[b - 1], L_POSSESSIVES) &&
		(key_in(&st->pc.p[b - 2], L_DETERMINERS) || key_in(&st->pc.p[b - 2], L_POSSESSIVES)))
		return key_is(&st->pc.p[b - 3], "sur");	/* the noun: site, compte, réseau */
	return b >= 1 && key_is(&st->pc.p[b - 1], "sur") &&
		!(b >= 2 && is_pressure(&st->pc.p[b - 2])) && !pressed(st, m);
}

/*
 * Is the place right after a verb where the act happens: "a plaidé à
 * Moscou pour", "accueillir à Budapest une rencontre", "s'engage en
 * Turquie"?  Not for verbs aimed at someone (reprocher à Washington,
 * remercier, menacer), whose "à X" is the target.
 */
static bool
said_at(const St *st, const DpCue *cue, size_t c_end, const DpMention *mm)
{
	size_t		b = mm->piece;
	const DpPiece *p;

	if (!dp_rule_on(DP_RULE_PLACE_OF_ACT))
		return false;
	if (mm->kind != DP_KIND_GPE || cue->target_mode != DP_TM_OBJECT)
		return false;
	if (frame_has(cue->frame, FF_AIMED))
		return false;
	if (b >= 1 && key_is(&st->pc.p[b - 1], "l'"))
		b--;
	if (b < 1 || b - 1 > c_end)
		return false;
	p = &st->pc.p[b - 1];
	return is_prep_a(st, p) || key_is(p, "au") || key_is(p, "aux") || key_is(p, "en");
}

/* Score one cue at piece c, for each coordinated holder. */
/*
 * Is the last topic named inside the subject of the cue at c, between the
 * holder found (st->hpos) and the cue: "Le CICR, qui a pu rencontrer les
 * détenus, a salué un geste" does not make the meeting its object.
 */
static bool
topic_in_subject(const St *st, size_t c)
{
	if (!dp_rule_on(DP_RULE_TOPIC_IN_SUBJECT))
		return false;
	return st->last_topic_sentence == st->sentence && st->last_topic_piece != SIZE_MAX &&
		st->hpos != SIZE_MAX && st->last_topic_piece >= st->hpos && st->last_topic_piece < c;
}

/*
 * Does the phrase at start open a clause after que / qu' governed by a verb
 * cue right before it ("refuse que l'Ukraine cède", "exige qu'elle
 * renonce")?
 */
/*
 * The piece of the que / qu' right before the phrase at start (its article
 * skipped: "que l'Ukraine"), if it has a piece before it; else SIZE_MAX.
 */
static size_t
que_before(const St *st, size_t start)
{
	size_t		q = start;

	if (q > 0 && key_in(&st->pc.p[q - 1], L_DETERMINERS))
		q--;
	return q >= 2 && is_que(&st->pc.p[q - 1]) ? q - 1 : SIZE_MAX;
}

static bool
governed_clause(const St *st, size_t start)
{
	size_t		q = que_before(st, start);

	if (q == SIZE_MAX)
		return false;
	for (size_t b = q; b-- > 0 && q - b <= 2;)
		if (st->an[b].cue >= 0)
			return st->d->cues[st->an[b].cue].pos == DP_POS_VERB;
	return false;
}

/*
 * The next topic coordinated with the one ending before piece k: "et" then
 * at most a few words that are neither cues, names nor clause ends ("un
 * cessez-le-feu immédiat et pour de nouveaux échanges de prisonniers").
 * Returns its first piece, or SIZE_MAX.
 */
static size_t
coordinated_topic(const St *st, size_t k, size_t scope_end)
{
	bool		and = false;

	if (!dp_rule_on(DP_RULE_COORDINATED_TOPIC))
		return SIZE_MAX;
	for (size_t j = k; j < scope_end && j < k + 6; j++)
	{
		const Anno *a = &st->an[j];
		const DpPiece *p = &st->pc.p[j];

		if (a->topic >= 0)
			return and ? j : SIZE_MAX;
		if (a->cue >= 0 || a->ment >= 0 || !p->wordlike || p->cap)
			return SIZE_MAX;
		if (key_is(p, "et"))
			and = true;
	}
	return SIZE_MAX;
}

/*
 * The names coordinated after a name ending right before piece e: ", Y et
 * Z", "et de l'Australie" (a genitive and an article before each are part
 * of the list).  Only a list closed by "et" counts (a name after a lone
 * comma is more often an apposition), and a name that is the subject of
 * the next verb starts a new clause, unless the list is itself the subject
 * (subject).  Fills out[] (at most max) and
 * *end, the last piece of the last name; returns how many.
 */
static bool
verb_next(const St *st, size_t k)
{
	static const char *const verbish[] = {
		"ont", "avait", "avaient", "aura", "auront", "est", "sont", "etait", "etaient", "sera",
		"seront", "va", "vont", "doit", "doivent", "peut", "peuvent", "veut", "veulent", "ne", "n'",
		"se", "s'", "lui", "leur", "y", "en", NULL
	};

	if (k >= st->pc.n)
		return false;
	/* the auxiliary "a", not the preposition "à" (same folded key) */
	if (st->pc.p[k].len == 1 && key_is(&st->pc.p[k], "a"))
		return true;
	for (int i = 0; verbish[i]; i++)
		if (key_is(&st->pc.p[k], verbish[i]))
			return true;
	return false;
}

static int
coordinated_names(const St *st, size_t e, Ref *out, int max, size_t *end, bool subject)
{
	int			n = 0;
	bool		and = false;
	size_t		k = e;

	while (n < max && k < st->pc.n)
	{
		const DpMention *mm;
		bool		is_and = key_is(&st->pc.p[k], "et");

		if (!is_and && !is_punct(st, &st->pc.p[k], ","))
			break;
		if (and)
			break;				/* nothing after the name closed by "et" */
		k++;
		if (!is_and && k < st->pc.n && key_is(&st->pc.p[k], "et"))
		{
			is_and = true;
			k++;
		}
		if (k < st->pc.n && is_genitive(&st->pc.p[k]))
			k++;
		if (k < st->pc.n && is_definite(&st->pc.p[k]))
			k++;
		if (is_and)
			and = true;			/* "X, Y et des pays nordiques": X and Y */
		if (k >= st->pc.n || st->an[k].ment < 0)
			break;
		mm = &st->ms.m[st->an[k].ment];
		if (mm->piece != k ||
			(!subject && (subject_of_next_cue(st, st->an[k].ment) || verb_next(st, mm->piece + mm->npieces))))
			break;
		/* a place that does not act stays in the list, holding nothing */
		if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) && acting(st, mm))
			out[n++] = ref_mention(st, mm);
		*end = mm->piece + mm->npieces - 1;
		k = mm->piece + mm->npieces;
	}
	return and ? n : 0;
}

/* Is there a que / qu' in pieces [a, b)? */
static bool
complementizer_between(const St *st, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (is_que(&st->pc.p[k]))
			return true;
	return false;
}

/*
 * Does a relative clause with "dont" start at piece k (", dont ses
 * promesses...")?  It describes the name before it, so a cue's objects end
 * there: "déçu par Poutine, dont les promesses de négocier..." is not a
 * stance on negotiations.
 */
static bool
starts_dont_clause(const St *st, size_t k)
{
	if (!dp_rule_on(DP_RULE_DONT_CLAUSE))
		return false;
	return k + 1 < st->pc.n && is_punct(st, &st->pc.p[k], ",") && key_is(&st->pc.p[k + 1], "dont");
}

/*
 * "non pas X mais Y" right after a cue: X is what the holder does not
 * stand for, Y what it does ("Moscou veut non pas une trêve mais un accord
 * de paix": against the truce, for the peace deal).  Returns the piece of
 * "mais" and sets *x to the first piece after "non pas", or SIZE_MAX.
 */
static size_t
non_pas_mais(const St *st, size_t c_end, size_t *x)
{
	size_t		n = st->pc.n;
	size_t		j = c_end;

	if (!dp_rule_on(DP_RULE_NON_PAS_MAIS))
		return SIZE_MAX;
	/* up to one word between the cue and "non pas" (veut donc non pas) */
	for (; j < c_end + 2 && j + 1 < n; j++)
		if (key_is(&st->pc.p[j], "non") && key_is(&st->pc.p[j + 1], "pas"))
			break;
	if (j >= c_end + 2 || j + 1 >= n)
		return SIZE_MAX;
	*x = j + 2;
	for (size_t k = j + 2; k < n && k < j + 2 + MAX_SCOPE; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			break;
		if (key_is(&st->pc.p[k], "mais"))
			return k;
	}
	return SIZE_MAX;
}

/* The first topic term in [from, to), or SIZE_MAX. */
static size_t
topic_in(const St *st, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < st->pc.n; k++)
		if (st->an[k].topic >= 0)
			return k;
	return SIZE_MAX;
}

/* M., MM., Mme, Mmes: a civility title before a name */
static bool
is_civility(const DpPiece *p)
{
	return (p->cls == DP_TOK_ABBREV || p->cls == DP_TOK_WORD) &&
		(key_is(p, "m.") || key_is(p, "mm.") || key_is(p, "m") || key_is(p, "mm") ||
		 key_is(p, "mme") || key_is(p, "mmes"));
}

/*
 * Does a condition clause start at piece k: "si les négociations
 * échouent", "s'il refuse", "si MM. X et Y"?  It ends the object of a cue
 * before it: "protéger nos intérêts si les négociations échouent" is no
 * stance on the negotiations.  "même si" concedes a fact, and ends it too.
 */
static bool
starts_condition(const St *st, size_t k)
{
	const DpPiece *p = &st->pc.p[k];

	if (!dp_rule_on(DP_RULE_CONDITION_CLAUSE) || k + 1 >= st->pc.n)
		return false;
	if (key_is(p, "s'"))
		return key_is(&st->pc.p[k + 1], "il") || key_is(&st->pc.p[k + 1], "ils");
	return key_is(p, "si") &&
		(key_in(&st->pc.p[k + 1], L_DETERMINERS) || key_in(&st->pc.p[k + 1], L_PRONOUNS3) ||
		 st->an[k + 1].ment >= 0 || is_civility(&st->pc.p[k + 1]));
}

/*
 * Is the cue at piece c inside a condition, "si X viole le cessez-le-feu",
 * "s'il refuse"?  What a condition supposes is no one's stance.  The clause
 * runs from "si" to the next comma; "même si" concedes a fact.
 */
static bool
in_condition(const St *st, size_t c)
{
	if (!dp_rule_on(DP_RULE_CONDITION))
		return false;
	for (size_t k = c; k-- > 0 && k + 10 > c;)
	{
		const DpPiece *p = &st->pc.p[k];

		/* the point of M., MM. ends nothing */
		if (is_punct(st, p, ".") && k > 0 && is_civility(&st->pc.p[k - 1]) &&
			dp_rule_on(DP_RULE_CONDITION_CLAUSE))
			continue;
		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p))
			return false;
		if (key_is(p, "s'") && k + 1 < c && (key_is(&st->pc.p[k + 1], "il") || key_is(&st->pc.p[k + 1], "ils")))
			return true;
		if (key_is(p, "si") && !(k > 0 && key_is(&st->pc.p[k - 1], "meme")) && k + 1 < c &&
			(key_in(&st->pc.p[k + 1], L_DETERMINERS) || key_in(&st->pc.p[k + 1], L_PRONOUNS3) ||
			 st->an[k + 1].ment >= 0 ||
			 /* "si MM. Poutine et Trump décidaient" */
			 (dp_rule_on(DP_RULE_CONDITION_CLAUSE) && is_civility(&st->pc.p[k + 1]))))
			return true;
	}
	return false;
}

/*
 * A present participle right after a noun describes that noun: "une
 * résolution exigeant un cessez-le-feu", "un texte appelant à la trêve".
 * It is no one's stance of its own; a cue whose object the noun is takes
 * its polarity ("veto à une résolution exigeant un cessez-le-feu").
 */
static bool
noun_participle(const St *st, size_t k)
{
	const DpPiece *p = &st->pc.p[k];
	const DpPiece *b;
	size_t		len;

	if (!dp_rule_on(DP_RULE_PARTICIPLE) || k == 0 || st->an[k].cue < 0 ||
		st->d->cues[st->an[k].cue].pos != DP_POS_VERB)
		return false;
	len = strlen(p->w->key);
	if (len < 5 || strcmp(p->w->key + len - 3, "ant") != 0)
		return false;
	b = &st->pc.p[k - 1];
	/* after a copula it is an adjective: "Poutine reste méfiant" */
	if (after_copula(st, k))
		return false;
	/* the end of a body's name: "une résolution du Conseil de sécurité exigeant" */
	if (st->an[k - 1].ment >= 0)
		return st->ms.m[st->an[k - 1].ment].kind == DP_KIND_ORG &&
			st->ms.m[st->an[k - 1].ment].piece > 0 &&
			key_in(&st->pc.p[st->ms.m[st->an[k - 1].ment].piece - 1], L_PREPOSITIONS);
	return b->wordlike && !b->cap && !key_is(b, "en") &&
		!key_in(b, L_DETERMINERS) && !key_in(b, L_PREPOSITIONS) && !key_in(b, L_PRONOUNS3) &&
		!key_in(b, L_POSSESSIVES) && !is_que(b);
}

/*
 * "deux dirigeants longtemps opposés, se retrouveront": a past participle
 * cue with no auxiliary or copula before it and a comma or the end right
 * after it describes a noun and has no object: no stance of its own.
 */
static bool
apposed_participle(const St *st, size_t c, size_t c_end)
{
	static const char *const aux[] = {
		"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "est", "sont", "etait",
		"etaient", "sera", "seront", "serait", "seraient", "ete", "etre", "reste", "restent", "semble",
		"semblent", "se", "s'", "s", NULL
	};
	const DpPiece *p = &st->pc.p[c];
	const char *t = st->text + p->off;

	if (!dp_rule_on(DP_RULE_APPOSED_PARTICIPLE) || c_end != c + 1 || c == 0 ||
		st->d->cues[st->an[c].cue].pos != DP_POS_VERB)
		return false;
	/* é, és, ée, ées at the end of the word as written */
	if (!((p->len >= 2 && memcmp(t + p->len - 2, "\xc3\xa9", 2) == 0) ||
		  (p->len >= 3 && (memcmp(t + p->len - 3, "\xc3\xa9" "s", 3) == 0 ||
						   memcmp(t + p->len - 3, "\xc3\xa9" "e", 3) == 0)) ||
		  (p->len >= 4 && memcmp(t + p->len - 4, "\xc3\xa9" "es", 4) == 0)))
		return false;
	if (c_end < st->pc.n && !is_punct(st, &st->pc.p[c_end], ",") && !is_clause_end(st, &st->pc.p[c_end]))
		return false;
	for (size_t k = c; k-- > 0 && k + 4 > c;)
	{
		if (!st->pc.p[k].wordlike)
			break;
		for (int i = 0; aux[i]; i++)
			if (key_is(&st->pc.p[k], aux[i]))
				return false;
	}
	return true;
}

/*
 * A noun cue after a bare de that follows a common noun classifies that
 * noun: "un aéronef de reconnaissance", "des listes de conditions", "un
 * exercice de diversion" say what kind of thing it is, not what anyone
 * stands for.  Nouns that carry a stance stay cues: "un message de
 * soutien", "un geste de bonne volonté", "un vote de confiance".
 */
static bool
classifier_cue(const St *st, size_t c)
{
	static const char *const carriers[] = {
		"message", "messages", "signe", "signes", "signal", "signaux", "geste", "gestes", "lettre",
		"lettres", "declaration", "declarations", "marque", "marques", "gage", "gages", "preuve",
		"preuves", "temoignage", "temoignages", "mot", "mots", "appel", "appels", "vote", "votes",
		"motion", "motions", "expression", "manifestation", "manifestations", "plan", "plans",
		"programme", "paquet", "enveloppe", "accord", "accords", "pacte", "traite", "politique",
		"position", "attitude", "discours", "ton", "offre", "offres", "promesse", "promesses",
		"engagement", "engagements", "demonstration", "elan", "mouvement", "campagne", "ligne",
		"climat", "esprit", "volonte", "acte", "actes", "cri", "sentiment", NULL
	};
	const DpPiece *d,
			   *head;

	if (!dp_rule_on(DP_RULE_CLASSIFIER_CUE) || c < 2)
		return false;
	/* a noun; a word read as a verb or an adjective of the same stem that
	 * is no infinitive is a noun too (reconnaissance, read as reconnaissant:
	 * after de a verb is an infinitive) */
	if (st->d->cues[st->an[c].cue].pos != DP_POS_NOUN)
	{
		const char *key = st->pc.p[c].w->key;
		size_t		len = strlen(key);

		if ((st->d->cues[st->an[c].cue].pos != DP_POS_VERB && st->d->cues[st->an[c].cue].pos != DP_POS_ADJ) ||
			st->an[c].cue_len != 1 || len < 3 ||
			strcmp(key + len - 2, "er") == 0 || strcmp(key + len - 2, "ir") == 0 ||
			strcmp(key + len - 2, "re") == 0)
			return false;
	}
	d = &st->pc.p[c - 1];
	head = &st->pc.p[c - 2];
	if (!(key_is(d, "de") || key_is(d, "d'")))
		return false;
	/* a demonym is an adjective, which de does not complement: "qualifié la
	 * décision algérienne d'injustifiée" */
	if (!head->wordlike || head->cap || st->an[c - 2].ment >= 0 || st->an[c - 2].cue >= 0 ||
		st->an[c - 2].topic >= 0 || st->an[c - 2].mods != 0 || st->an[c - 2].demonym >= 0 ||
		key_in(head, L_DETERMINERS) ||
		key_in(head, L_POSSESSIVES) || key_in(head, L_PREPOSITIONS) || key_in(head, L_PRONOUNS3) ||
		is_genitive(head) || is_que(head) || key_is(head, "et") || key_is(head, "ou"))
		return false;
	for (int i = 0; carriers[i]; i++)
		if (key_is(head, carriers[i]))
			return false;
	/* a verb or an adjective before de governs it: "a besoin de soutien",
	 * "digne de confiance"; a noun after an article or a possessive does not */
	return c >= 3 && (key_in(&st->pc.p[c - 3], L_DETERMINERS) || key_in(&st->pc.p[c - 3], L_POSSESSIVES) ||
					  (st->pc.p[c - 3].wordlike && !st->pc.p[c - 3].cap && c >= 4 &&
					   (key_in(&st->pc.p[c - 4], L_DETERMINERS) || key_in(&st->pc.p[c - 4], L_POSSESSIVES))));
}

/*
 * A noun cue right after a circumstantial phrase names the occasion: "dans
 * le cadre des efforts de médiation", "lors de la visite", "au cours des
 * consultations".  The clause's subject states no stance through it; after
 * a possessive it is someone's own act and stays a cue ("en raison de son
 * soutien à Moscou").
 */
static bool
occasion_direct(const St *st, size_t c)
{
	size_t		e = c;

	if (st->d->cues[st->an[c].cue].pos != DP_POS_NOUN)
		return false;
	/* its article: "lors de la visite", "dans le cadre des efforts" */
	if (e > 0 && (key_in(&st->pc.p[e - 1], L_DETERMINERS) || key_is(&st->pc.p[e - 1], "des") ||
				  key_is(&st->pc.p[e - 1], "du")))
		e--;
	if (e > 0 && key_in(&st->pc.p[e - 1], L_DETERMINERS) && is_genitive(&st->pc.p[e]))
		e--;
	for (size_t k = e; k-- > 0 && e - k <= 5;)
		if (has_mod(st, k, DP_MOD_CIRCUMSTANCE))
			return k + (st->an[k].mod_len ? st->an[k].mod_len : 1) == e;
	return false;
}

static bool
occasion_cue(const St *st, size_t c)
{
	if (!dp_rule_on(DP_RULE_OCCASION_CUE))
		return false;
	/* the complement of an occasion's noun: the médiation of "dans le
	 * cadre des efforts de médiation" (one level, no recursion) */
	if (c >= 2 && (key_is(&st->pc.p[c - 1], "de") || key_is(&st->pc.p[c - 1], "d'")) &&
		st->d->cues[st->an[c].cue].pos == DP_POS_NOUN &&
		st->an[c - 2].cue >= 0 && st->an[c - 2].cue_len == 1 && occasion_direct(st, c - 2))
		return true;
	return occasion_direct(st, c);
}

/*
 * The clause a cue verb reports when it follows it with its subject
 * inverted (rule quoted-clause-target): "« La trêve est une erreur », a
 * dénoncé X", "La décision française « récompense la terreur », a fustigé
 * X".  The clause runs from the sentence start (or the last clause end) to
 * the closing quote at piece close.  When it holds no cue of its own (then
 * the quote carries its speaker's stance, and a verb such as "a déploré"
 * may react to it rather than repeat it), its first topic term is the
 * target, else its subject: an acting entity opening the clause, or an act
 * named with its author (la décision française, les propos de Trump).
 * Sets *topic (a topic index) or *r, and *pos, the target's first piece.
 */
static bool
quoted_clause_target(const St *st, size_t close, int *topic, Ref *r, size_t *pos)
{
	size_t		start = 0,
				first = SIZE_MAX;

	*topic = -1;
	if (!dp_rule_on(DP_RULE_QUOTED_CLAUSE_TARGET) || close >= st->pc.n)
		return false;
	for (size_t k = close; k-- > 0;)
		if (is_clause_end(st, &st->pc.p[k]) || is_punct(st, &st->pc.p[k], ":"))
		{
			start = k + 1;
			break;
		}
	for (size_t k = start; k < close; k++)
		if (st->an[k].cue >= 0)
			return false;
	for (size_t k = start; k < close; k++)
		if (st->an[k].topic >= 0)
		{
			*topic = st->an[k].topic;
			*pos = k;
			return true;
		}
	for (size_t k = start; k < close && first == SIZE_MAX; k++)
		if (st->pc.p[k].wordlike && !key_in(&st->pc.p[k], L_DETERMINERS))
			first = k;
	if (first == SIZE_MAX)
		return false;
	if (st->an[first].ment >= 0)
	{
		const DpMention *mm = &st->ms.m[st->an[first].ment];

		if (mm->piece != first || !(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
			!acting(st, mm))
			return false;
		*r = ref_mention(st, mm);
		*pos = first;
		return r->valid;
	}
	if (has_mod(st, first, DP_MOD_AUTHOR))
	{
		size_t		last = first + (st->an[first].mod_len ? st->an[first].mod_len : 1) - 1,
					e;

		if (last + 1 < close && st->an[last + 1].demonym >= 0)
			*r = ref_state(st, st->an[last + 1].demonym);
		else if (!author_after(st, last, close, r, &e))
			return false;
		*pos = first;
		return r->valid;
	}
	return false;
}

/*
 * The passive's subject is an act named with its author (rule
 * passive-act-author): "la décision de Paris a été rejetée par Moscou", "la
 * décision française a été fermement rejetée par les États-Unis", "la
 * proposition de Kiev, saluée par Ankara".  Left of the cue at piece c,
 * within its clause, an author noun (DP_MOD_AUTHOR) followed by its author
 * (de / par + an acting entity, or a demonym right after the noun); between
 * the author and the cue only auxiliaries, adverbs, commas, quotes or qui,
 * so that the act is the cue's subject and not a complement of an earlier
 * clause.  Sets *r and the act noun's first piece *pos.
 */
static bool
passive_act_author(const St *st, size_t c, Ref *r, size_t *pos)
{
	if (!dp_rule_on(DP_RULE_PASSIVE_ACT_AUTHOR))
		return false;
	for (size_t k = c; k-- > 0 && k + 10 > c;)
	{
		const DpPiece *p = &st->pc.p[k];
		size_t		klast,
					e = SIZE_MAX;
		int			words = 0;

		if (is_clause_end(st, p))
			return false;
		if (!has_mod(st, k, DP_MOD_AUTHOR))
		{
			if (st->an[k].cue >= 0 || st->an[k].topic >= 0)
				return false;
			continue;
		}
		klast = k + (st->an[k].mod_len ? st->an[k].mod_len : 1) - 1;
		if (klast >= c)
			return false;
		if (klast + 1 < c && st->an[klast + 1].demonym >= 0)
		{
			*r = ref_state(st, st->an[klast + 1].demonym);
			e = klast + 1;
		}
		else if (author_after(st, klast, c, r, &e))
			;
		/*
		 * "La France va reconnaître l'État de Palestine, une décision
		 * aussitôt rejetée par les États-Unis": an act in apposition to
		 * the clause before is its subject's (rule apposed-act-author)
		 */
		else if (dp_rule_on(DP_RULE_APPOSED_ACT_AUTHOR) && k >= 2 &&
				 (key_is(&st->pc.p[k - 1], "une") || key_is(&st->pc.p[k - 1], "un")) &&
				 is_punct(st, &st->pc.p[k - 2], ",") && sentence_subject(st, k - 2, r))
			e = klast;
		else
			return false;
		if (!r->valid || e >= c)
			return false;
		for (size_t j = e + 1; j < c; j++)
		{
			const DpPiece *q = &st->pc.p[j];

			if (is_punct(st, q, ",") || q->cls == DP_TOK_QUOTE || key_is(q, "qui") || is_aux_a(st, q))
				continue;
			if (!q->wordlike || q->cap || st->an[j].ment >= 0 || st->an[j].cue >= 0 ||
				st->an[j].topic >= 0 || key_in(q, L_PREPOSITIONS) || key_in(q, L_DETERMINERS) ||
				is_genitive(q) || ++words > 4)
				return false;
		}
		*pos = k;
		return true;
	}
	return false;
}

/*
 * The author of what the noun at piece k names, "les propos de Trump", "la
 * décision d'Alger", "les droits de douane imposés par Donald Trump": an
 * acting entity after de / du / des / d' (an article may follow) or after
 * par, within a few words and before any clause end, comma, que or other
 * cue.  Sets *r and the author's last piece *e.
 */
static bool
author_after(const St *st, size_t k, size_t scope_end, Ref *r, size_t *e)
{
	for (size_t j = k + 1; j < scope_end && j < k + 7; j++)
	{
		const DpPiece *p = &st->pc.p[j];
		size_t		m = j + 1;

		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p) ||
			(st->an[j].cue >= 0 && !noun_participle(st, j) && st->d->cues[st->an[j].cue].pos != DP_POS_VERB &&
			 /* "le rôle de médiation du Qatar": a topic noun after de
			  * qualifies the act, its author comes after it (rule
			  * author-past-topic) */
			 !(st->an[j].topic >= 0 && j > k && is_genitive(&st->pc.p[j - 1]) &&
			   dp_rule_on(DP_RULE_AUTHOR_PAST_TOPIC))))
			return false;
		if (st->an[j].ment >= 0)
			return false;		/* a name not introduced by de or par: not the author */
		if (!is_genitive(p) && !key_is(p, "par"))
			continue;
		if (m < scope_end && is_definite(&st->pc.p[m]))
			m++;
		if (m < scope_end && st->an[m].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[m].ment];

			if (!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
				!acting(st, mm))
				return false;
			*r = ref_mention(st, mm);
			*e = mm->piece + mm->npieces - 1;
			return true;
		}
	}
	return false;
}

/*
 * The state an act noun ending at piece k stands for by its demonym: "la
 * décision française", "le plan chinois", "les mesures américaines", "la
 * décision unilatérale algérienne" (one lowercase adjective may come
 * first).  No topic may follow in the cue's object up to scope_end, nor
 * open on the noun itself (kb, its first piece): "la proposition américaine
 * pour un cessez-le-feu" and "le plan de paix américain" are about the
 * topic, not for or against the state that made them.  Sets *r and the
 * demonym's piece *e.
 */
static bool
demonym_author(const St *st, size_t c, size_t c_end, size_t kb, size_t k, size_t scope_end, Ref *r, size_t *e)
{
	size_t		d = k + 1;

	if (!dp_rule_on(DP_RULE_DEMONYM_AUTHOR) || d >= scope_end || d >= st->pc.n || kb < c_end)
		return false;
	/* an infinitive after de (le refus du Hamas d'accepter l'offre
	 * israélienne): whose stance it is the governing noun says */
	if (c > 0 && (key_is(&st->pc.p[c - 1], "de") || key_is(&st->pc.p[c - 1], "d'")))
		return false;
	/* the cue's object: only articles, possessives and à, au, aux, contre,
	 * de before the noun (a rejeté la décision, s'oppose à la décision), not
	 * "la stratégie face à l'agression russe" */
	if (kb > c_end + 2)
		return false;
	for (size_t j = c_end; j < kb; j++)
	{
		const DpPiece *p = &st->pc.p[j];

		if (!(key_in(p, L_DETERMINERS) || key_in(p, L_POSSESSIVES) || is_prep_a(st, p) || key_is(p, "au") ||
			  key_is(p, "aux") || key_is(p, "contre") || is_genitive(p)))
			return false;
	}
	if (st->an[d].demonym < 0 && d + 1 < scope_end)
	{
		const DpPiece *p = &st->pc.p[d];

		if (!p->wordlike || p->cap || st->an[d].ment >= 0 || st->an[d].cue >= 0 || st->an[d].topic >= 0 ||
			key_in(p, L_DETERMINERS) || key_in(p, L_PREPOSITIONS) || is_genitive(p) || is_que(p) ||
			key_is(p, "et") || key_is(p, "ou"))
			return false;
		d++;
	}
	if (st->an[d].demonym < 0 || st->an[d].ment >= 0)
		return false;
	for (size_t j = kb; j < scope_end; j++)
		if (st->an[j].topic >= 0)
			return false;
	*r = ref_state(st, st->an[d].demonym);
	*e = d;
	return r->valid && r->name != NULL;
}

/*
 * "a mis son veto à une résolution du Conseil de sécurité exigeant un
 * cessez-le-feu": an organisation of no state after de, whose act names a
 * topic further in the cue's object, is the forum the act is put to, not
 * the party the stance is about (rule forum-author).  Not after par (la
 * proposition présentée par l'ONU).  r is the author found, ending at
 * piece e.
 */
static bool
forum_author(const St *st, const Ref *r, size_t e, size_t scope_end)
{
	size_t		b;

	if (!dp_rule_on(DP_RULE_FORUM_AUTHOR) || r->kind != DP_KIND_ORG || r->actor >= 0 || e >= st->pc.n ||
		st->an[e].ment < 0)
		return false;
	b = st->ms.m[st->an[e].ment].piece;
	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b == 0 || !is_genitive(&st->pc.p[b - 1]))
		return false;
	for (size_t j = e + 1; j < scope_end; j++)
		if (st->an[j].topic >= 0)
			return true;
	return false;
}

/* ... and the same for a name met in the object: "à une résolution du
 * Conseil de sécurité exigeant un cessez-le-feu" */
static bool
forum_mention(const St *st, const DpMention *mm, size_t scope_end)
{
	Ref			r = ref_mention(st, mm);

	return forum_author(st, &r, mm->piece + mm->npieces - 1, scope_end);
}

/*
 * Is the place whose name (its article skipped) starts at piece b the
 * complement of a locative phrase: "dans le nord de la Syrie", "sur la
 * bande de Gaza", "vers la frontière du Liban", "depuis la région de
 * Koursk"?  A locative preposition (dans, en, sur, vers, depuis), an
 * article or a possessive, one or two lowercase words naming a part or
 * an area, then de / du / des / d' (an article may follow) before the
 * name: the phrase says where something happens, the place is no target.
 * After sur only a place that does not act ("la pression sur le
 * gouvernement de la Russie" is aimed at it).
 */
static bool
place_phrase(const St *st, const DpMention *mm, size_t b)
{
	size_t		k = b;
	int			words = 0;
	const DpPiece *prep;

	if (!dp_rule_on(DP_RULE_PLACE_PHRASE))
		return false;
	/* "ses frappes sur la bande de Gaza", "sur Gaza" */
	if (k >= 1 && key_is(&st->pc.p[k - 1], "sur") && !acting(st, mm) && !pressed(st, mm->piece))
		return true;
	if (k < 4 || !is_genitive(&st->pc.p[k - 1]))
		return false;
	k--;
	while (k > 0 && words < 2)
	{
		const DpPiece *p = &st->pc.p[k - 1];

		if (!p->wordlike || p->cap || st->an[k - 1].ment >= 0 || st->an[k - 1].cue >= 0 ||
			st->an[k - 1].topic >= 0 || key_in(p, L_DETERMINERS) || key_in(p, L_POSSESSIVES) ||
			key_in(p, L_PREPOSITIONS) || is_genitive(p) || is_que(p) || is_pressure(p) ||
			key_is(p, "et") || key_is(p, "ou"))
			break;
		k--;
		words++;
	}
	if (words == 0 || k < 2 ||
		!(key_in(&st->pc.p[k - 1], L_DETERMINERS) || key_in(&st->pc.p[k - 1], L_POSSESSIVES)))
		return false;
	prep = &st->pc.p[k - 2];
	if (key_is(prep, "dans") || key_is(prep, "en") || key_is(prep, "vers") || key_is(prep, "depuis"))
		return true;
	return key_is(prep, "sur") && !acting(st, mm);
}

/*
 * Is the mention a place where something happens rather than a target:
 * a place after "en" or "dans" (en Ukraine, dans la bande de Gaza), or a
 * city or region that does not act after "à", "au", "aux" (à Istanbul)?
 * A state after "à" stays a target: "le soutien à l'Ukraine".
 */
static bool
place_of(const St *st, const DpMention *mm)
{
	size_t		b = mm->piece;

	if (!dp_rule_on(DP_RULE_PLACE_NOT_TARGET) || (mm->kind != DP_KIND_GPE && mm->kind != DP_KIND_LOC))
		return false;
	while (b > 0 && (is_definite(&st->pc.p[b - 1]) || key_is(&st->pc.p[b - 1], "bande")))
		b--;
	if (b == 0)
		return false;
	if (key_is(&st->pc.p[b - 1], "en") || key_is(&st->pc.p[b - 1], "dans"))
		return true;
	if ((is_prep_a(st, &st->pc.p[b - 1]) || key_is(&st->pc.p[b - 1], "au") ||
		 key_is(&st->pc.p[b - 1], "aux")) && !acting(st, mm))
		return true;
	return place_phrase(st, mm, b);
}

/*
 * Is the verb cue at c the infinitive of a reason, "accuse son voisin de
 * soutenir les rebelles", "reproche à Kiev de bloquer"?  The act is the one
 * accused, blamed or thanked, not the subject's own stance.
 */
static bool
reason_infinitive_at(const St *st, size_t c)
{
	size_t		m = c - 1;			/* de, d' before the infinitive */

	if (!dp_rule_on(DP_RULE_REASON_INFINITIVE) || c < 2 || st->d->cues[st->an[c].cue].pos != DP_POS_VERB)
		return false;
	if (m >= 2 && (key_is(&st->pc.p[m], "avoir") || key_is(&st->pc.p[m], "etre")))
		m--;				/* d'avoir accueilli */
	/* "accusé de ne pas respecter", "de ne plus vouloir": a negated act */
	if (m >= 3 && key_in(&st->pc.p[m], L_NEGATORS) &&
		(key_is(&st->pc.p[m - 1], "ne") || key_is(&st->pc.p[m - 1], "n'")) &&
		dp_rule_on(DP_RULE_NEGATED_REASON))
		m -= 2;
	if (!(key_is(&st->pc.p[m], "de") || key_is(&st->pc.p[m], "d'")))
		return false;
	for (size_t k = m; k-- > 0 && k + 8 > m;)
	{
		if (is_clause_end(st, &st->pc.p[k]) || is_que(&st->pc.p[k]))
			return false;
		if (st->an[k].cue >= 0)
			return frame_has(st->d->cues[st->an[k].cue].frame, FF_REASON) && k + st->an[k].cue_len <= m;
	}
	return false;
}

/*
 * ... and the infinitive such a blamed verb governs: "accusée de ne pas
 * vouloir appliquer les accords" blames the whole act (one level).
 */
static bool
reason_infinitive(const St *st, size_t c)
{
	if (reason_infinitive_at(st, c))
		return true;
	return dp_rule_on(DP_RULE_NEGATED_REASON) && c >= 3 && st->an[c - 1].cue >= 0 &&
		st->an[c - 1].cue_len == 1 && st->d->cues[st->an[c - 1].cue].pos == DP_POS_VERB &&
		st->d->cues[st->an[c].cue].pos == DP_POS_VERB && reason_infinitive_at(st, c - 1);
}

/*
 * The author of a faced pressure after it, one adjective allowed between:
 * "la pression croissante de Pékin", "la pression chinoise".
 */
static bool
faced_holder(const St *st, size_t c_end, Ref *out)
{
	size_t		j = c_end;

	if (j < st->pc.n && st->pc.p[j].wordlike && !st->pc.p[j].cap && st->an[j].ment < 0 &&
		st->an[j].cue < 0 && st->an[j].demonym < 0 && !is_genitive(&st->pc.p[j]) &&
		!key_in(&st->pc.p[j], L_PREPOSITIONS) && !key_in(&st->pc.p[j], L_DETERMINERS))
		j++;
	if (j < st->pc.n && st->an[j].demonym >= 0 && st->an[j].ment < 0)
	{
		*out = ref_state(st, st->an[j].demonym);
		return out->valid && out->name;
	}
	if (j + 1 >= st->pc.n || !is_genitive(&st->pc.p[j]))
		return false;
	j++;
	if (j < st->pc.n && is_definite(&st->pc.p[j]))
		j++;
	if (j < st->pc.n && st->an[j].ment >= 0)
	{
		const DpMention *mm = &st->ms.m[st->an[j].ment];

		if (mm->piece == j && (mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) &&
			acting(st, mm))
		{
			*out = ref_mention(st, mm);
			return true;
		}
	}
	return false;
}

/* Does a "face à / face aux / sous" phrase at piece k open on a hostile
 * noun cue (faced_at())? */
static bool
faces_hostile(const St *st, size_t k)
{
	if (!(key_is(&st->pc.p[k], "face") || key_is(&st->pc.p[k], "sous")))
		return false;
	for (size_t c = k + 2; c < st->pc.n && c <= k + 3; c++)
		if (st->an[c].cue >= 0 && faced_at(st, c) == k)
			return true;
	return false;
}

/*
 * Where a cue's object ends: at the clause end, MAX_SCOPE pieces on, a
 * comparison or alternative (tout comme, plutôt que), the comma of a
 * relative clause, a dont clause, a contrast, a circumstantial phrase, or
 * the edge of the cue's quote.
 */
/*
 * Does a coordinated clause or predicate start at piece k: "et je
 * remercie", "mais il refuse", "et a critiqué", "et salue"?
 */
static bool
new_clause(const St *st, size_t k)
{
	static const char *const subj[] = {"je", "j'", "il", "elle", "nous", "ils", "elles", "on", NULL};
	static const char *const aux[] = {"ont", "avait", "avaient", "est", "sont", "etait", "etaient", "ne", "n'",
		"se", "s'", NULL};
	const DpPiece *p;

	if (!dp_rule_on(DP_RULE_CLAUSE_AND) || k + 1 >= st->pc.n ||
		!(key_is(&st->pc.p[k], "et") || key_is(&st->pc.p[k], "mais")))
		return false;
	p = &st->pc.p[k + 1];

	for (int i = 0; subj[i]; i++)
		if (key_is(p, subj[i]))
			return true;
	/* "et a critiqué", "et ont salué", "et ne soutient pas": a second
	 * predicate of the same subject */
	if (is_aux_a(st, p))
		return true;
	for (int i = 0; aux[i]; i++)
		if (key_is(p, aux[i]))
			return true;
	return st->an[k + 1].cue >= 0 && st->d->cues[st->an[k + 1].cue].pos == DP_POS_VERB &&
		!noun_participle(st, k + 1);
}

/*
 * ", une décision ...", ", une mesure ...": at piece k a comma, then un /
 * une and an act noun (an author noun) in apposition to the clause before
 * (rule apposed-act-author): the clause's objects end there.
 */
static bool
apposed_act(const St *st, size_t k)
{
	return dp_rule_on(DP_RULE_APPOSED_ACT_AUTHOR) && k + 2 < st->pc.n && is_punct(st, &st->pc.p[k], ",") &&
		(key_is(&st->pc.p[k + 1], "une") || key_is(&st->pc.p[k + 1], "un")) && has_mod(st, k + 2, DP_MOD_AUTHOR);
}

static size_t
cue_scope(const St *st, size_t c, size_t c_end)
{
	const Anno *ca = &st->an[c];
	size_t		n = st->pc.n;
	size_t		scope_end = c_end;

	while (scope_end < n && scope_end < c_end + MAX_SCOPE && !is_clause_end(st, &st->pc.p[scope_end]) &&
		   !is_rather(st, scope_end) &&
		   !(st->relative && is_punct(st, &st->pc.p[scope_end], ",")) &&
		   !starts_dont_clause(st, scope_end) &&
		   !(scope_end > c_end && has_mod(st, scope_end, DP_MOD_CONTRAST)) &&
		   !(scope_end > c_end && has_mod(st, scope_end, DP_MOD_CIRCUMSTANCE) &&
			 dp_rule_on(DP_RULE_CIRCUMSTANCE)) &&
		   !(scope_end > c_end && st->an[scope_end].quote != ca->quote && ca->quote >= 0) &&
		   !(scope_end > c_end && new_clause(st, scope_end)) &&
		   /* "renforce sa défense face à la pression de Pékin": what it
		    * stands up to is no object (rule faced-pressure) */
		   !(scope_end > c_end && scope_end + 3 < n && faces_hostile(st, scope_end)) &&
		   !(scope_end > c_end && starts_condition(st, scope_end)) &&
		   /* ", une décision saluée par X": an apposition on the clause */
		   !(scope_end > c_end && apposed_act(st, scope_end)) &&
		   /* ", selon X": who says it, not what it is about */
		   !(scope_end > c_end && key_is(&st->pc.p[scope_end], "selon") && dp_rule_on(DP_RULE_TRAILING_SELON)))
		scope_end++;
	return scope_end;
}

/*
 * The piece after the adverbs that start at piece k, before piece limit (k
 * when there are none): a word in -ment, aussi, encore, à plusieurs
 * reprises, une nouvelle fois, de nouveau, a day (rule adverb-gap).  At
 * most three adverbs; a name, cue or topic word is none.
 */
static size_t
adverb_gap(const St *st, size_t k, size_t limit)
{
	static const char *const adverbs[] = {
		"aussi", "egalement", "encore", "toujours", "deja", "ainsi", "hier", "lundi", "mardi",
		"mercredi", "jeudi", "vendredi", "samedi", "dimanche", NULL
	};

	if (!dp_rule_on(DP_RULE_ADVERB_GAP))
		return k;
	for (int n = 0; n < 3 && k < limit; n++)
	{
		const DpPiece *p = &st->pc.p[k];
		bool		adv = false;

		if (!p->wordlike || p->cap || st->an[k].ment >= 0 || st->an[k].cue >= 0 || st->an[k].topic >= 0)
			break;
		if (p->w->keylen > 5 && memcmp(p->w->key + p->w->keylen - 4, "ment", 4) == 0)
			adv = true;
		for (int i = 0; adverbs[i] && !adv; i++)
			adv = key_is(p, adverbs[i]);
		if (adv)
		{
			k++;
			continue;
		}
		if (k + 2 < limit &&
			((key_is(p, "a") && key_is(&st->pc.p[k + 1], "plusieurs") && key_is(&st->pc.p[k + 2], "reprises")) ||
			 (key_is(p, "une") && key_is(&st->pc.p[k + 1], "nouvelle") && key_is(&st->pc.p[k + 2], "fois"))))
		{
			k += 3;
			continue;
		}
		if (k + 1 < limit && key_is(p, "de") && key_is(&st->pc.p[k + 1], "nouveau"))
		{
			k += 2;
			continue;
		}
		break;
	}
	return k;
}

/*
 * Is the noun cue at piece k the object of the verb cue ending at c_end:
 * right after it, or after an article or a possessive ("a augmenté son
 * blocage", "maintient le veto")?
 */
static bool
governed_noun(const St *st, size_t c_end, size_t k)
{
	bool		expr;

	if (!dp_rule_on(DP_RULE_GOVERNED_NOUN) || st->an[k].cue < 0 || st->an[k].topic >= 0)
		return false;
	/* a fixed expression after an article is a noun phrase too: "prône la
	 * fermeté envers Alger" (rule nominal-expression); one ending on contre
	 * is aimed-against's ("soutient la lutte contre X") */
	expr = st->d->cues[st->an[k].cue].pos == DP_POS_EXPR && dp_rule_on(DP_RULE_NOMINAL_EXPRESSION) &&
		!key_is(&st->pc.p[k + st->an[k].cue_len - 1], "contre");
	if (st->d->cues[st->an[k].cue].pos != DP_POS_NOUN && !expr)
		return false;
	c_end = adverb_gap(st, c_end, k);
	if (k == c_end)
		return !expr;
	return k == c_end + 1 && (key_in(&st->pc.p[c_end], L_DETERMINERS) ||
							  (key_in(&st->pc.p[c_end], L_POSSESSIVES) &&
							   !key_in(&st->pc.p[c_end], L_PREPOSITIONS)));
}

/*
 * Is the name at piece m the author of the governed noun cue ending at
 * noun_end: after de, du, des or d' (an article may come between) at most
 * two words (adjectives) after the noun ("le chantage de Moscou", "la
 * coercition économique de la Chine"), or after par at most three words
 * after it ("la coercition exercée par Pékin")?  Not "la coopération avec
 * X", the noun's own object, nor the one done to after a patient noun.
 */
static bool
governed_author(const St *st, size_t noun_start, size_t noun_end, size_t m)
{
	size_t		b = m;
	const DpPiece *link;

	if (!dp_rule_on(DP_RULE_GOVERNED_AUTHOR) || noun_end == SIZE_MAX || m <= noun_end)
		return false;
	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b == 0 || b - 1 < noun_end)
		return false;
	link = &st->pc.p[b - 1];
	/*
	 * after a noun of what is done to someone (diplo.modifier type
	 * patient: "la condamnation de X", "l'arrestation de X") de names that
	 * someone, not the author (rule patient-noun)
	 */
	if (!((is_genitive(link) && b - 1 <= noun_end + 2 &&
		   !(has_mod(st, noun_start, DP_MOD_PATIENT) && dp_rule_on(DP_RULE_PATIENT_NOUN))) ||
		  (key_is(link, "par") && b - 1 <= noun_end + 3)))
		return false;
	for (size_t j = noun_end; j < b - 1; j++)
		if (!st->pc.p[j].wordlike || st->an[j].ment >= 0 || st->an[j].cue >= 0 || st->an[j].topic >= 0)
			return false;
	return true;
}

/*
 * Is the noun cue at c a backing given to the clause's subject: "avec le
 * soutien de X", "avec l'appui de X", "grâce au soutien de X"?
 */
static bool
backing(const St *st, size_t c)
{
	const DpCue *cue = &st->d->cues[st->an[c].cue];
	const DpPiece *a;

	if (!dp_rule_on(DP_RULE_BACKED_BY) || cue->pos != DP_POS_NOUN || cue->polarity < 0 ||
		!frame_has(cue->frame, FF_ENTITY) || c < 2)
		return false;
	a = &st->pc.p[c - 1];
	if (key_is(a, "au"))
		return key_is(&st->pc.p[c - 2], "grace");
	return (key_is(a, "le") || key_is(a, "l'") || key_is(a, "la")) &&
		(key_is(&st->pc.p[c - 2], "avec") || key_is(&st->pc.p[c - 2], "sous"));
}

/*
 * "la coopération entre Séoul et Tokyo" said by the Japanese Prime
 * Minister: among the parties after entre, the holder's own state is no
 * target (rule own-party).  Returns the holder's actor when the name at
 * piece m opens such a list, else -1.
 */
static int16_t
own_party(const St *st, size_t m, const Ref *holder)
{
	size_t		b = m;

	if (!dp_rule_on(DP_RULE_OWN_PARTY) || !holder->valid || holder->actor < 0)
		return -1;
	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b == 0 || !key_is(&st->pc.p[b - 1], "entre"))
		return -1;
	return holder->actor;
}

/* Is the name at piece m a noun's complement: after à, au, aux, envers,
 * contre, pour, vis-à-vis de (an article may come between)? */
static bool
noun_complement(const St *st, size_t m)
{
	size_t		b = m;

	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b == 0)
		return false;
	if (pressed(st, m))
		return true;		/* la pression de Pékin sur Taïwan */
	return is_prep_a(st, &st->pc.p[b - 1]) || key_is(&st->pc.p[b - 1], "au") ||
		key_is(&st->pc.p[b - 1], "aux") || key_is(&st->pc.p[b - 1], "envers") ||
		key_is(&st->pc.p[b - 1], "contre") || key_is(&st->pc.p[b - 1], "pour") ||
		is_genitive(&st->pc.p[b - 1]);
}

/*
 * An object relative after a preposition, "pour laquelle", "contre
 * lequel", "auxquelles", before the holder starting at piece h (its article
 * skipped): the piece of the preposition, or SIZE_MAX.
 */
static size_t
prep_relative(const St *st, size_t h)
{
	static const char *const rel[] = {"laquelle", "lequel", "lesquels", "lesquelles", NULL};
	static const char *const fused[] = {"auquel", "auxquels", "auxquelles", "duquel", "desquels",
		"desquelles", NULL};

	if (!dp_rule_on(DP_RULE_PREP_RELATIVE))
		return SIZE_MAX;
	if (h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
		h--;
	if (h < 1)
		return SIZE_MAX;
	for (int i = 0; fused[i]; i++)
		if (key_is(&st->pc.p[h - 1], fused[i]))
			return h - 1;
	if (h < 2 || !key_in(&st->pc.p[h - 2], L_PREPOSITIONS))
		return SIZE_MAX;
	for (int i = 0; rel[i]; i++)
		if (key_is(&st->pc.p[h - 1], rel[i]))
			return h - 2;
	return SIZE_MAX;
}
