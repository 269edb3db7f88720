/*
 * stance/score.c
 *	  Stage 4, scores: each cue with its holder and targets becomes stance
 *	  rows (push()), scored polarity x term polarity x weight, flipped by
 *	  negation (a negated rejection is weak support), scaled by hedges,
 *	  intensifiers and contrast (factors of diplo.modifier), governed verbs
 *	  multiplying their polarities, clamped to [-1, 1]; copies for
 *	  coordinated and compared holders and reporting speakers; topic actions
 *	  without a cue; the sentence loop.
 */

static void
push(St *st, const Ref *holder, int32_t quote, const char *target, int16_t tactor, bool topic,
	 float score, size_t c, size_t c_end, size_t lo, size_t hi, bool neg, bool hedged, bool reported)
{
	DpStances  *o = st->out;
	DpStance   *s;
	const DpPiece *a,
			   *z,
			   *ca,
			   *cz;

	if (!isfinite(score) || score == 0.0f)
		return;
	if (holder && holder->valid && !topic && strcmp(holder->name, target) == 0)
		return;
	/*
	 * "les sanctions adoptées avant 2015 contre l'Iran", held by Iran: no
	 * one is for a measure aimed against itself (rule self-aimed)
	 */
	if (topic && score > 0 && holder && holder->valid && dp_rule_on(DP_RULE_SELF_AIMED))
		for (size_t k = lo; k <= hi && k + 1 < st->pc.n; k++)
		{
			size_t		m = k + 1;

			if (!key_is(&st->pc.p[k], "contre"))
				continue;
			if (st->an[m].ment < 0 && m + 1 < st->pc.n && key_in(&st->pc.p[m], L_DETERMINERS))
				m++;
			if (st->an[m].ment >= 0)
			{
				const DpMention *mm = &st->ms.m[st->an[m].ment];

				if (strcmp(mm->name, holder->name) == 0 || (mm->actor >= 0 && mm->actor == holder->actor))
					return;
			}
		}
	if (score > 1.0f)
		score = 1.0f;
	if (score < -1.0f)
		score = -1.0f;
	if (o->n == o->cap)
	{
		o->cap = o->cap ? o->cap * 2 : 32;
		o->s = dp_realloc(st->m, o->s, dp_mul_size(st->m, o->cap, sizeof(DpStance)));
	}
	s = &o->s[o->n++];
	memset(s, 0, sizeof(*s));
	s->holder = holder && holder->valid ? holder->name : NULL;
	s->holder_actor = holder && holder->valid ? holder->actor : -1;
	s->quote = s->holder ? -1 : quote;
	s->target = target;
	s->target_actor = tactor;
	s->target_topic = topic;
	s->score = score;
	s->negated = neg;
	s->hedged = hedged;
	s->reported = reported;
	s->sentence = st->sentence;
	ca = &st->pc.p[c];
	cz = &st->pc.p[c_end - 1];
	s->cue_off = ca->off;
	s->cue_len = cz->off + cz->len - ca->off;
	if (hi < c_end - 1)
		hi = c_end - 1;
	if (st->hpos != SIZE_MAX && st->hend < st->pc.n && st->hend > hi)
		hi = st->hend;
	a = &st->pc.p[lo];
	z = &st->pc.p[hi];
	s->off = a->off;
	s->len = z->off + z->len - a->off;
	s->coff = a->coff;
	s->clen = z->coff + z->clen - a->coff;
}

/*
 * A row toward the state of actor (a demonym read as its state: "a expulsé
 * douze diplomates algériens", "l'État palestinien"), unless that state
 * is the holder.  Returns whether it was pushed.
 */
static bool
push_state(St *st, int16_t actor, const Ref *holder, int32_t quote, float score, size_t c, size_t c_end,
		   size_t lo, size_t k, bool neg, bool hedged, bool reported)
{
	Ref			r = ref_state(st, actor);

	if (!r.valid || !r.name || (holder->valid && holder->name && strcmp(holder->name, r.name) == 0))
		return false;
	push(st, holder, quote, r.name, r.actor, false, score, c, c_end, lo, k, neg, hedged, reported);
	return true;
}

/*
 * The score of a cue's stance on a topic of polarity tp: a threat takes the
 * polarity of the verb it governs ("menace de bloquer les sanctions"), or is
 * for the measure threatened ("menacé Moscou de sanctions").
 */
static inline float
topic_score(const DpCue *cue, float pol, bool governed, float threat_pol, float tp, float w)
{
	if (cue->frame != DP_FR_THREATEN)
		return pol * tp * w;
	return governed ? threat_pol * tp * w : tp * w;
}

/*
 * Append a copy of stances [from, to) with another holder (a coordinated
 * subject, a speaker), but for those without a holder and those whose target
 * is that holder.
 */
static void
copy_for(St *st, size_t from, size_t to, const Ref *holder)
{
	for (size_t i = from; i < to; i++)
	{
		DpStance	copy = st->out->s[i];

		if (!copy.holder || (!copy.target_topic && strcmp(copy.target, holder->name) == 0))
			continue;
		copy.holder = holder->name;
		copy.holder_actor = holder->actor;
		if (st->out->n == st->out->cap)
		{
			st->out->cap *= 2;
			st->out->s = dp_realloc(st->m, st->out->s, dp_mul_size(st->m, st->out->cap, sizeof(DpStance)));
		}
		st->out->s[st->out->n++] = copy;
	}
}

/* The first piece of the holder's mention within the holder's span before c, or SIZE_MAX. */
static size_t
holder_mention(const St *st, size_t c)
{
	const char *name = st->out->n > 0 ? st->out->s[st->out->n - 1].holder : NULL;

	if (!name || st->hpos == SIZE_MAX)
		return SIZE_MAX;
	for (size_t k = st->hpos; k < c && k < st->pc.n && k < st->hpos + 8; k++)
		if (st->an[k].ment >= 0 && st->ms.m[st->an[k].ment].piece == k &&
			strcmp(st->ms.m[st->an[k].ment].name, name) == 0)
			return k;
	return SIZE_MAX;
}

/*
 * Rule group-reciprocal: the rows of a cue the first of a group holds
 * toward the others ([before, after)) were copied for the others by the
 * group and coordination rules; each other one's row toward the first is
 * added here, once.
 */
/*
 * A cue aimed at a party that names none (rule group-reciprocal): the cue
 * at c when it is such a noun (leur coopération) or such a verb with no
 * object (veulent coopérer.), or such a noun right in its object (la
 * nécessité d'une coopération, refusent tout partenariat), its polarity in
 * *rpol then.  Not "ont salué la décision".
 */
static bool
reciprocal_cue(const St *st, size_t c, float *rpol)
{
	const DpCue *cue = &st->d->cues[st->an[c].cue];
	size_t		c_end = c + st->an[c].cue_len;

	*rpol = 1;
	if (cue->target_mode == DP_TM_ENTITY)
		return cue->pos == DP_POS_NOUN || c_end >= st->pc.n || !st->pc.p[c_end].wordlike;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 4; k++)
	{
		const DpCue *in;
		size_t		e;

		if (is_clause_end(st, &st->pc.p[k]) || st->an[k].ment >= 0 || st->an[k].topic >= 0)
			return false;
		if (st->an[k].cue < 0)
			continue;
		in = &st->d->cues[st->an[k].cue];
		e = k + st->an[k].cue_len;
		/* the noun ends the clause: no party named after it */
		if (in->target_mode != DP_TM_ENTITY || in->pos != DP_POS_NOUN ||
			(e < st->pc.n && st->pc.p[e].wordlike && st->an[e].demonym < 0))
			return false;
		*rpol = in->polarity < 0 ? -1 : 1;
		return true;
	}
	return false;
}

static void
reciprocal_rows(St *st, size_t before, size_t after)
{
	int			ng = st->nrecip;

	st->nrecip = 0;
	if (ng < 2 || after <= before || !st->out->s[before].holder ||
		strcmp(st->out->s[before].holder, st->recip[0].name) != 0)
		return;
	for (int i = 1; i < ng && i <= MAX_GROUP; i++)
	{
		DpStance	copy = st->out->s[before];
		bool		dup = false;

		for (size_t j = after; j < st->out->n && !dup; j++)
			dup = st->out->s[j].holder && !st->out->s[j].target_topic &&
				strcmp(st->out->s[j].holder, st->recip[i].name) == 0 &&
				strcmp(st->out->s[j].target, st->recip[0].name) == 0;
		if (dup)
			continue;
		copy.holder = st->recip[i].name;
		copy.holder_actor = st->recip[i].actor;
		copy.target = st->recip[0].name;
		copy.target_actor = st->recip[0].actor;
		copy.target_kind = st->recip[0].kind;
		if (st->out->n == st->out->cap)
		{
			st->out->cap = st->out->cap ? st->out->cap * 2 : 32;
			st->out->s = dp_realloc(st->m, st->out->s, dp_mul_size(st->m, st->out->cap, sizeof(DpStance)));
		}
		st->out->s[st->out->n++] = copy;
	}
}

static void
score_cue(St *st, size_t c)
{
	size_t		before = st->out->n;
	size_t		after;
	Ref			co[6];
	int			nco = 0;
	size_t		h;
	bool		titled = false;

	st->nrecip = 0;
	score_cue_one(st, c);
	after = st->out->n;
	/*
	 * "Trump et Modi en désaccord sur le rôle des États-Unis": a state
	 * between the names coordinated (en, a noun cue of against), no
	 * stance of either toward what it is about (rule mutual-state)
	 */
	if (after > before && dp_rule_on(DP_RULE_MUTUAL_STATE) && c > 0 &&
		key_is(&st->pc.p[c - 1], "en") && st->d->cues[st->an[c].cue].pos == DP_POS_NOUN &&
		st->d->cues[st->an[c].cue].polarity < 0 && !st->relative &&
		st->hpos != SIZE_MAX && st->hpos < c && coordinated_subject(st, co, 6) > 0)
	{
		st->out->n = before;
		st->nrecip = 0;
		return;
	}
	/* "les présidents du Rwanda et de la RDC ont signé": each leader */
	if (after > before && st->hpos != SIZE_MAX && st->hpos < c && st->out->s[before].holder &&
		(h = holder_mention(st, c)) != SIZE_MAX && leaders_genitive(st, h, &titled))
	{
		Ref			states[12];
		size_t		end;
		const DpMention *hm = &st->ms.m[st->an[h].ment];
		int			ns = coordinated_names(st, hm->piece + hm->npieces, states, 12, &end, true);
		Ref			first = ref_leader(st, st->out->s[before].holder_actor);

		if (titled && first.valid)
			for (size_t i = before; i < after; i++)
				if (st->out->s[i].holder && strcmp(first.name, st->out->s[i].target) != 0)
				{
					st->out->s[i].holder = first.name;
					st->out->s[i].holder_actor = first.actor;
				}
		for (int i = 0; i < ns; i++)
		{
			Ref			l = titled ? ref_leader(st, states[i].actor) : states[i];

			if (l.valid)
				copy_for(st, before, after, &l);
		}
		reciprocal_rows(st, before, after);
		return;
	}
	/* "Ensemble, ils ont salué", "les deux pays ont salué": each name of the group */
	if (after > before && dp_rule_on(DP_RULE_GROUP_HOLDER) && st->hpos != SIZE_MAX && st->hpos < c &&
		st->out->s[before].holder)
	{
		int			size,
					kind,
					ng;
		Ref			g[MAX_GROUP + 1];

		if (group_phrase(st, st->hpos, &size, &kind) &&
			(ng = group_members(st, st->hpos, size, kind, g, NULL, group_holder_reach())) > 1 &&
			strcmp(g[0].name, st->out->s[before].holder) == 0)
		{
			for (int i = 1; i < ng; i++)
				copy_for(st, before, after, &g[i]);
			reciprocal_rows(st, before, after);
			return;
		}
	}
	if (after > before && !st->relative &&
		(st->d->cues[st->an[c].cue].pos != DP_POS_VERB || plural_verb(st, c) || comme_subject(st)) &&
		(nco = coordinated_subject(st, co, 6)) > 0)
		for (int i = 0; i < nco; i++)
			if (strcmp(co[i].name, st->out->s[before].holder ? st->out->s[before].holder : "") != 0)
				copy_for(st, before, after, &co[i]);
	/* "soutenu par l'Algérie, le Danemark et la Grèce": each agent */
	if (after > before && dp_rule_on(DP_RULE_AGENT_LIST) && st->hpos != SIZE_MAX &&
		st->hpos >= c + st->an[c].cue_len && st->hend + 1 < st->pc.n)
	{
		Ref			agents[12];
		size_t		end;
		int			na = coordinated_names(st, st->hend + 1, agents, 12, &end, false);

		for (int i = 0; i < na; i++)
		{
			bool		dup = false;

			for (int j = 0; j < nco && !dup; j++)
				dup = strcmp(co[j].name, agents[i].name) == 0;
			if (!dup && strcmp(agents[i].name, st->out->s[before].holder ? st->out->s[before].holder : "") != 0)
				copy_for(st, before, after, &agents[i]);
		}
	}
	/* the speaker a state's clause was reported by (speaker_for_clause) */
	if (st->also.valid)
		copy_for(st, before, after, &st->also);
	/* "Outre la France et l'Allemagne, X a apporté son soutien": they too */
	if (after > before && st->out->s[before].holder)
	{
		Ref			pre[8];
		int			np = preposed_comparison(st, pre, 8);

		for (int i = 0; i < np; i++)
			if (strcmp(pre[i].name, st->out->s[before].holder) != 0)
				copy_for(st, before, after, &pre[i]);
	}
	/* "X a apporté son soutien, tout comme Y": Y too */
	if (after > before && comparison_holder(st, c + st->an[c].cue_len, &co[0]) &&
		strcmp(co[0].name, st->out->s[before].holder ? st->out->s[before].holder : "") != 0)
		copy_for(st, before, after, &co[0]);
	reciprocal_rows(st, before, after);
}

/*
 * The modifiers around a cue: negation (ne ... pas, sans, aucun; inside a
 * multi-word cue only in its gap), hedges and intensifiers, each with its
 * diplo.modifier factor; a clause end before the cue resets them.  Sets the
 * weight, flips the polarity of a negated cue (a negated rejection is weak
 * support, a negated support opposes).
 */
static void
cue_modifiers(const St *st, size_t c, size_t c_end, const DpCue *cue, float *wp, float *polp, bool *negp,
			  bool *hedgedp)
{
	size_t		n = st->pc.n;
	float		w = cue->weight;
	float		neg_factor = 1.0f;
	bool		neg = false,
				hedged = false;

	for (size_t k = (c > 4 ? c - 4 : 0); k < c_end + 3 && k < n; k++)
	{
		const Anno *a = &st->an[k];

		/* inside the cue only a negation in its gap counts: "ne ferme pas
		 * la porte" (annotate() took the cue's own words out) */
		if (k >= c && k < c_end && !(a->mods & (1u << DP_MOD_NEGATION)))
			continue;
		if (k < c && is_clause_end(st, &st->pc.p[k]))
		{
			neg = hedged = false;
			neg_factor = 1.0f;
			w = cue->weight;
			continue;
		}
		if ((a->mods & (1u << DP_MOD_NEGATION)) && !key_is(&st->pc.p[k], "ne") &&
			!key_is(&st->pc.p[k], "n'"))
		{
			/* pas/plus/jamais with ne/n' before the cue, or sans before it */
			/* aucun, aucune, sans before the cue negate on their own */
			bool		ne = (key_is(&st->pc.p[k], "sans") || key_is(&st->pc.p[k], "aucun") ||
							  key_is(&st->pc.p[k], "aucune")) && k < c;

			for (size_t b = (k > 5 ? k - 5 : 0); b < k && !ne; b++)
				if (key_is(&st->pc.p[b], "ne") || key_is(&st->pc.p[b], "n'"))
					ne = true;
			/* "impossible sans l'engagement de X": X is essential (rule
			 * essential-without) */
			if (key_is(&st->pc.p[k], "sans") && dp_rule_on(DP_RULE_ESSENTIAL_WITHOUT))
				for (size_t b = (k > 3 ? k - 3 : 0); b < k; b++)
					if (key_is(&st->pc.p[b], "impossible") || key_is(&st->pc.p[b], "rien"))
						ne = false;
			if (key_in(&st->pc.p[k], L_NEGATORS) || key_is(&st->pc.p[k], "sans"))
			{
				if (ne && (k < c || k <= c_end + 1))
					neg = true;
			}
			/* "non seulement X mais aussi Y" negates nothing */
			else if (k < c && !(key_is(&st->pc.p[k], "non") && k + 1 < n &&
								key_is(&st->pc.p[k + 1], "seulement") && dp_rule_on(DP_RULE_NON_PAS_MAIS)))
				neg = true;
			if (neg && a->mod_factor[DP_MOD_NEGATION] > 0)
				neg_factor = a->mod_factor[DP_MOD_NEGATION];
		}
		if ((a->mods & (1u << DP_MOD_HEDGE)) && k <= c_end)
		{
			hedged = true;
			w *= a->mod_factor[DP_MOD_HEDGE] > 0 ? a->mod_factor[DP_MOD_HEDGE] : W_HEDGE;
		}
		if (a->mods & (1u << DP_MOD_INTENSIFIER))
			w *= a->mod_factor[DP_MOD_INTENSIFIER] > 0 ? a->mod_factor[DP_MOD_INTENSIFIER] : W_INTENSIFIER;
	}
	if (neg)
	{
		/* a negated rejection is weak support; a negated support opposes */
		w *= (*polp < 0 ? W_NEG_REJECT : W_NEG_SUPPORT) * neg_factor;
		*polp = -*polp;
	}
	*wp = w;
	*negp = neg;
	*hedgedp = hedged;
}

/*
 * A cue whose target is the topic it names itself: "la médiation d'Oman",
 * "sous les auspices du président américain Donald Trump", "les Émirats ont
 * servi de médiateur", "la médiation américaine", "parrainés par Washington".
 * The holder is the noun's complement (de X, up to a title before the name,
 * or a demonym), a passive agent, else the clause subject.
 */
static void
score_self_cue(St *st, size_t c, const DpCue *cue)
{
	size_t		c_end = c + st->an[c].cue_len;
	int16_t		topic = -1;
	int8_t		tpol = 1;
	Ref			holder = {0};
	bool		first_person;
	bool		demonym = c_end < st->pc.n && st->an[c_end].demonym >= 0;

	if (!dp_rule_on(DP_RULE_SELF_TARGET))
		return;
	for (size_t j = c; j < c_end && topic < 0; j++)
		if (st->an[j].topic >= 0)
		{
			topic = st->an[j].topic;
			tpol = st->an[j].topic_pol;
		}
	st->hpos = SIZE_MAX;
	/*
	 * A sponsoring verb that is no topic term itself (parrainer, superviser:
	 * "la supervision du CICR", "superviser l'évacuation" are no talks) is for
	 * negociations only in a passive with its agent: "des efforts parrainés
	 * par Washington".
	 */
	if (topic < 0 && cue->pos == DP_POS_VERB && dp_rule_on(DP_RULE_SPONSOR_AGENT))
	{
		for (uint32_t t = 0; t < st->d->ntopics && t < INT16_MAX; t++)
			if (st->d->topics[t] && strcmp(st->d->topics[t], "negociations") == 0)
			{
				topic = (int16_t) t;
				break;
			}
		if (topic < 0 || c_end >= st->pc.n || !key_is(&st->pc.p[c_end], "par") ||
			!agent_after(st, c_end, 1, &holder))
			return;
		push(st, &holder, st->an[c].quote, st->d->topics[topic], -1, true, cue->polarity * cue->weight,
			 c, c_end, c, st->hend > c_end ? st->hend : c_end - 1, false, false, st->an[c].quote >= 0);
		return;
	}
	if (topic < 0)
		return;
	/* an agent after a participle wins over a demonym: "une médiation
	 * américaine assurée par Donald Trump" */
	if (!agent_after(st, c_end + (demonym ? 1 : 0), 2, &holder) && !noun_holder(st, c_end, &holder))
	{
		/* de + a title before the name: "du président américain Donald Trump" */
		if (c_end + 1 < st->pc.n && is_genitive(&st->pc.p[c_end]))
			for (size_t k = c_end + 1; k < st->pc.n && k < c_end + 6; k++)
			{
				const DpPiece *p = &st->pc.p[k];

				if (is_clause_end(st, p) || is_punct(st, p, ",") || st->an[k].cue >= 0)
					break;
				if (st->an[k].ment >= 0)
				{
					const DpMention *mm = &st->ms.m[st->an[k].ment];

					if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_ORG ||
						 mm->kind == DP_KIND_GPE) && acting(st, mm))
					{
						holder = ref_mention(st, mm);
						st->hpos = mm->piece;
						st->hend = mm->piece + mm->npieces - 1;
					}
					break;
				}
			}
		/* "X a servi de médiateur": the subject, when the noun follows de */
		if (!holder.valid && (cue->pos == DP_POS_EXPR ||
							  (c > 0 && (key_is(&st->pc.p[c - 1], "de") || key_is(&st->pc.p[c - 1], "d'")))) &&
			!(c > 0 && key_in(&st->pc.p[c - 1], L_POSSESSIVES)))	/* son rôle de médiateur: someone else's */
			subject_left(st, c, &holder, &first_person);
	}
	if (!holder.valid)
		return;
	push(st, &holder, st->an[c].quote, st->d->topics[topic], -1, true, cue->polarity * tpol * cue->weight,
		 c, c_end, st->hpos < c ? st->hpos : c, st->hpos != SIZE_MAX && st->hend > c_end ? st->hend : c_end - 1,
		 false, false, st->an[c].quote >= 0);
}

/*
 * "a félicité l'Inde et le Pakistan", "la décision du Canada et de
 * l'Australie": the names coordinated after an entity target (its last
 * piece before e) are targets with the same score.  Returns the last piece
 * of the list (e - 1 when there is none).
 */
static size_t
coordinated_targets(St *st, size_t c, size_t c_end, const Ref *holder, int32_t quote, float score,
					size_t lo, size_t e, bool neg, bool hedged, bool reported, int16_t skip_actor)
{
	Ref			co[12];
	size_t		end = e - 1;
	int			nco;

	if (!dp_rule_on(DP_RULE_COORDINATED_TARGET))
		return e - 1;
	nco = coordinated_names(st, e, co, 12, &end, false);
	for (int i = 0; i < nco; i++)
		if (skip_actor < 0 || co[i].actor != skip_actor)
			push(st, holder, quote, co[i].name, co[i].actor, false, score, c, c_end, lo, end, neg, hedged, reported);
	return nco > 0 ? end : e - 1;
}

/*
 * "veut coopérer avec la Corée du Sud", "souhaite renforcer la coopération
 * avec Séoul": a cue governed by the verb cue that is aimed at a person or
 * state lets the verb's stance reach one (not through a threat, whose
 * threatened is no target).
 */
static bool
governs_entity_cue(const St *st, const DpCue *cue, size_t k)
{
	const DpCue *g = &st->d->cues[st->an[k].cue];

	if (!dp_rule_on(DP_RULE_GOVERNED_ENTITY) || cue->frame == DP_FR_THREATEN || g->frame == DP_FR_THREATEN)
		return false;
	return g->target_mode == DP_TM_ENTITY || g->target_mode == DP_TM_BOTH;
}

/*
 * Is the nominal at start (a state body or a leader with a demonym: "les
 * autorités congolaises", "le gouvernement israélien", "le Premier ministre
 * israélien" when no Israeli leader is named) the direct object of the
 * entity-directed verb cue ending at c_end: right after it, or after one
 * preposition (à, contre, envers, avec), behind a definite article or a
 * possessive?  Not a genitive ("la situation des troupes ukrainiennes").
 */
static bool
collective_object(const St *st, const DpCue *cue, size_t c_end, size_t start)
{
	size_t		d;

	if (!dp_rule_on(DP_RULE_COLLECTIVE_OBJECT) || cue->pos != DP_POS_VERB || start == 0 || start >= st->pc.n)
		return false;
	d = start - 1;				/* the article */
	if (!(is_definite(&st->pc.p[d]) ||
		  (key_in(&st->pc.p[d], L_POSSESSIVES) && !key_in(&st->pc.p[d], L_PREPOSITIONS))))
		return false;
	if (d == c_end)
		return true;
	return d == c_end + 1 && (is_prep_a(st, &st->pc.p[c_end]) || key_is(&st->pc.p[c_end], "contre") ||
							  key_is(&st->pc.p[c_end], "envers") || key_is(&st->pc.p[c_end], "avec"));
}

/*
 * Is the verb cue ending at c_end, whose subject follows the que at q, in
 * an object relative on a common noun: "les rebelles qu'elle soutient ont
 * pris", "les milices que l'Iran finance attaquent"?  An article or a
 * possessive, one lowercase word that is no name, cue or topic, then que;
 * after the verb no article, preposition, name or topic opens an object.
 * (A clause after a noun, "l'idée que la Russie soutient la paix", has its
 * object after its verb.)
 */
static bool
object_gap(const St *st, const DpCue *cue, size_t q, size_t c_end)
{
	const DpPiece *a,
			   *nx;

	if (!dp_rule_on(DP_RULE_RELATIVE_GAP) || cue->pos != DP_POS_VERB || q == SIZE_MAX || q < 2 ||
		q >= st->pc.n || !is_que(&st->pc.p[q]))
		return false;
	a = &st->pc.p[q - 1];
	if (!a->wordlike || a->cap || st->an[q - 1].ment >= 0 || st->an[q - 1].cue >= 0 ||
		st->an[q - 1].topic >= 0 || key_in(a, L_DETERMINERS) || key_in(a, L_PREPOSITIONS) ||
		key_in(a, L_PRONOUNS3) || !(key_in(&st->pc.p[q - 2], L_DETERMINERS) ||
									key_in(&st->pc.p[q - 2], L_POSSESSIVES)))
		return false;
	if (c_end >= st->pc.n)
		return true;
	nx = &st->pc.p[c_end];
	return !(key_in(nx, L_DETERMINERS) || key_in(nx, L_POSSESSIVES) || key_in(nx, L_PREPOSITIONS) ||
			 is_genitive(nx) || is_que(nx) || key_is(nx, "l'") || st->an[c_end].ment >= 0 ||
			 st->an[c_end].topic >= 0 || st->an[c_end].cue >= 0 || nx->cap ||
			 key_in(nx, L_NEGATORS));
}

/*
 * Does the cue ending at c_end end in a diplomat noun (expulser ...
 * l'ambassadeur, l'expulsion de douze agents diplomatiques)?  A demonym
 * right after it names the state they serve (rule diplomat-state).
 */
static bool
diplomat_cue(const St *st, size_t c_end)
{
	static const char *const diplomats[] = {
		"ambassadeur", "ambassadeurs", "ambassadrice", "diplomate", "diplomates", "diplomatique",
		"diplomatiques", "consul", "consuls", NULL
	};

	if (!dp_rule_on(DP_RULE_DIPLOMAT_STATE) || c_end == 0)
		return false;
	for (int i = 0; diplomats[i]; i++)
		if (key_is(&st->pc.p[c_end - 1], diplomats[i]))
			return true;
	return false;
}

/*
 * Is the mention the state a diplomat serves in: en, à, au or aux right
 * after a diplomat noun of the cue starting at c and ending at c_end ("a
 * rappelé son ambassadeur en France pour consultations", "à Washington";
 * rule diplomat-state)?  Then it is no place of an event but the target.
 */
static bool
diplomat_post(const St *st, size_t c, size_t c_end, const DpMention *mm)
{
	size_t		b = mm->piece;
	const DpPiece *prep;

	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b < 2 || b - 2 < c || b - 2 >= c_end || !diplomat_cue(st, b - 1))
		return false;
	prep = &st->pc.p[b - 1];
	return key_is(prep, "en") || key_is(prep, "au") || key_is(prep, "aux") || is_prep_a(st, prep);
}

/*
 * A cue with a holder to state it: a named one, or the speaker of the quote
 * it is in (a named holder inside a quote that is not the speaker's "je" is
 * reported speech: *reported).  Widens the evidence [lo, hi] to the holder's
 * words.  False when nobody holds the cue.
 */
static bool
holder_evidence(const St *st, const Ref *holder, int32_t quote, bool first_person, size_t n,
				bool *reported, size_t *lo, size_t *hi)
{
	if (quote >= 0 && holder->valid && !first_person)
		*reported = true;
	if (quote < 0 && !holder->valid)
		return false;
	if (st->hpos != SIZE_MAX)
	{
		if (st->hpos < *lo)
			*lo = st->hpos;
		if (st->hend > *hi && st->hend < n)
			*hi = st->hend;
	}
	return true;
}

/*
 * The party a threat or warning is addressed to: its direct object right
 * after the verb ("a menacé le Panama de mesures", "a averti Bruxelles",
 * "a menacé dimanche la Russie"), or the name after à for a noun or phrase
 * ("une mise en garde à Washington").  Only articles, a day or a time
 * adverb may come between.  Against the threatened, whatever is threatened
 * (rule threat-target); the piece of the name, or SIZE_MAX.
 */
static size_t
threatened_party(const St *st, const DpCue *cue, size_t c_end, size_t scope_end, const Ref *holder)
{
	static const char *const between[] = {
		"le", "la", "l'", "les", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
		"dimanche", "ensuite", "aussi", "egalement", "encore", "deja", "alors", "publiquement",
		"directement", "ouvertement", "explicitement", NULL
	};

	if (!dp_rule_on(DP_RULE_THREAT_TARGET) || cue->frame != DP_FR_THREATEN)
		return SIZE_MAX;
	for (size_t k = c_end; k < scope_end && k < c_end + 4; k++)
	{
		const DpPiece *p = &st->pc.p[k];
		bool		skip = false;

		if (st->an[k].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[k].ment];

			if (mm->piece != k || place_of(st, mm) ||
				!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
				(holder->valid && holder->name && strcmp(holder->name, mm->name) == 0))
				return SIZE_MAX;
			return k;
		}
		for (int i = 0; between[i] && !skip; i++)
			skip = key_is(p, between[i]);
		/* "une mise en garde à Washington": after a noun or a phrase */
		if (!skip && cue->pos != DP_POS_VERB && k == c_end &&
			(is_prep_a(st, p) || key_is(p, "au") || key_is(p, "aux")))
			skip = true;
		/* "des représailles contre la Belgique" (rule threat-against) */
		if (!skip && cue->pos == DP_POS_NOUN && k == c_end && key_is(p, "contre") &&
			dp_rule_on(DP_RULE_THREAT_AGAINST))
			skip = true;
		if (!skip)
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

static void
score_cue_one(St *st, size_t c)
{
	const Anno *ca = &st->an[c];
	const DpCue *cue = &st->d->cues[ca->cue];
	size_t		c_end = c + ca->cue_len;
	size_t		n = st->pc.n;
	Ref			holder = {0};
	bool		first_person = false;
	bool		passive = false;
	bool		reported = ca->quote >= 0;
	int32_t		quote = ca->quote;
	float		w = cue->weight;
	bool		neg = false,
				hedged = false;
	float		pol = cue->polarity;
	size_t		lo = c,
				hi = c_end - 1;
	size_t		scope_end;
	int			found = 0;
	bool		pronominal;
	size_t		hs;

	if (in_condition(st, c) || noun_participle(st, c) || reason_infinitive(st, c) ||
		apposed_participle(st, c, c_end) || classifier_cue(st, c) || occasion_cue(st, c) ||
		receives_noun(st, c))
		return;
	/*
	 * Concluding an agreement (a self cue of frame accept: "ont conclu un
	 * accord", "avaient trouvé un accord « historique »") is for the topic
	 * the agreement names ("un accord de paix", "un accord de
	 * cessez-le-feu"), else, when nothing after it says what it is about
	 * (not "un accord commercial", "un accord sur les tarifs"), for the
	 * peace it makes; held as any verb's stance (rule agreement-act).
	 */
	if (cue->target_mode == DP_TM_SELF && cue->frame == DP_FR_ACCEPT && cue->pos == DP_POS_EXPR)
	{
		int16_t		topic = -1;
		int8_t		tpol = 1;
		size_t		k = c;

		for (; k < n && k < c_end + 4 && topic < 0; k++)
		{
			if (st->an[k].topic >= 0)
			{
				topic = st->an[k].topic;
				tpol = st->an[k].topic_pol;
				break;
			}
			if (k >= c_end && !(is_genitive(&st->pc.p[k]) || key_in(&st->pc.p[k], L_DETERMINERS) ||
								 key_is(&st->pc.p[k], "pour") || key_is(&st->pc.p[k], "sur")))
				break;
		}
		/* "a conclu un accord avec le Somaliland": for the partner */
		if (topic < 0 && dp_rule_on(DP_RULE_AGREEMENT_ACT) && c_end + 1 < n && key_is(&st->pc.p[c_end], "avec"))
		{
			size_t		m = c_end + 1;

			if (m + 1 < n && is_definite(&st->pc.p[m]))
				m++;
			if (st->an[m].ment >= 0 && st->ms.m[st->an[m].ment].piece == m &&
				acting(st, &st->ms.m[st->an[m].ment]) && !in_condition(st, c) &&
				cue_holder(st, c, cue, &holder, &passive, &reported, &first_person) && holder.valid)
			{
				const DpMention *mm = &st->ms.m[st->an[m].ment];

				if (strcmp(holder.name, mm->name) == 0 || (holder.actor >= 0 && holder.actor == mm->actor))
					return;
				if (st->hpos != SIZE_MAX && st->hpos < lo)
					lo = st->hpos;
				cue_modifiers(st, c, c_end, cue, &w, &pol, &neg, &hedged);
				push(st, &holder, quote, mm->name, mm->actor, false, pol * w, c, c_end, lo,
					 mm->piece + mm->npieces - 1, neg, hedged, reported || quote >= 0);
			}
			return;
		}
		/* "ont signé l'accord", "cet accord": an agreement named before,
		 * whatever it was about */
		if (topic < 0 && c_end >= 2 && c_end - 2 > c &&
			(key_in(&st->pc.p[c_end - 2], L_DETERMINERS) || key_in(&st->pc.p[c_end - 2], L_POSSESSIVES)) &&
			!key_is(&st->pc.p[c_end - 2], "un") && !key_is(&st->pc.p[c_end - 2], "une"))
			return;
		if (topic < 0)
		{
			const DpPiece *next = c_end < n ? &st->pc.p[c_end] : NULL;

			if (!dp_rule_on(DP_RULE_AGREEMENT_ACT) ||
				(next && !(is_clause_end(st, next) || is_punct(st, next, ",") || next->cls == DP_TOK_QUOTE ||
						   key_is(next, "entre"))))
				return;
			for (uint32_t t = 0; t < st->d->ntopics && t < INT16_MAX; t++)
				if (st->d->topics[t] && strcmp(st->d->topics[t], "paix") == 0)
				{
					topic = (int16_t) t;
					break;
				}
			if (topic < 0)
				return;
		}
		/* "la conclusion de certains accords": a noun sharing the verb's
		 * stem, not the act of a subject */
		if (c > 0 && (key_in(&st->pc.p[c - 1], L_DETERMINERS) || key_in(&st->pc.p[c - 1], L_POSSESSIVES)))
			return;
		/* "un accord « historique »": the evaluation of the agreement is
		 * part of the act, no stance of its own */
		for (size_t e = c_end; e < n && e < c_end + 3; e++)
			if (st->an[e].cue >= 0 && st->d->cues[st->an[e].cue].frame == DP_FR_EVALUATE)
			{
				st->an[e].consumed = true;
				break;
			}
			else if (st->pc.p[e].cls != DP_TOK_QUOTE)
				break;
		if (in_condition(st, c) || !cue_holder(st, c, cue, &holder, &passive, &reported, &first_person))
			return;
		if (!holder_evidence(st, &holder, quote, first_person, n, &reported, &lo, &hi))
			return;
		cue_modifiers(st, c, c_end, cue, &w, &pol, &neg, &hedged);
		push(st, &holder, quote, st->d->topics[topic], -1, true, pol * tpol * w, c, c_end, lo, hi, neg, hedged,
			 reported);
		return;
	}
	if (cue->target_mode == DP_TM_SELF)
	{
		score_self_cue(st, c, cue);
		return;
	}
	/* "Taïwan ... face à la pression de Pékin": against the one who stands
	 * up to it (rule faced-pressure) */
	{
		size_t		f = faced_at(st, c),
					m = f != SIZE_MAX ? faced_party(st, f) : SIZE_MAX;
		Ref			author;

		if (m != SIZE_MAX && faced_holder(st, c_end, &author))
		{
			const DpMention *mm = &st->ms.m[st->an[m].ment];

			if (strcmp(mm->name, author.name) != 0 && !(author.actor >= 0 && author.actor == mm->actor))
			{
				cue_modifiers(st, c, c_end, cue, &w, &pol, &neg, &hedged);
				push(st, &author, quote, mm->name, mm->actor, false,
					 (is_pressure(&st->pc.p[c]) ? -pol : pol) * w, c, c_end,
					 m, hi, neg, hedged, reported);
				return;
			}
		}
	}
	if (!cue_holder(st, c, cue, &holder, &passive, &reported, &first_person))
		return;
	/* "le porte-parole du Kremlin a rejeté": the person (rule role-genitive) */
	role_holder(st, &holder);
	/*
	 * "Les Russes doivent accepter la trêve": an obligation is its
	 * speaker's demand, not its subject's stance: the quote's speaker, the
	 * subject of the reporting verb, else no one
	 */
	if (holder.valid && (deontic(st, c) || up_to(st, c, &holder)))
	{
		Ref			speaker;

		if (quote >= 0)
			holder.valid = false;
		else if (speaker_for_clause(st, &holder, quote, &speaker) || reporting_subject(st, c, &speaker))
		{
			holder = speaker;
			st->also.valid = false;
			reported = true;
		}
		else
			return;
	}
	/*
	 * "des propos selon lesquels ce texte servirait de base à des
	 * négociations": what others said, no stance of the
	 * speaker (rule hearsay); a holder named inside the clause keeps it
	 */
	{
		size_t		hs = hearsay_at(st, c);

		if (hs != SIZE_MAX && (st->hpos == SIZE_MAX || st->hpos < hs || first_person || !holder.valid))
			return;
	}
	if (indirect_question(st, c))
		return;
	if (!holder_evidence(st, &holder, quote, first_person, n, &reported, &lo, &hi))
		return;

	cue_modifiers(st, c, c_end, cue, &w, &pol, &neg, &hedged);
	if (st->contrast_seen)
		w *= st->contrast_factor;
	/* "« La trêve est une erreur », a dénoncé X": a verb judging what was
	 * said (a frame with authors, not a demand) targets the quoted clause */
	if (st->quoted_clause != SIZE_MAX && frame_has(cue->frame, FF_AUTHOR))
	{
		int			t;
		Ref			r;
		size_t		tpos;

		if (quoted_clause_target(st, st->quoted_clause, &t, &r, &tpos))
		{
			if (t >= 0)
				push(st, &holder, quote, st->d->topics[t], -1, true, pol * st->an[tpos].topic_pol * w, c, c_end,
					 tpos < lo ? tpos : lo, hi, neg, hedged, reported);
			else if (!(holder.valid && holder.name && r.name && strcmp(holder.name, r.name) == 0))
				push(st, &holder, quote, r.name, r.actor, false, pol * w, c, c_end,
					 tpos < lo ? tpos : lo, hi, neg, hedged, reported);
			return;
		}
	}

	/* targets: leftwards for evaluative cues and passives, else rightwards */
	scope_end = cue_scope(st, c, c_end);
	pronominal = cue->pos == DP_POS_VERB && c > 0 &&
		(key_is(&st->pc.p[c - 1], "se") || key_is(&st->pc.p[c - 1], "s'"));
	if (cue->target_mode == DP_TM_SUBJECT && !passive)
	{
		Ref			judged,
					judge;
		size_t		jpos,
					jverb;
		bool		fp;

		/* the judge is the subject of the verb of judging, not the judged
		 * name right before the evaluation */
		if (judged_entity(st, c, &judged, &jpos) && subject_left(st, jpos, &judge, &fp) &&
			judge.valid && strcmp(judged.name, judge.name) != 0)
		{
			if (st->hpos < lo)
				lo = st->hpos;
			push(st, &judge, quote, judged.name, judged.actor, false, pol * w, c, c_end,
				 lo, hi, neg, hedged, reported);
			return;
		}
		/*
		 * "a qualifié la décision d'Alger d'« injustifiée »": the judge is
		 * the subject of the verb of judging; "(estime) que la décision
		 * algérienne est inacceptable": the holder found, unless it is the
		 * author itself (the name inside the subject), then the subject of
		 * the reporting verb, else the quote's speaker
		 */
		if (judged_act(st, c, &judged, &jpos, &jverb))
		{
			bool		ok = false;

			if (jverb != SIZE_MAX)
				ok = subject_left(st, jverb, &judge, &fp) && judge.valid;
			else if (holder.valid && strcmp(holder.name, judged.name) != 0 &&
					 !(holder.actor >= 0 && holder.actor == judged.actor))
			{
				judge = holder;
				ok = true;
			}
			else if (reporting_subject(st, c, &judge) || post_attribution(st, c_end, &judge))
				ok = judge.valid;
			else if (quote >= 0)
			{
				judge.valid = false;
				ok = true;
			}
			if (ok && !(judge.valid && (strcmp(judged.name, judge.name) == 0 ||
										(judge.actor >= 0 && judge.actor == judged.actor))))
			{
				if (jpos < lo)
					lo = jpos;
				push(st, &judge, quote, judged.name, judged.actor, false, pol * w, c, c_end,
					 lo, hi, neg, hedged, jverb == SIZE_MAX || reported);
				return;
			}
		}
	}
	if (cue->target_mode == DP_TM_SUBJECT || passive || pronominal)
	{
		/* a pronominal verb's subject is right before it */
		size_t		reach = (pronominal && cue->target_mode != DP_TM_SUBJECT && !passive) ? 7 : MAX_LEFT;

		/* "critiquée par Israël et rejetée par les États-Unis": the second
		 * participle's subject is left of the first */
		size_t		cl = passive ? coordinated_participle(st, c) : c;

		for (size_t k = cl; k-- > 0 && k + reach > cl;)
		{
			/* "Moscou a rejeté la trêve, une décision critiquée par Kiev":
			 * the passive's subject is the act, not the topic before it */
			if (is_clause_end(st, &st->pc.p[k]) || (passive && apposed_act(st, k)))
				break;
			if (st->an[k].topic >= 0)
			{
				push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
					 pol * st->an[k].topic_pol * w, c, c_end, k, hi, neg, hedged, reported);
				found++;
				break;
			}
		}
		/*
		 * "L'Ukraine est accusée par la Russie de...", "Pékin a été
		 * critiqué par Washington": the passive's subject is the target of
		 * an entity-directed cue
		 */
		if (!found && passive && frame_has(cue->frame, FF_ENTITY) && dp_rule_on(DP_RULE_PASSIVE_TARGET))
		{
			Ref			subj;
			size_t		spos;

			if (other_subject(st, cl, &holder, &subj, &spos))
			{
				push(st, &holder, quote, subj.name, subj.actor, false, pol * w, c, c_end,
					 spos < lo ? spos : lo, hi, neg, hedged, reported);
				found++;
			}
		}
		/* "la décision de Paris a été rejetée par Moscou": its author */
		if (!found && passive && frame_has(cue->frame, FF_AUTHOR))
		{
			Ref			author;
			size_t		apos;

			if (passive_act_author(st, cl, &author, &apos) &&
				!(holder.valid && holder.name && author.name && strcmp(holder.name, author.name) == 0))
			{
				push(st, &holder, quote, author.name, author.actor, false, pol * w, c, c_end,
					 apos < lo ? apos : lo, hi, neg, hedged, reported);
				found++;
			}
		}
		/*
		 * "Le texte, coparrainé par l'Algérie": a passive's subject naming
		 * no topic but standing for one (le texte, cette décision) is the
		 * topic last named, within two sentences
		 */
		if (!found && passive && dp_rule_on(DP_RULE_PASSIVE_ANAPHORA) && !frame_has(cue->frame, FF_NO_TOPIC) &&
			st->last_topic >= 0 && st->sentence <= st->last_topic_sentence + 2)
			for (size_t k = cl; k-- > 0 && k + 5 > cl;)
			{
				const DpPiece *p = &st->pc.p[k];

				if (is_clause_end(st, p) || st->an[k].ment >= 0 || st->an[k].cue >= 0)
					break;
				if (has_mod(st, k, DP_MOD_DEMONSTRATIVE) && k > 0 && !key_in(p, L_DETERMINERS) &&
					(key_in(&st->pc.p[k - 1], L_DETERMINERS) || is_definite(&st->pc.p[k - 1])))
				{
					push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
						 pol * st->last_topic_pol * w * W_ANAPHORA, c, c_end, k - 1, hi, neg, hedged, reported);
					found++;
					break;
				}
			}
		if (!found && cue->target_mode == DP_TM_SUBJECT)
			for (size_t k = c_end; k < scope_end && k < c_end + 6; k++)
				if (st->an[k].topic >= 0)
				{
					push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
						 pol * st->an[k].topic_pol * w, c, c_end, lo, k + st->an[k].topic_len - 1,
						 neg, hedged, reported);
					found++;
					break;
				}
		if (!found && cue->target_mode == DP_TM_SUBJECT && st->last_topic >= 0 && !act_noun_before(st, c) &&
			st->sentence <= st->last_topic_sentence + 1)
		{
			push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
				 pol * st->last_topic_pol * w * W_LAST_TOPIC, c, c_end, lo, hi, neg, hedged, reported);
			found++;
		}
		if (found || cue->target_mode == DP_TM_SUBJECT)
			return;
	}
	/*
	 * An object relative: "le plan de paix que Moscou a rejeté".  The holder
	 * follows "que", and a topic term ending right before it is the object;
	 * what follows the verb is the main clause's.  (Only a term: a name
	 * before "que" is more often the addressee of a speech verb, "il a dit
	 * à Zelensky que ...".)
	 */
	/* "pour laquelle les États-Unis et la France œuvraient": the first of
	 * coordinated subjects follows the relative */
	hs = subject_chain_start(st);
	if (dp_rule_on(DP_RULE_OBJECT_RELATIVE) && !frame_has(cue->frame, FF_NO_TOPIC) && hs != SIZE_MAX &&
		hs >= 2 && hs < n &&
		(is_complementizer(st, hs - 1) || prep_relative(st, hs) != SIZE_MAX))
	{
		/* "la trêve pour laquelle Washington œuvrait": before the
		 * preposition (prep_relative()) */
		size_t		q = is_complementizer(st, hs - 1) ? hs - 1 : prep_relative(st, hs);

		for (size_t k = q; k-- > 0 && k + 8 > q;)
		{
			if (is_clause_end(st, &st->pc.p[k]))
				break;
			if (st->an[k].topic >= 0)
			{
				if (k + st->an[k].topic_len == q)
				{
					push(st, &holder, quote, st->d->topics[st->an[k].topic], -1, true,
						 pol * st->an[k].topic_pol * w, c, c_end, k < lo ? k : lo, hi,
						 neg, hedged, reported);
					return;
				}
				break;
			}
		}
	}
	/*
	 * "les rebelles qu'elle soutient ont pris ...", "les milices que l'Iran
	 * soutient ont bombardé Israël": a common noun after its article before
	 * que, and nothing that opens an object after the verb: the noun is the
	 * verb's object, and what follows is the main clause's
	 */
	if (st->hpos != SIZE_MAX && st->hpos < n && st->hpos < c && object_gap(st, cue, que_before(st, st->hpos), c_end))
		return;
	{
		size_t		x,
					mais = non_pas_mais(st, c_end, &x);

		if (mais != SIZE_MAX && !frame_has(cue->frame, FF_NO_TOPIC))
		{
			size_t		tx = topic_in(st, x, mais),
						ty = SIZE_MAX,
						y_end = mais + 1;

			while (y_end < n && y_end < mais + 1 + MAX_SCOPE && !is_clause_end(st, &st->pc.p[y_end]))
				y_end++;
			ty = topic_in(st, mais + 1, y_end);
			if (tx != SIZE_MAX)
				push(st, &holder, quote, st->d->topics[st->an[tx].topic], -1, true,
					 -pol * st->an[tx].topic_pol * w, c, c_end, lo, tx + st->an[tx].topic_len - 1,
					 !neg, hedged, reported);
			if (ty != SIZE_MAX && (tx == SIZE_MAX || st->an[ty].topic != st->an[tx].topic))
				push(st, &holder, quote, st->d->topics[st->an[ty].topic], -1, true,
					 pol * st->an[ty].topic_pol * w, c, c_end, lo, ty + st->an[ty].topic_len - 1,
					 neg, hedged, reported);
			if (tx != SIZE_MAX || ty != SIZE_MAX)
				return;
		}
	}
	{
		/*
		 * A threat is a stance for the measure threatened ("menacé Moscou
		 * de sanctions": for sanctions); the threatened is its target only
		 * as the party it is addressed to, right after it (rule
		 * threat-target, threatened_party()), never a name further on.
		 */
		bool		want_entity = (frame_has(cue->frame, FF_ENTITY) || cue->target_mode == DP_TM_ENTITY ||
								   cue->target_mode == DP_TM_BOTH) && cue->frame != DP_FR_THREATEN;
		bool		topic_done = false,
					entity_done = false;
		size_t		topic_end = 0,
					gov_end = SIZE_MAX,
					act_noun = SIZE_MAX;
		bool		anaphoric = false;
		bool		governed = false;
		float		threat_pol = 0;

		/*
		 * A governed noun cue's polarity, multiplied into pol, and where the
		 * noun ends: its author after de takes the verb's polarity without
		 * it (rule governed-author)
		 */
		float		noun_pol = 1.0f;
		size_t		noun_end = SIZE_MAX;
		size_t		noun_start = SIZE_MAX;
		size_t		holder_span = st->hpos != SIZE_MAX && st->hpos >= c_end ? st->hpos : SIZE_MAX;
		size_t		holder_last = st->hend;
		size_t		threatened = threatened_party(st, cue, c_end, scope_end, &holder),
					addressee;

		/* "a menacé le Panama de mesures": against the threatened */
		if (threatened != SIZE_MAX)
		{
			const DpMention *mm = &st->ms.m[st->an[threatened].ment];

			push(st, &holder, quote, mm->name, mm->actor, false, pol * w, c, c_end,
				 lo, mm->piece + mm->npieces - 1, neg, hedged, reported);
			found++;
		}
		/* "réclament des garanties à Téhéran": against the one pressed */
		if (threatened == SIZE_MAX && (addressee = demand_addressee(st, cue, c_end, scope_end, &holder)) != SIZE_MAX)
		{
			const DpMention *mm = &st->ms.m[st->an[addressee].ment];

			push(st, &holder, quote, mm->name, mm->actor, false, -pol * w, c, c_end,
				 lo, mm->piece + mm->npieces - 1, neg, hedged, reported);
			found++;
			entity_done = true;
		}

		/* "soutenu par l'Algérie, le Danemark et la Grèce": the agents
		 * coordinated with the holder are holders too, not targets */
		if (holder_span != SIZE_MAX && st->hend < n && dp_rule_on(DP_RULE_AGENT_LIST))
		{
			Ref			agents[12];

			(void) coordinated_names(st, st->hend + 1, agents, 12, &holder_last, false);
		}

		for (size_t k = c_end; k < scope_end; k++)
		{
			const Anno *a = &st->an[k];

			/*
			 * "a dénoncé la décision de Londres de reconnaître l'État
			 * palestinien": the act after an act noun and its author is what
			 * the cue is for or against; its polarity multiplies, and its
			 * object is a target of its own (rule act-content)
			 */
			if (a->cue >= 0 && act_noun != SIZE_MAX && act_content(st, act_noun, k))
			{
				pol *= st->d->cues[a->cue].polarity;
				want_entity |= governs_entity_cue(st, cue, k) ||
					frame_has(st->d->cues[a->cue].frame, FF_ENTITY);
				entity_done = false;
				governed = true;
				act_noun = SIZE_MAX;
				st->an[k].consumed = true;
				k += st->an[k].cue_len - 1;
				continue;
			}
			/*
			 * The act blamed or praised: "accuse Moscou de bloquer les
			 * négociations" is for them, "remercie Ankara d'avoir accueilli
			 * les pourparlers" too: the polarities multiply
			 */
			if (a->cue >= 0 && !topic_done && frame_has(cue->frame, FF_REASON) && k > c_end &&
				reason_infinitive(st, k))
			{
				st->an[k].consumed = true;
				if (frame_has(cue->frame, FF_NO_TOPIC))
					break;
				pol *= st->d->cues[a->cue].polarity;
				entity_done = true; /* the one blamed or thanked came before */
				k += st->an[k].cue_len - 1;
				continue;
			}
			if (a->cue >= 0 && !topic_done && !entity_done &&
				st->d->cues[a->cue].pos == DP_POS_VERB && a->topic < 0)
			{
				/*
				 * A verb governs the infinitive right after it ("veut
				 * bloquer", "refuse de soutenir", "menace de bloquer"), and
				 * a demand or wish the verb it introduces further on ("exige
				 * que Kiev renonce à l'OTAN" is against membership): their
				 * polarities multiply; a threat takes the infinitive's.
				 */
				const DpPiece *mark = &st->pc.p[c_end];	/* de, d', à before it */
				bool		marked = key_is(mark, "de") || key_is(mark, "d'") || is_prep_a(st, mark);
				bool		infinitive = !frame_has(cue->frame, FF_REASON) &&
					(k == c_end || (k == c_end + 1 && marked));

				/* "a décidé de ne pas reconnaître": a negated infinitive */
				bool		neg_infinitive = !frame_has(cue->frame, FF_REASON) && marked && k == c_end + 3 &&
					(key_is(&st->pc.p[c_end + 1], "ne") || key_is(&st->pc.p[c_end + 1], "n'")) &&
					key_in(&st->pc.p[c_end + 2], L_NEGATORS) && dp_rule_on(DP_RULE_GOVERNED_NEGATION);

				if (dp_rule_on(DP_RULE_GOVERNED_VERB) &&
					(infinitive || neg_infinitive || noun_participle(st, k) || frame_has(cue->frame, FF_CLAUSE)))
				{
					float		gpol = st->d->cues[a->cue].polarity * (neg_infinitive ? -1.0f : 1.0f);

					/* the threatened stays the target of the threat itself */
					if (cue->frame == DP_FR_THREATEN)
						threat_pol = pol * cue->polarity * gpol;
					else
						pol *= gpol;
					governed = true;
					want_entity |= governs_entity_cue(st, cue, k);
					st->an[k].consumed = true;
					gov_end = k + st->an[k].cue_len;
					k += st->an[k].cue_len - 1;
					continue;
				}
				if (k > c_end + 1)
					break;		/* the next verb cue takes over */
			}
			/* "a rejeté les propos de Trump": toward their author */
			if (!entity_done && has_mod(st, k, DP_MOD_AUTHOR) && frame_has(cue->frame, FF_AUTHOR) &&
				dp_rule_on(DP_RULE_AUTHOR))
			{
				Ref			r;
				size_t		e;

				if ((author_after(st, k + (a->mod_len ? a->mod_len : 1) - 1, scope_end, &r, &e) ||
					 demonym_author(st, c, c_end, k, k + (a->mod_len ? a->mod_len : 1) - 1, scope_end, &r, &e)) &&
					!(holder.valid && holder.name && strcmp(holder.name, r.name) == 0) &&
					!(holder.valid && r.kind == DP_KIND_GPE && r.actor >= 0 && holder.actor == r.actor &&
					  st->an[e].demonym >= 0 && st->an[e].ment < 0) &&
					!forum_author(st, &r, e, scope_end))
				{
					size_t		ce;

					push(st, &holder, quote, r.name, r.actor, false, pol * w, c, c_end,
						 lo, e, neg, hedged, reported);
					entity_done = true;
					found++;
					ce = coordinated_targets(st, c, c_end, &holder, quote, pol * w, lo, e + 1,
											 neg, hedged, reported, -1);
					/* "la décision de Londres de reconnaître X": the act
					 * stated after it is in the object, however long the
					 * list of authors (rule act-content) */
					if (act_content(st, k, ce + 2))
					{
						act_noun = k;
						scope_end = cue_scope(st, ce + 2, ce + 2 + st->an[ce + 2].cue_len);
					}
				}
			}
			/*
			 * A noun cue as the verb cue's object: the verb carries it
			 * ("a augmenté son blocage des sanctions" is against them,
			 * "lever son veto sur les sanctions" for them)
			 */
			if (a->cue >= 0 && !topic_done && !entity_done && governed_noun(st, c_end, k))
			{
				/* "opposer un refus, son veto": the verb only carries a
				 * refusal, it does not reverse it as "lever son veto" does */
				if (!(cue->frame == DP_FR_OPPOSE && cue->polarity < 0 && st->d->cues[a->cue].polarity < 0))
				{
					pol *= st->d->cues[a->cue].polarity;
					noun_pol = st->d->cues[a->cue].polarity;
					noun_end = k + st->an[k].cue_len;
					noun_start = k;
				}
				governed = true;
				want_entity |= governs_entity_cue(st, cue, k);
				st->an[k].consumed = true;
				k += st->an[k].cue_len - 1;
				continue;
			}
			/*
			 * "souhaite renforcer la coopération avec Séoul": a noun cue for
			 * a relation, aimed at a person or state, as the object of the
			 * governed verb lets the stance reach its party (rule
			 * chained-noun; its polarity is the verb's: only a positive noun)
			 */
			if (a->cue >= 0 && !topic_done && !entity_done && gov_end != SIZE_MAX &&
				dp_rule_on(DP_RULE_CHAINED_NOUN) && st->d->cues[a->cue].polarity > 0 &&
				cue->frame != DP_FR_DEMAND &&	/* "appelle le pays à continuer sa
												 * collaboration avec X": the
												 * addressee's relation */
				governed_noun(st, gov_end, k))
			{
				want_entity |= governs_entity_cue(st, cue, k);
				st->an[k].consumed = true;
				gov_end = SIZE_MAX;
				k += st->an[k].cue_len - 1;
				continue;
			}
			if (a->cue >= 0)
				st->an[k].consumed = true;
			if (!topic_done && a->topic >= 0 && !frame_has(cue->frame, FF_NO_TOPIC))
			{
				float		tp = a->topic_pol;

				/* threatening with sanctions is being for them */
				float		s = topic_score(cue, pol, governed, threat_pol, tp, w);

				/* warning against it is not: "met en garde contre un dialogue" */
				if (cue->frame == DP_FR_THREATEN && !governed && dp_rule_on(DP_RULE_WARN_AGAINST))
					for (size_t j = c_end; j < k && !is_que(&st->pc.p[j]) && st->an[j].quote == st->an[c].quote; j++)
						if (key_is(&st->pc.p[j], "contre"))
						{
							s = -tp * w;
							break;
						}

				push(st, &holder, quote, st->d->topics[a->topic], -1, true, s, c, c_end,
					 lo, k + a->topic_len - 1, neg, hedged, reported);
				topic_done = true;
				topic_end = k + a->topic_len - 1;
				found++;
				/* "pour un cessez-le-feu et pour des échanges de prisonniers" */
				for (size_t t2; (t2 = coordinated_topic(st, topic_end + 1, scope_end)) != SIZE_MAX;)
				{
					const Anno *b = &st->an[t2];

					if (b->topic != a->topic)
						push(st, &holder, quote, st->d->topics[b->topic], -1, true,
							 topic_score(cue, pol, governed, threat_pol, b->topic_pol, w),
							 c, c_end, lo, t2 + b->topic_len - 1, neg, hedged, reported);
					topic_end = t2 + b->topic_len - 1;
				}
			}
			/* "l'adhésion de Kyiv à l'OTAN", "une rencontre entre Trump et
			 * Poutine": a mention inside the topic's words or its
			 * complement is part of the topic, not a target */
			if (a->ment >= 0 && topic_done &&
				(st->ms.m[a->ment].piece <= topic_end ||
				 in_topic_complement(st, topic_end, st->ms.m[a->ment].piece)))
			{
				k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
				continue;
			}
			/* "... et Zelensky remercie Trump": a mention right before a
			 * verb cue is that cue's subject, and a new clause starts */
			if (a->ment >= 0 && k > c_end && subject_of_next_cue(st, a->ment))
			{
				/* a demand or wish governs that clause (see below) */
				if (frame_has(cue->frame, FF_CLAUSE))
				{
					k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
					continue;
				}
				break;
			}
			/* "la décision des trois pays", "aux deux dirigeants": each name of the group */
			if (!entity_done && want_entity && a->ment < 0 && k >= c_end && k > 0 && dp_rule_on(DP_RULE_GROUP_TARGET) &&
				!key_is(&st->pc.p[k - 1], "dans") && !key_is(&st->pc.p[k - 1], "en") &&
				!key_is(&st->pc.p[k - 1], "entre") &&	/* "dans ces deux pays": where */
				/* "mis en œuvre par les deux parties": the agents, no target
				 * (rule group-agent) */
				!(key_is(&st->pc.p[k - 1], "par") && dp_rule_on(DP_RULE_GROUP_AGENT)))
			{
				int			size,
							kind,
							ng;
				Ref			g[MAX_GROUP + 1];
				size_t		e = group_phrase(st, k, &size, &kind);

				if (e && (size > 0 || (size < 0 && dp_rule_on(DP_RULE_GROUP_NOUN))) &&
					(ng = group_members(st, k, size, kind, g, &holder, GROUP_FAR)) > 0)
				{
					for (int i = 0; i < ng; i++)
						if (!(holder.valid && holder.name && strcmp(holder.name, g[i].name) == 0))
							push(st, &holder, quote, g[i].name, g[i].actor, false, pol * w, c, c_end,
								 lo, e - 1, neg, hedged, reported);
					entity_done = true;
					found++;
					k = e - 1;
					continue;
				}
			}
			/* "a expulsé douze diplomates algériens": their state */
			if (!entity_done && want_entity && a->ment < 0 && a->demonym >= 0 && k == c_end &&
				diplomat_cue(st, c_end))
			{
				if (push_state(st, a->demonym, &holder, quote, pol * w, c, c_end, lo, k, neg, hedged, reported))
				{
					entity_done = true;
					found++;
				}
			}
			/*
			 * A nominal object: "a critiqué le Premier ministre hongrois",
			 * "a accusé son homologue hongrois" is the country's leader
			 * named in the document (ref_leader).  Not a collective (la
			 * situation critique des troupes ukrainiennes), nor the subject
			 * of a clause after que (l'impression que le dirigeant russe).
			 */
			if (!entity_done && want_entity && a->ment < 0 && a->demonym >= 0 && k > c_end &&
				dp_rule_on(DP_RULE_NOMINAL_OBJECT))
			{
				Ref			r;
				size_t		start;

				if (nominal_at(st, k, &r, &start) && start >= c_end && r.valid &&
					(r.kind == DP_KIND_PER || collective_object(st, cue, c_end, start)) &&
					!complementizer_between(st, c_end, start) &&
					!(holder.valid && holder.name && strcmp(holder.name, r.name) == 0))
				{
					push(st, &holder, quote, r.name, r.actor, false, pol * w, c, c_end,
						 lo, k, neg, hedged, reported);
					entity_done = true;
					found++;
				}
			}
			/*
			 * "critique la reconnaissance de l'État palestinien": État with
			 * its demonym is that state, a target wherever a name would be
			 * (rule state-nominal)
			 */
			if (!entity_done && want_entity && a->ment < 0 && a->demonym >= 0 && k > c_end + 1 &&
				key_is(&st->pc.p[k - 1], "etat") &&
				(is_definite(&st->pc.p[k - 2]) || is_genitive(&st->pc.p[k - 2]) ||
				 key_in(&st->pc.p[k - 2], L_DETERMINERS)) &&
				!complementizer_between(st, c_end, k - 1) && dp_rule_on(DP_RULE_STATE_NOMINAL))
			{
				if (push_state(st, a->demonym, &holder, quote, pol * w, c, c_end, lo, k, neg, hedged, reported))
				{
					entity_done = true;
					found++;
				}
			}
			/*
			 * "impose des droits de douane sur les produits canadiens":
			 * the state of the goods a levy is put on, against it
			 * (rule levy-target); a threat for the measure threatened
			 */
			if (!entity_done && a->ment < 0 && levy_demonym(st, k))
			{
				float		lpol = cue->frame == DP_FR_THREATEN ? (governed ? threat_pol : 1.0f) : pol;

				if (push_state(st, a->demonym, &holder, quote, -lpol * w, c, c_end, lo, k, neg, hedged, reported))
				{
					entity_done = true;
					found++;
				}
			}
			/* "le soutien de la France à l'Ukraine": the holder named
			 * after its noun cue is not a target */
			if (a->ment >= 0 && holder_span != SIZE_MAX && dp_rule_on(DP_RULE_HOLDER_NOT_TARGET) &&
				((k >= holder_span && k <= holder_last) ||
				 (cue->pos == DP_POS_NOUN && !noun_complement(st, st->ms.m[a->ment].piece))))
			{
				/* ... and its target is a complement of the noun, "à
				 * l'Ukraine", not a name after the clause's verb ("paralyse
				 * le Conseil européen") */
				k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
				continue;
			}
			/* "les troupes que Pyongyang a envoyées": the relative's
			 * subject, not the cue's target */
			if (a->ment >= 0 && k > c_end && is_que(&st->pc.p[k - 1]) && dp_rule_on(DP_RULE_RELATIVE_SUBJECT))
			{
				k = st->ms.m[a->ment].piece + st->ms.m[a->ment].npieces - 1;
				continue;
			}
			if (!entity_done && a->ment >= 0 &&
				(want_entity || (pressed(st, st->ms.m[a->ment].piece) && !pressure_means(st, &holder))))
			{
				const DpMention *mm = &st->ms.m[a->ment];

				/*
				 * "a dénoncé sur X", "s'est félicité sur son réseau Truth
				 * Social": after a verb, a name after "sur" is where it was
				 * said, not a target.
				 */
				/*
				 * "a défendu une stratégie commune entre les États-Unis
				 * et l'Europe": the parties of the noun before entre, no
				 * targets (rule between-parties)
				 */
				{
					size_t		b = mm->piece;

					if (b > 0 && is_definite(&st->pc.p[b - 1]))
						b--;
					if (dp_rule_on(DP_RULE_BETWEEN_PARTIES) && b > c_end + 1 &&
						key_is(&st->pc.p[b - 1], "entre") && st->pc.p[b - 2].wordlike &&
						st->an[b - 2].ment < 0 && st->an[b - 2].cue < 0 && st->an[b - 2].topic < 0)
					{
						entity_done = true;
						k = mm->piece + mm->npieces - 1;
						continue;
					}
				}
				if ((cue->pos == DP_POS_VERB && (said_on(st, mm->piece) || said_at(st, cue, c_end, mm))) ||
					(place_of(st, mm) && !diplomat_post(st, c, c_end, mm)) ||
					(cue->pos == DP_POS_NOUN && coordinated_np(st, mm->piece)) ||
					forum_mention(st, mm, scope_end))
				{
					k = mm->piece + mm->npieces - 1;
					continue;
				}
				if (mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG)
				{
					/* "la lutte contre X", "maintenir la pression sur X":
					 * being for it is being against X */
					float		against = aimed_against(st, mm->piece) &&
						!cue_contre(st, cue, c_end, mm->piece) ? -1.0f : 1.0f;
					int16_t		own = own_party(st, mm->piece, &holder);

					/*
					 * a threat is for the measure it threatens: what that
					 * measure is aimed at has the measure's sign ("menace
					 * d'imposer des tarifs sur la Chine": against China;
					 * rule levy-target)
					 */
					if (cue->frame == DP_FR_THREATEN && against < 0 && dp_rule_on(DP_RULE_LEVY_TARGET))
						pol = governed ? threat_pol : 1.0f;

					if (governed_author(st, noun_start, noun_end, mm->piece))
						against *= noun_pol;

					if (own < 0 || mm->actor != own)
						push(st, &holder, quote, mm->name, mm->actor, false, against * pol * w, c, c_end,
							 lo, mm->piece + mm->npieces - 1, neg, hedged, reported);
					entity_done = true;
					found++;
					k = coordinated_targets(st, c, c_end, &holder, quote, against * pol * w, lo,
											mm->piece + mm->npieces, neg, hedged, reported, own);
				}
				else
					k = mm->piece + mm->npieces - 1;
			}
			if (topic_done && (entity_done || !want_entity))
				break;
		}
		/*
		 * An object naming neither a topic nor an entity (ces mesures, le
		 * texte, une décision) stands for the topic last named, within two
		 * sentences; so naming it again keeps the topic current.
		 */
		for (size_t k = c_end; k < scope_end && k < c_end + 3; k++)
			if (has_mod(st, k, DP_MOD_DEMONSTRATIVE) &&
				(key_in(&st->pc.p[k], L_DETERMINERS) ||
				 (k > 0 && (key_in(&st->pc.p[k - 1], L_DETERMINERS) || key_in(&st->pc.p[k - 1], L_POSSESSIVES)))))
				anaphoric = true;	/* a noun, after its article: not "un ton mesuré" */
		/*
		 * "a apporté son soutien", "leur rejet": a noun cue after a
		 * possessive with nothing after it in its clause is about the
		 * topic being discussed
		 */
		if (!found && dp_rule_on(DP_RULE_ELLIPTIC_OBJECT) && cue->pos == DP_POS_NOUN && c > 0 &&
			frame_has(cue->frame, FF_ELLIPTIC) &&
			key_in(&st->pc.p[c - 1], L_POSSESSIVES) && !key_in(&st->pc.p[c - 1], L_PREPOSITIONS) &&
			(scope_end == c_end || is_rather(st, scope_end)))
			anaphoric = true;
		/* "toute tentative d'utiliser ces liens pour réaliser l'objectif",
		 * "appelé à un geste de clémence": another cue in its object (before
		 * any comma) states what it is about */
		if (anaphoric && dp_rule_on(DP_RULE_STATED_OBJECT))
			for (size_t k = c_end; k < scope_end && !is_punct(st, &st->pc.p[k], ",;"); k++)
				if (st->an[k].cue >= 0)
				{
					anaphoric = false;
					break;
				}
		/*
		 * "Kiev a reçu le soutien de Washington", "le plan de paix suscite
		 * la colère de Moscou": the noun a receiving verb governs is aimed
		 * at the verb's subject, the topic it names (also when a party is
		 * named inside it: "l'adhésion de l'Ukraine suscite ...") or the
		 * entity (rule received-noun)
		 */
		if (!found && holder.valid)
		{
			size_t		rv = received_verb(st, c);

			if (rv != SIZE_MAX)
			{
				Ref			subj,
							author = {0};
				size_t		spos = SIZE_MAX,
							apos = SIZE_MAX,
							t = SIZE_MAX,
							from = rv;
				bool		entity = other_subject(st, rv, &holder, &subj, &spos) && spos < rv;

				while (from > 0 && from + MAX_LEFT > rv && !is_clause_end(st, &st->pc.p[from - 1]))
					from--;
				for (size_t k = from; k < (entity ? spos : rv); k++)
					if (st->an[k].topic >= 0)
					{
						t = k;
						break;
					}
				if (t != SIZE_MAX)
				{
					push(st, &holder, quote, st->d->topics[st->an[t].topic], -1, true,
						 pol * st->an[t].topic_pol * w, c, c_end, t < lo ? t : lo, hi, neg, hedged, reported);
					found++;
				}
				/* "les propos de Macron ont déclenché la colère de Pékin":
				 * toward the act's author */
				else if (passive_act_author(st, rv, &author, &apos) && author.valid && holder.name &&
						 author.name && strcmp(author.name, holder.name) != 0 &&
						 !(holder.actor >= 0 && holder.actor == author.actor))
				{
					push(st, &holder, quote, author.name, author.actor, false, pol * w, c, c_end,
						 apos < lo ? apos : lo, hi, neg, hedged, reported);
					found++;
				}
				else if (entity && !(holder.actor >= 0 && holder.actor == subj.actor))
				{
					Ref			co[6];
					int			nco;
					size_t		hpos = st->hpos,
								hend = st->hend;

					push(st, &holder, quote, subj.name, subj.actor, false, pol * w, c, c_end,
						 spos < lo ? spos : lo, hi, neg, hedged, reported);
					found++;
					/* "Kiev et Varsovie ont reçu le soutien de X": each */
					st->hpos = st->hend = spos;
					nco = coordinated_subject(st, co, 6);
					st->hpos = hpos;
					st->hend = hend;
					for (int i = 0; i < nco && i < 6; i++)
						if (co[i].valid && co[i].name && holder.name && strcmp(co[i].name, holder.name) != 0 &&
							!(holder.actor >= 0 && holder.actor == co[i].actor))
							push(st, &holder, quote, co[i].name, co[i].actor, false, pol * w, c, c_end,
								 spos < lo ? spos : lo, hi, neg, hedged, reported);
				}
				/* "Cette contre-proposition suscite des inquiétudes": the
				 * topic last named */
				else if (!entity && st->last_topic >= 0 && st->sentence <= st->last_topic_sentence + 2)
					for (size_t k = from; k < rv; k++)
						if (has_mod(st, k, DP_MOD_DEMONSTRATIVE) && key_in(&st->pc.p[k], L_DETERMINERS))
						{
							push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
								 pol * st->last_topic_pol * w * W_ANAPHORA, c, c_end, k < lo ? k : lo, hi,
								 neg, hedged, reported);
							found++;
							break;
						}
			}
		}
		if (!found && anaphoric && dp_rule_on(DP_RULE_ANAPHORA) && !frame_has(cue->frame, FF_NO_TOPIC) &&
			st->last_topic >= 0 &&
			st->sentence <= st->last_topic_sentence + 2 && !topic_in_subject(st, c))
		{
			push(st, &holder, quote, st->d->topics[st->last_topic], -1, true,
				 pol * st->last_topic_pol * w * W_ANAPHORA, c, c_end, lo, hi, neg, hedged, reported);
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = SIZE_MAX;
			found++;
		}
		/*
		 * "l'armée turque intervient avec le soutien des États-Unis": the
		 * backing is for the clause's subject
		 */
		if (!found && backing(st, c))
		{
			Ref			subj;
			size_t		spos;

			if (other_subject(st, c - 2, &holder, &subj, &spos))
			{
				push(st, &holder, quote, subj.name, subj.actor, false, pol * w, c, c_end,
					 lo, hi, neg, hedged, reported);
				found++;
			}
		}
		/*
		 * "Lee et Takaichi ont souligné la nécessité d'une coopération",
		 * "les deux dirigeants ... une coopération": a cue aimed at a party
		 * with none named, held by names together, is each one's stance
		 * toward the others (rule group-reciprocal; score_cue() adds the
		 * others' rows toward the first)
		 */
		if (!found && holder.valid && holder.name && st->hpos != SIZE_MAX && st->hpos < c && quote < 0 &&
			dp_rule_on(DP_RULE_GROUP_RECIPROCAL) && reciprocal_cue(st, c, &st->rpol))
		{
			Ref			g[MAX_GROUP + 1];
			int			ng = 0,
						size,
						kind;

			if (group_phrase(st, st->hpos, &size, &kind) && size != 0)
				ng = group_members(st, st->hpos, size, kind, g, NULL, group_holder_reach());
			else if (st->hpos < st->pc.n && st->an[st->hpos].ment >= 0)
			{
				g[0] = holder;
				ng = 1 + coordinated_subject(st, g + 1, 3);
			}
			if (ng >= 2 && ng <= 3 && strcmp(g[0].name, holder.name) == 0)
			{
				for (int i = 1; i < ng; i++)
					push(st, &holder, quote, g[i].name, g[i].actor, false, pol * st->rpol * w, c, c_end,
						 lo, hi, neg, hedged, reported);
				memcpy(st->recip, g, sizeof(Ref) * (size_t) ng);
				st->nrecip = ng;
				found++;
			}
		}
		/* "d'accord avec cela": agreeing with the last stance */
		if (!found && cue->target_mode != DP_TM_ENTITY && st->out->n > 0 && c_end < n &&
			scope_end > c_end)
		{
			for (size_t k = c_end; k < scope_end && k < c_end + 3; k++)
				if (key_is(&st->pc.p[k], "cela") || key_is(&st->pc.p[k], "ca") ||
					key_is(&st->pc.p[k], "ceci"))
				{
					const DpStance *last = &st->out->s[st->out->n - 1];

					if (last->sentence + 1 >= st->sentence && last->target_topic)
						push(st, &holder, quote, last->target, -1, true,
							 pol * (last->score > 0 ? 1 : -1) * w, c, c_end, lo, k, neg, hedged, reported);
					break;
				}
		}
	}
}

/*
 * A topic word right after its subject is the subject acting for it:
 * "Washington sanctionne Rosneft", "Kiev négocie".  Weak support.
 */
static void
topic_actions(St *st)
{
	if (!dp_rule_on(DP_RULE_TOPIC_ACTION) || !st->any_topic)
		return;
	for (size_t i = 1; i < st->pc.n; i++)
	{
		const Anno *a = &st->an[i];
		Ref			r;
		size_t		start;
		bool		neg = false;
		float		sign;

		if (a->topic < 0 || a->cue >= 0 || st->an[i].ment >= 0 || st->pc.p[i].cap)
			continue;

		/* ne ... pas / jamais around the term */
		for (size_t k = (i > 3 ? i - 3 : 0); k < i + a->topic_len + 2 && k < st->pc.n; k++)
			if (key_in(&st->pc.p[k], L_NEGATORS) && k > 0)
				for (size_t b = (k > 5 ? k - 5 : 0); b < k; b++)
					if (key_is(&st->pc.p[b], "ne") || key_is(&st->pc.p[b], "n'"))
						neg = true;
		sign = neg ? -W_TOPIC_ACTION_NEG : 1.0f;
		for (size_t k = i; k-- > 0 && k + 4 > i;)
		{
			if (st->an[k].quote != a->quote || !st->pc.p[k].wordlike || st->an[k].cue >= 0)
				break;			/* a cue before the term governs it */
			if (key_is(&st->pc.p[k], "tout") || key_is(&st->pc.p[k], "toute") ||
				key_is(&st->pc.p[k], "tous") || key_is(&st->pc.p[k], "toutes"))
				break;			/* a noun phrase, not a verb */
			if (key_is(&st->pc.p[k], "ne") || key_is(&st->pc.p[k], "n'"))
				continue;
			if (a->quote >= 0 && key_in(&st->pc.p[k], L_FIRST_PERSON))
			{
				/* "Nous ne reconnaîtrons jamais l'annexion": the speaker */
				Ref			none = {0};

				st->hpos = SIZE_MAX;
				push(st, &none, a->quote, st->d->topics[a->topic], -1, true, W_TOPIC_ACTION * sign * a->topic_pol,
					 i, i + a->topic_len, k, i + a->topic_len - 1, neg, false, true);
				break;
			}
			if (key_is(&st->pc.p[k], "les") || key_is(&st->pc.p[k], "la") || key_is(&st->pc.p[k], "le") ||
				key_is(&st->pc.p[k], "l'") || key_is(&st->pc.p[k], "des") || key_is(&st->pc.p[k], "de") ||
				key_is(&st->pc.p[k], "d'") || key_is(&st->pc.p[k], "du") || key_is(&st->pc.p[k], "un") ||
				key_is(&st->pc.p[k], "une") || key_is(&st->pc.p[k], "aux") || key_is(&st->pc.p[k], "au"))
				break;			/* a noun, not a verb */
			if (candidate_at(st, k, &r, &start, false))
			{
				Ref			speaker;
				size_t		before = st->out->n;

				/* "refuse que l'Ukraine cède ...": the verb before que
				 * governs the clause and holds the stance */
				if (governed_clause(st, start))
					break;

				st->hpos = start;
				st->hend = k;
				push(st, &r, -1, st->d->topics[a->topic], -1, true, W_TOPIC_ACTION * sign * a->topic_pol,
					 i, i + a->topic_len, start, i + a->topic_len - 1, neg, false, a->quote >= 0);
				if (speaker_for_clause(st, &r, a->quote, &speaker))
					copy_for(st, before, st->out->n, &speaker);
				break;
			}
		}
	}
}

/*
 * A proposal is its author's act for what it proposes, even when another
 * cue governs it and takes its object ("ont exprimé leur soutien à la
 * proposition américaine pour un cessez-le-feu": the United States are for
 * it too; "a rejeté la proposition de trêve présentée par Washington"): a
 * consumed noun cue of frame propose, a topic within a few words after it,
 * its author a demonym or de + a name right after the noun, else the agent
 * of a participle right after the topic (rule proposal-author).
 */
static void
proposal_author(St *st, size_t c)
{
	const DpCue *cue = &st->d->cues[st->an[c].cue];
	size_t		c_end = c + st->an[c].cue_len,
				n = st->pc.n,
				t = SIZE_MAX;
	Ref			holder = {0};

	if (!dp_rule_on(DP_RULE_PROPOSAL_AUTHOR) || cue->frame != DP_FR_PROPOSE || cue->pos != DP_POS_NOUN ||
		cue->polarity <= 0 || c_end >= n)
		return;
	st->hpos = SIZE_MAX;
	if (!noun_holder(st, c_end, &holder))
		holder.valid = false;
	for (size_t k = c_end; k < n && k < c_end + 8; k++)
	{
		if (st->an[k].topic >= 0)
		{
			t = k;
			break;
		}
		if (is_clause_end(st, &st->pc.p[k]) || is_punct(st, &st->pc.p[k], ",;:") || st->an[k].cue >= 0 ||
			is_que(&st->pc.p[k]) || key_is(&st->pc.p[k], "si") || key_is(&st->pc.p[k], "s'"))
			return;
	}
	if (t == SIZE_MAX || st->an[t].topic_pol <= 0)
		return;
	if (!holder.valid)
	{
		size_t		te = t + st->an[t].topic_len;

		/* a participle right after the topic, then par */
		if (te + 2 >= n || !st->pc.p[te].wordlike || st->pc.p[te].cap || !key_is(&st->pc.p[te + 1], "par") ||
			!agent_after(st, te + 1, 1, &holder) || !holder.valid)
			return;
	}
	if (!holder.name)
		return;
	push(st, &holder, st->an[c].quote, st->d->topics[st->an[t].topic], -1, true, cue->weight, c, c_end,
		 c, t + st->an[t].topic_len - 1, false, false, st->an[c].quote >= 0);
}

static void
stance_sentence(St *st)
{
	bool		question;

	annotate(st);
	find_frame(st);
	find_speakers(st);
	st->contrast_seen = false;
	/* a question states no stance (outside quotes) */
	question = st->pc.n > 0 && is_punct(st, &st->pc.p[st->pc.n - 1], "?") && dp_rule_on(DP_RULE_QUESTION);
	/* (a sentence with no cue, term or contrast word has nothing to score) */
	for (size_t i = 0; (st->any_cue || st->any_topic) && i < st->pc.n; i++)
	{
		/* most pieces have no cue, term or contrast word: a tight loop past them */
		{
			const Anno *an = st->an;
			size_t		n = st->pc.n;

			while (i < n && an[i].cue < 0 && an[i].topic < 0 && !(an[i].mods & (1u << DP_MOD_CONTRAST)))
				i++;
			if (i == n)
				break;
		}
		if (question && st->an[i].quote < 0)
			continue;
		if (has_mod(st, i, DP_MOD_CONTRAST) && i > 0)
		{
			st->contrast_seen = true;
			st->contrast_factor = st->an[i].mod_factor[DP_MOD_CONTRAST] > 0 ?
				st->an[i].mod_factor[DP_MOD_CONTRAST] : 1.0f;
		}
		if (st->an[i].cue >= 0 && !st->an[i].consumed)
			score_cue(st, i);
		else if (st->an[i].cue >= 0)
			proposal_author(st, i);
		if (st->an[i].topic >= 0)
		{
			st->last_topic = st->an[i].topic;
			st->last_topic_pol = st->an[i].topic_pol;
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = i;
		}
	}
	topic_actions(st);
	update_state(st);
}
