/*
 * stance/holders.c
 *	  Stage 2, holders: who holds a cue's stance.  Only acting entities
 *	  (persons, organisations, states, seats of government: acting()); the
 *	  subject by clause structure (subject_left_q(): right before the verb,
 *	  else the first non-complement of the clause, through que and qui; a
 *	  common noun or an impersonal il stops the search), passive and noun
 *	  agents, quote speakers (find_speakers(): before, after, inverted
 *	  pronoun, bullet line), framing "Selon X,", pronouns and nominal
 *	  mentions resolved in the document, coordinated subjects and those
 *	  named by a comparison.
 */

/*
 * What il/elle at piece k stands for: the subject named earlier in the same
 * sentence ("Rafael Grossi s'est rendu à Zaporijia, où il a rencontré..."),
 * looked for in the first PRONOUN_REACH pieces (a bound: cues call this for
 * every pronoun they pass), else the last subject of the sentences before.
 */
#define PRONOUN_REACH 64

static Ref
ref_mention(const St *st, const DpMention *mm)
{
	Ref			r = {0};

	(void) st;
	r.name = mm->name;
	r.entity = mm->entity;
	r.actor = mm->actor;
	r.kind = (int8_t) mm->kind;
	r.valid = true;
	return r;
}

/*
 * Does a mention name an acting entity, one that can hold a stance?  Persons
 * and organisations do; of places only a state and a seat of government
 * standing for it (Moscou, Washington: title "capitale" in diplo.entity),
 * never a city that hosts talks, a region or a battlefield.
 */
static bool
acting(const St *st, const DpMention *mm)
{
	const DpEntity *e;

	if (mm->kind != DP_KIND_GPE || !dp_rule_on(DP_RULE_HOST_NOT_HOLDER))
		return true;
	if (mm->entity < 0)
		return false;
	e = &st->d->entities[mm->entity];
	if (mm->actor >= 0 && st->d->countries[mm->actor].entity == mm->entity)
		return true;
	return e->title != NULL && strcmp(e->title, "capitale") == 0;
}

/* The state of an actor as a holder (its canonical GPE entity). */
static Ref
ref_state(const St *st, int16_t actor)
{
	Ref			r = {0};
	const DpCountry *c;

	if (actor < 0)
		return r;
	c = &st->d->countries[actor];
	if (c->entity < 0)
		return r;
	r.name = st->d->entities[c->entity].name;
	r.entity = c->entity;
	r.actor = actor;
	r.kind = DP_KIND_GPE;
	r.valid = true;
	return r;
}

/* The leader of an actor: its most mentioned person, else the state. */
static Ref
ref_leader(const St *st, int16_t actor)
{
	if (actor >= 0 && st->leader_of[actor] >= 0)
		return ref_mention(st, &st->ms.m[st->leader_of[actor]]);
	return ref_state(st, actor);
}

static bool noun_participle(const St *st, size_t k);
/*
 * Is mention mi directly followed by a verb cue (past an auxiliary, a
 * negation or a clitic: "Kiev a rejeté", "Moscou ne reconnaît pas",
 * "Trump lui demande")?  Then it is the subject of that cue.
 */
static bool
subject_of_next_cue(const St *st, int32_t mi)
{
	static const char *const skip[] = {
		"a", "ont", "avait", "avaient", "aura", "auront", "ne", "n'", "se", "s'",
		"lui", "leur", "y", "en", "l'", "la", "le", "les", "nous", "vous", NULL
	};
	const DpMention *mm = &st->ms.m[mi];
	size_t		k = mm->piece + mm->npieces;

	for (int hops = 0; k < st->pc.n && hops < 3; hops++, k++)
	{
		const Anno *a = &st->an[k];
		bool		skippable = false;

		if (a->cue >= 0)
			return st->d->cues[a->cue].pos == DP_POS_VERB && !noun_participle(st, k);
		for (int i = 0; skip[i] && !skippable; i++)
			skippable = key_is(&st->pc.p[k], skip[i]);
		/* the auxiliary "a", not the preposition "à" (same folded key) */
		if (skippable && st->pc.p[k].len == 2 && key_is(&st->pc.p[k], "a"))
			skippable = false;
		if (!skippable)
			return false;
	}
	return false;
}

/*
 * The person of that actor named among the last TITLED_WINDOW mentions (a
 * bound: a long document has many) whose usual title opens with the word
 * w (the title's first word, as a cached word of the dictionary); an
 * invalid Ref if none.
 */
static bool
title_opens_with(const St *st, const DpMention *mm, int16_t actor, const DpWord *w)
{
	const char *title;
	const DpWord *tw;

	if (mm->kind != DP_KIND_PER || mm->actor != actor || mm->entity < 0 ||
		(title = st->d->entities[mm->entity].title) == NULL)
		return false;
	tw = dp_dict_word(st->d, title, strcspn(title, " "));
	return tw == w || (tw->keylen == w->keylen && memcmp(tw->key, w->key, w->keylen) == 0);
}

static Ref
titled_person(const St *st, int16_t actor, const DpWord *w)
{
	Ref			none = {0};

	for (size_t i = st->mend; i-- > 0 && i + TITLED_WINDOW > st->mend;)
		if (title_opens_with(st, &st->ms.m[i], actor, w))
			return ref_mention(st, &st->ms.m[i]);
	/*
	 * "L'ambassadeur russe a rejeté la trêve. Vassili Nebenzia ...": the
	 * name may come only in the next sentences (rule titled-later)
	 */
	if (dp_rule_on(DP_RULE_TITLED_LATER))
		for (size_t i = st->mend; i < st->ms.n && st->ms.m[i].sentence <= st->sentence + TITLED_AHEAD; i++)
			if (title_opens_with(st, &st->ms.m[i], actor, w))
				return ref_mention(st, &st->ms.m[i]);
	return none;
}

/*
 * The role class (diplo.role) of the longest role title made of the words
 * of title (a dictionary entity's usual title: "ministre des affaires
 * étrangères"), -1 if none.  Words are cut at spaces and after an
 * apostrophe (d'état), as the text's pieces are.
 */
static int
title_role_class(const St *st, const char *title)
{
	uint32_t	node = 0;
	int			cls = -1;
	const char *s = title;

	if (!title)
		return -1;
	for (int words = 0; *s && words < 8; words++)
	{
		size_t		n = 0;
		const DpWord *w;
		uint32_t	nv;
		const DpVal *v;

		while (s[n] && s[n] != ' ' && s[n] != '-' && s[n] != '\'')
			n++;
		if (s[n] == '\'')
			n++;				/* d', l': a piece of its own */				/* d' */
		if (n == 0)
		{
			s++;
			continue;
		}
		w = dp_dict_word(st->d, s, n);
		node = w ? dp_trie_child(st->d->words, node, w->key, w->keylen) : 0;
		if (!node)
			break;
		v = dp_trie_values(st->d->words, node, &nv);
		for (uint32_t q = 0; q < nv; q++)
			if (v[q].type == DP_V_ROLE)
				cls = v[q].sub;
		s += n;
		while (*s == ' ' || *s == '-')
			s++;
	}
	return cls;
}

/*
 * The role class of the longest role title starting at piece b, its
 * demonym skipped once (le ministre russe des Affaires étrangères), -1 if
 * none.
 */
static int
role_class_at(const St *st, size_t b, int16_t actor)
{
	uint32_t	node = 0;
	int			cls = -1;
	bool		skipped = false;

	for (size_t j = b; j < st->pc.n && j < b + 8; j++)
	{
		const DpPiece *p = &st->pc.p[j];
		uint32_t	next,
					nv;
		const DpVal *v;

		if (!p->wordlike)
			break;
		next = dp_trie_child(st->d->words, node, p->w->key, p->w->keylen);
		if (!next)
		{
			if (!skipped && j > b && actor >= 0 && st->an[j].demonym == actor)
			{
				skipped = true;
				continue;
			}
			break;
		}
		node = next;
		v = dp_trie_values(st->d->words, node, &nv);
		for (uint32_t q = 0; q < nv; q++)
			if (v[q].type == DP_V_ROLE)
				cls = v[q].sub;
	}
	return cls;
}

/*
 * The one person of that actor named in the document (before, or in the
 * next sentences) whose usual title has the role class of the title at
 * piece b (rule role-person): "le chef de la diplomatie russe" is Sergueï
 * Lavrov, ministre des affaires étrangères, when he is the only Russian
 * minister named.  Heads of state are left to the leader rules.  An
 * invalid Ref if none or several.
 */
static Ref
role_person(const St *st, int16_t actor, size_t b)
{
	Ref			none = {0},
				found = {0};
	int			cls;
	size_t		from = st->mend > TITLED_WINDOW ? st->mend - TITLED_WINDOW : 0;

	if (!dp_rule_on(DP_RULE_ROLE_PERSON) || actor < 0 ||
		(cls = role_class_at(st, b, actor)) < 0 || cls == DP_ROLE_HEAD || cls == DP_ROLE_OTHER)
		return none;
	for (size_t i = from; i < st->ms.n && st->ms.m[i].sentence <= st->sentence + TITLED_AHEAD; i++)
	{
		const DpMention *mm = &st->ms.m[i];

		if (mm->kind != DP_KIND_PER || mm->actor != actor || mm->entity < 0 ||
			title_role_class(st, st->d->entities[mm->entity].title) != cls)
			continue;
		if (found.valid && found.entity != mm->entity)
			return none;		/* two of them: no guess */
		found = ref_mention(st, mm);
	}
	return found;
}

/*
 * The person of that actor, named in the document, whose usual title opens
 * with the one-word noun at piece b right before its demonym (only there:
 * "le chef de l'État ukrainien" is not a "chef d'état-major"); an invalid
 * Ref if none or if rule is off.
 */
static Ref
title_before_demonym(const St *st, int16_t actor, size_t b, DpRule rule)
{
	size_t		len = st->an[b].mod_len ? st->an[b].mod_len : 1;
	Ref			none = {0};

	if (dp_rule_on(rule) && actor >= 0 && len == 1 && b + 1 < st->pc.n && st->an[b + 1].demonym == actor)
		return titled_person(st, actor, st->pc.p[b].w);
	return none;
}

/*
 * The person a leader noun names, "le président américain", "le
 * vice-président américain": among the persons of that actor named in the
 * document, the one whose usual title (diplo.entity.title) starts with that
 * noun (titled_person()); else the most mentioned one (ref_leader()).
 */
static Ref role_dictionary(const St *st, int16_t actor, size_t b);

static Ref
ref_titled(const St *st, int16_t actor, size_t b)
{
	Ref			r = title_before_demonym(st, actor, b, DP_RULE_TITLED_LEADER);

	if (!r.valid)
		r = role_dictionary(st, actor, b);
	return r.valid ? r : ref_leader(st, actor);
}

/*
 * The state a collective noun with its demonym stands for ("le
 * gouvernement russe"), or the person that noun names when it opens the
 * usual title of a person of that state named in the document (rule
 * titled-collective: "le ministre égyptien des Affaires étrangères": a
 * minister or spokesperson speaking is the holder himself).
 */
static Ref
ref_collective(const St *st, int16_t actor, size_t b)
{
	Ref			r = title_before_demonym(st, actor, b, DP_RULE_TITLED_COLLECTIVE);

	if (!r.valid)
		r = role_person(st, actor, b);
	if (!r.valid)
		r = role_dictionary(st, actor, b);
	return r.valid ? r : ref_state(st, actor);
}

/*
 * Do the words of a dictionary title match the text from piece b, the
 * demonym of actor skipped once (title "ministre des affaires étrangères":
 * "ministre russe des Affaires étrangères"), the whole title and then the
 * demonym or the title's end?
 */
static bool
title_matches_at(const St *st, const char *title, size_t b, int16_t actor)
{
	const char *s = title;
	size_t		j = b;
	bool		skipped = false;

	while (*s)
	{
		size_t		n = 0;
		const DpWord *w;

		while (s[n] && s[n] != ' ' && s[n] != '-' && s[n] != '\'')
			n++;
		if (s[n] == '\'')
			n++;				/* d', l': a piece of its own */
		if (n == 0)
		{
			s++;
			continue;
		}
		if (j < st->pc.n && !skipped && j > b && st->an[j].demonym == actor)
		{
			skipped = true;
			j++;
		}
		if (j >= st->pc.n || (w = dp_dict_word(st->d, s, n)) == NULL ||
			st->pc.p[j].w->keylen != w->keylen || memcmp(st->pc.p[j].w->key, w->key, w->keylen) != 0)
			return false;
		j++;
		s += n;
		while (*s == ' ' || *s == '-')
			s++;
	}
	/* the demonym was in the title or right after it */
	return skipped || (j < st->pc.n && st->an[j].demonym == actor);
}

/*
 * Do the words of a dictionary title match the text from piece b, word for
 * word ("porte-parole du kremlin": "porte-parole du Kremlin")?
 */
static bool
title_full_at(const St *st, const char *title, size_t b)
{
	const char *s = title;
	size_t		j = b;

	if (!title || !*title)
		return false;
	while (*s)
	{
		size_t		n = 0;
		const DpWord *w;

		while (s[n] && s[n] != ' ' && s[n] != '-' && s[n] != '\'')
			n++;
		if (s[n] == '\'')
			n++;				/* d', l': a piece of its own */
		if (n == 0)
		{
			s++;
			continue;
		}
		if (j >= st->pc.n || (w = dp_dict_word(st->d, s, n)) == NULL ||
			st->pc.p[j].w->keylen != w->keylen || memcmp(st->pc.p[j].w->key, w->key, w->keylen) != 0)
			return false;
		j++;
		s += n;
		while (*s == ' ' || *s == '-')
			s++;
	}
	return true;
}

/*
 * The dictionary's one person whose usual title is written from piece b:
 * of state actor (any state, for actor < 0), the whole title there
 * (title_full_at(), full) or with the demonym of actor inside it
 * (title_matches_at()).  None when two persons fit: no guess.
 */
static Ref
dictionary_titled(const St *st, int16_t actor, size_t b, bool full)
{
	Ref			found = {0},
				none = {0};
	const uint32_t *persons = NULL;
	uint32_t	np = st->d->nentities;

	/* the index of titled persons by state, or every entity */
	if (actor >= 0)
		persons = dp_dict_titled_persons(st->d, actor, &np);
	for (uint32_t i = 0; i < np; i++)
	{
		uint32_t	e = persons ? persons[i] : i;
		const DpEntity *en = &st->d->entities[e];

		if (en->kind != DP_KIND_PER || !en->title ||
			!(full ? title_full_at(st, en->title, b) : title_matches_at(st, en->title, b, actor)))
			continue;
		if (found.valid)
			return none;
		found.name = en->name;
		found.entity = (int32_t) e;
		found.actor = en->actor;
		found.kind = DP_KIND_PER;
		found.valid = true;
	}
	return found;
}

/*
 * The length in pieces of the longest role title (diplo.role) starting at
 * piece b, 0 if none.
 */
static size_t
role_len_at(const St *st, size_t b)
{
	uint32_t	node = 0;
	size_t		best = 0;

	for (size_t j = b; j < st->pc.n && j < b + 8; j++)
	{
		uint32_t	nv;
		const DpVal *v;

		if (!st->pc.p[j].wordlike ||
			(node = dp_trie_child(st->d->words, node, st->pc.p[j].w->key, st->pc.p[j].w->keylen)) == 0)
			break;
		v = dp_trie_values(st->d->words, node, &nv);
		for (uint32_t q = 0; q < nv; q++)
			if (v[q].type == DP_V_ROLE)
				best = j - b + 1;
	}
	return best;
}

/*
 * "Le porte-parole du Kremlin a rejeté", "la porte-parole de la Maison
 * Blanche": the mention mm after de (piece g) completes a role title
 * opening before it (rule role-genitive).  The person named in the
 * document (before, or in the next sentences) whose usual title is those
 * words; else the one person of mm's state named with that role class;
 * else, when no person of that class and state is named, the dictionary's
 * one person with that usual title.  *r0: the title's first piece.  An
 * invalid Ref if none.
 */
static Ref
role_genitive(const St *st, const DpMention *mm, size_t g, size_t *r0)
{
	Ref			found = {0},
				none = {0};
	size_t		from = st->mend > TITLED_WINDOW ? st->mend - TITLED_WINDOW : 0;
	size_t		b = SIZE_MAX;
	int			cls = -1;
	bool		same_class = false;

	if (!dp_rule_on(DP_RULE_ROLE_GENITIVE) || g == 0)
		return none;
	/* the title opens at most four pieces before de and reaches it */
	for (size_t i = g; i-- > 0 && i + 5 > g;)
		if (role_len_at(st, i) >= g - i)
		{
			b = i;
			break;
		}
	if (b == SIZE_MAX)
		return none;
	*r0 = b;
	for (size_t i = from; i < st->ms.n && st->ms.m[i].sentence <= st->sentence + TITLED_AHEAD; i++)
	{
		const DpMention *pm = &st->ms.m[i];

		if (pm->kind != DP_KIND_PER || pm->entity < 0 || !title_full_at(st, st->d->entities[pm->entity].title, b))
			continue;
		if (found.valid && found.entity != pm->entity)
			return none;		/* two of them: no guess */
		found = ref_mention(st, pm);
	}
	if (found.valid)
		return found;
	if (mm->actor >= 0)
	{
		found = role_person(st, mm->actor, b);
		if (found.valid)
			return found;
		cls = role_class_at(st, b, -1);
		for (size_t i = from; i < st->ms.n && st->ms.m[i].sentence <= st->sentence + TITLED_AHEAD && !same_class; i++)
		{
			const DpMention *pm = &st->ms.m[i];

			same_class = pm->kind == DP_KIND_PER && pm->actor == mm->actor && pm->entity >= 0 &&
				title_role_class(st, st->d->entities[pm->entity].title) == cls;
		}
	}
	if (same_class)
		return none;
	return dictionary_titled(st, mm->actor, b, true);
}

/*
 * A holder found at a mention that completes a role title after de (le
 * porte-parole du Kremlin a rejeté ...): the title's person, when
 * role_genitive() finds one (rule role-genitive).  st->hpos: the holder's
 * first piece.
 */
static void
role_holder(const St *st, Ref *holder)
{
	const DpMention *mm;
	size_t		g,
				r0 = 0;
	Ref			r;

	if (!holder->valid || !dp_rule_on(DP_RULE_ROLE_GENITIVE) || st->hpos >= st->pc.n ||
		st->an[st->hpos].ment < 0)
		return;
	mm = &st->ms.m[st->an[st->hpos].ment];
	if (mm->piece != st->hpos || mm->kind == DP_KIND_PER || !holder->name || strcmp(mm->name, holder->name) != 0 ||
		mm->piece < 2)
		return;
	g = mm->piece - 1;
	if (key_is(&st->pc.p[g], "la") || key_is(&st->pc.p[g], "l'"))
		g--;
	if (g == 0 || !is_genitive(&st->pc.p[g]))
		return;
	r = role_genitive(st, mm, g, &r0);
	if (r.valid && !(r0 > 0 && preceded_by_preposition(st, r0)))
		*holder = r;
}

/*
 * The dictionary's one person of that actor whose usual title is exactly
 * the title at piece b (rule role-dictionary), for a title whose state no
 * person named in the document holds: "le président palestinien" is
 * Mahmoud Abbas, "le Premier ministre belge" Bart De Wever.  An invalid Ref
 * if none or several.
 */
static Ref
role_dictionary(const St *st, int16_t actor, size_t b)
{
	Ref			found = {0};

	if (!dp_rule_on(DP_RULE_ROLE_DICTIONARY) || actor < 0 || st->leader_of[actor] >= 0)
		return found;
	/* the subject searches of a sentence ask again for the same title */
	if (st->rd_known && st->rd_sentence == st->sentence && st->rd_b == b && st->rd_actor == actor)
		return st->rd_ref;
	found = dictionary_titled(st, actor, b, false);
	((St *) st)->rd_known = true;
	((St *) st)->rd_sentence = st->sentence;
	((St *) st)->rd_b = b;
	((St *) st)->rd_actor = actor;
	((St *) st)->rd_ref = found;
	return found;
}

/* A nominal mention ending at piece k (a demonym): le président russe. */
static bool
nominal_at(const St *st, size_t k, Ref *out, size_t *start)
{
	int16_t		actor = st->an[k].demonym;
	const DpPiece *p = &st->pc.p[k];

	if (actor < 0)
		return false;
	/* les Ukrainiens, les Russes: the people for the state */
	if (p->cap && k > 0 && (key_is(&st->pc.p[k - 1], "les") || key_is(&st->pc.p[k - 1], "des")))
	{
		*out = ref_state(st, actor);
		*start = k - 1;
		return out->valid;
	}
	/*
	 * Up to five words back ("le chef de la diplomatie ukrainienne"); a
	 * leader is the person ("le Premier ministre hongrois" is not the
	 * collective "ministre"), a collective the state.
	 */
	for (int pass = 0; pass < 2; pass++)
		for (size_t b = k; b-- > 0 && b + 6 > k;)
		{
			if (has_mod(st, b, pass == 0 ? DP_MOD_LEADER : DP_MOD_COLLECTIVE))
			{
				*out = pass == 0 ? ref_titled(st, actor, b) : ref_collective(st, actor, b);
				*start = b;
				return out->valid;
			}
			if (!st->pc.p[b].wordlike)
				break;
		}
	return false;
}

/*
 * Is the phrase starting at piece b (its article included) coordinated with
 * a complement (rule coordinated-complement): "le sommet entre Donald Trump
 * et Vladimir Poutine", "la trêve entre Israël et le Hamas", "avec la
 * France, l'Allemagne et l'Italie"?  Right before it "et", and before that
 * a name (after its article) that a preposition opens, or that is itself
 * after a comma in the same list.
 */
static bool
coordinated_complement(const St *st, size_t b)
{
	if (!dp_rule_on(DP_RULE_COORDINATED_COMPLEMENT))
		return false;
	for (int step = 0; step < 6; step++)
	{
		size_t		e,
					s0;
		const DpPiece *link;

		if (b < 2)
			return false;
		link = &st->pc.p[b - 1];
		if (!key_is(link, "et"))
			return false;
		e = b - 2;
		if (st->an[e].ment < 0)
			return false;
		s0 = st->ms.m[st->an[e].ment].piece;
		if (s0 > 0 && key_in(&st->pc.p[s0 - 1], L_DETERMINERS))
			s0--;
		if (s0 > 0 && key_in(&st->pc.p[s0 - 1], L_PREPOSITIONS))
			return true;
		b = s0;
	}
	return false;
}

/*
 * Is the name at piece start, which starts at b with its article, set
 * between commas after a title that a preposition opens (rule
 * apposed-complement): "Lors de la rencontre avec l'ambassadeur américain,
 * Ken Howery, Lars Løkke Rasmussen a confirmé"?  It names the title's
 * holder, a complement as the title is.  Only after a title (a noun with a
 * demonym), so that "Face à Moscou, Kiev a répondu" keeps its subject.
 */
static bool
apposed_complement(const St *st, size_t b, size_t start)
{
	const DpMention *mm;
	size_t		end,
				e,
				s0;
	Ref			r;

	if (!dp_rule_on(DP_RULE_APPOSED_COMPLEMENT) || b < 3 || start >= st->pc.n || st->an[start].ment < 0 ||
		!is_punct(st, &st->pc.p[b - 1], ","))
		return false;
	mm = &st->ms.m[st->an[start].ment];
	end = mm->piece + mm->npieces;
	if (mm->kind != DP_KIND_PER || end >= st->pc.n || !is_punct(st, &st->pc.p[end], ","))
		return false;
	e = b - 2;
	/* past the title's post: "l'ambassadeur américain au Danemark, X," */
	if (st->an[e].ment >= 0)
	{
		size_t		m = st->ms.m[st->an[e].ment].piece;

		if (m > 0 && key_in(&st->pc.p[m - 1], L_DETERMINERS))
			m--;
		if (m < 2 || !(key_is(&st->pc.p[m - 1], "au") || key_is(&st->pc.p[m - 1], "aux") ||
					   key_is(&st->pc.p[m - 1], "en") || is_prep_a(st, &st->pc.p[m - 1]) ||
					   key_is(&st->pc.p[m - 1], "aupres")))
			return false;
		e = m - 2;
	}
	if (st->an[e].ment >= 0 || st->an[e].demonym < 0 || !nominal_at(st, e, &r, &s0))
		return false;
	for (int adj = 0; adj < 2 && s0 > 0 && key_in(&st->pc.p[s0 - 1], L_PRENOMINAL); adj++)
		s0--;
	if (s0 > 0 && key_in(&st->pc.p[s0 - 1], L_DETERMINERS))
		s0--;
	/* not de: "le chef de la diplomatie russe, Sergueï Lavrov, a" is the
	 * title's own complement */
	return s0 > 0 && key_in(&st->pc.p[s0 - 1], L_PREPOSITIONS) && !is_genitive(&st->pc.p[s0 - 1]);
}

/* Is the phrase at start a complement: a preposition before it (le, la skipped)? */
static bool
preceded_by_preposition(const St *st, size_t start)
{
	size_t		b = start;

	/* du dernier Conseil, de la prochaine réunion */
	for (int adj = 0; adj < 2 && b > 0 && key_in(&st->pc.p[b - 1], L_PRENOMINAL); adj++)
		b--;
	if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS) && !key_is(&st->pc.p[b - 1], "des"))
		b--;
	if (b == 0)
		return false;
	if (key_in(&st->pc.p[b - 1], L_PREPOSITIONS))
		return true;
	return coordinated_complement(st, b) || apposed_complement(st, b, start);
}

/*
 * A name after a preposition and a civility title or a leader noun, "dans
 * son discours à M. Kim", "dans sa lettre au président Xi" (rule
 * titled-complement): a complement, not the sentence's subject.  Only for
 * the subject kept for pronouns: after a verb, "a écrit peu avant M.
 * Trump", the preposition may be an adverb.
 */
static bool
titled_complement(const St *st, size_t start)
{
	size_t		b = start;

	if (!dp_rule_on(DP_RULE_TITLED_COMPLEMENT) || b == 0)
		return false;
	if (b > 1 && is_punct(st, &st->pc.p[b - 1], ".") && is_civility(&st->pc.p[b - 2]))
		b -= 2;
	else if (is_civility(&st->pc.p[b - 1]) || (has_mod(st, b - 1, DP_MOD_LEADER) && st->an[b - 1].ment < 0))
		b--;
	else
		return false;
	return b != start && preceded_by_preposition(st, b);
}

/*
 * The subject of the current sentence among its first end pieces: the first
 * candidate that is not a complement, outside quotes and not a pronoun,
 * naming a person, state or organisation.
 */
static bool candidate_after_verb(const St *st, size_t k, Ref *out, size_t *start, size_t *end, bool allow_prep);

static bool
sentence_subject(const St *st, size_t end, Ref *out)
{
	for (size_t i = 0; i < end && i < st->pc.n; i++)
	{
		size_t		start,
					last;

		/* most pieces can be no candidate: no call (nor mention to skip) */
		if (st->an[i].quote >= 0 || !candidate_possible(st, i) || key_in(&st->pc.p[i], L_PRONOUNS3))
			continue;
		if (candidate_after_verb(st, i, out, &start, &last, false) &&
			(out->kind == DP_KIND_PER || out->kind == DP_KIND_GPE || out->kind == DP_KIND_ORG) &&
			!titled_complement(st, start))
			return true;
		if (st->an[i].ment >= 0)
			i = st->ms.m[st->an[i].ment].piece + st->ms.m[st->an[i].ment].npieces - 1;
	}
	return false;
}

static Ref
resolve_pronoun(const St *st, size_t k)
{
	Ref			r;

	if (sentence_subject(st, k < PRONOUN_REACH ? k : PRONOUN_REACH, &r))
		return r;
	return st->last_subject;
}

/*
 * Is the "il" at piece k impersonal, standing for no one: "il faut", "il y
 * a", "il s'agit", "il est nécessaire de", "il semble que"?
 */
static bool
impersonal(const St *st, size_t k)
{
	static const char *const verbs[] = {"faut", "fallait", "faudrait", "faudra", "y", "agit", "suffit",
		"importe", NULL};
	/* impersonal only before que: "il semble que", not "il semble prêt" */
	static const char *const before_que[] = {"semble", "semblait", "reste", "parait", NULL};
	static const char *const etre[] = {"est", "etait", "serait", "sera", "sont", NULL};
	size_t		n = st->pc.n;
	size_t		j = k + 1;

	if (!dp_rule_on(DP_RULE_IMPERSONAL) || !key_is(&st->pc.p[k], "il"))
		return false;
	while (j < n && (key_is(&st->pc.p[j], "ne") || key_is(&st->pc.p[j], "n'") || key_is(&st->pc.p[j], "s'")))
		j++;
	if (j >= n)
		return false;
	for (int i = 0; verbs[i]; i++)
		if (key_is(&st->pc.p[j], verbs[i]))
			return true;
	for (int i = 0; before_que[i]; i++)
		if (key_is(&st->pc.p[j], before_que[i]))
			return j + 1 < n && is_que(&st->pc.p[j + 1]);
	/* il est nécessaire de, il est important que: an adjective then de / que */
	for (int i = 0; etre[i]; i++)
		if (key_is(&st->pc.p[j], etre[i]))
			for (size_t m = j + 2; m < n && m < j + 4; m++)
				if (key_is(&st->pc.p[m], "de") || key_is(&st->pc.p[m], "d'") || is_que(&st->pc.p[m]))
					return st->pc.p[m - 1].wordlike && !st->pc.p[m - 1].cap;
	return false;
}

/*
 * A holder candidate ending at piece k (scanning leftwards).  Sets *start to
 * its first piece.  Complements (after a preposition) are not candidates,
 * except the genitive of a collective noun (les dirigeants du G7).
 */
/*
 * The mention named after de right after the leader noun at k ("les
 * dirigeants du G7", "le président de la Russie"; past la / l'), or NULL;
 * *at: the piece it was found at.
 */
static const DpMention *
leader_genitive(const St *st, size_t k, size_t *at)
{
	size_t		e = k + (st->an[k].mod_len ? st->an[k].mod_len : 1);
	size_t		f;

	if (e + 1 >= st->pc.n || !is_genitive(&st->pc.p[e]))
		return NULL;
	f = e + 1;
	if (f + 1 < st->pc.n && (key_is(&st->pc.p[f], "la") || key_is(&st->pc.p[f], "l'")))
		f++;
	*at = f;
	return st->an[f].ment >= 0 ? &st->ms.m[st->an[f].ment] : NULL;
}

/*
 * "le président de la Russie", "le Premier ministre de l'Inde": a leader
 * noun at k (after le / la / l': one person) with, right after it, de and
 * an acting state's mention.  The person of that state named in the
 * document whose title opens with that noun, else the state (no guess
 * among its other persons).  False when k is no such phrase.
 */
static bool
leader_genitive_state(const St *st, size_t k, Ref *out)
{
	const DpPiece *det = &st->pc.p[k - 1];
	size_t		e = k + (st->an[k].mod_len ? st->an[k].mod_len : 1);
	size_t		at;
	const DpMention *mm;

	if (!(key_is(det, "le") || key_is(det, "la") || key_is(det, "l'")) ||
		(e < st->pc.n && key_is(&st->pc.p[e], "des")) || (mm = leader_genitive(st, k, &at)) == NULL ||
		mm->piece != at || mm->kind != DP_KIND_GPE || mm->actor < 0 || !acting(st, mm))
		return false;
	*out = titled_person(st, mm->actor, st->pc.p[k].w);
	if (!out->valid)
		*out = ref_state(st, mm->actor);
	return out->valid;
}

static bool
candidate_full(const St *st, size_t k, Ref *out, size_t *start, bool allow_prep)
{
	const Anno *a = &st->an[k];
	const DpPiece *p = &st->pc.p[k];

	/* (a piece that fails candidate_possible(), common.h, is none: a new
	 * case here must pass that test) */

	if (a->ment >= 0)
	{
		const DpMention *mm = &st->ms.m[a->ment];

		*start = mm->piece;
		if (mm->kind == DP_KIND_EVENT || mm->kind == DP_KIND_LOC || mm->kind == DP_KIND_PRODUCT ||
			!acting(st, mm))
			return false;
		/* "a déclaré sur son réseau Truth Social :": where it was said */
		if (!allow_prep && dp_rule_on(DP_RULE_CHANNEL_NOT_HOLDER) && said_on(st, mm->piece))
			return false;
		if (!allow_prep && preceded_by_preposition(st, mm->piece))
		{
			size_t		b = mm->piece - 1;

			if (!(b > 0 && is_genitive(&st->pc.p[b]) &&
				  (has_mod(st, b - 1, DP_MOD_COLLECTIVE) || has_mod(st, b - 1, DP_MOD_LEADER) ||
				   (b >= 2 && (has_mod(st, b - 2, DP_MOD_COLLECTIVE) || has_mod(st, b - 2, DP_MOD_LEADER))))))
				return false;
		}
		*out = ref_mention(st, mm);
		return true;
	}
	/* "les deux pays ont salué": the first of the names it stands for
	 * (score_cue gives the others the stance too) */
	{
		int			size,
					kind;
		Ref			g[MAX_GROUP + 1];

		if (group_ending_at(st, k, start, &size, &kind) &&
			group_members(st, *start, size, kind, g, NULL, group_holder_reach()) > 0)
		{
			*out = g[0];
			return allow_prep || !preceded_by_preposition(st, *start);
		}
	}
	/* nominal_at() needs a demonym at k: tested before the call */
	if (a->demonym >= 0 && nominal_at(st, k, out, start))
		return allow_prep || !preceded_by_preposition(st, *start);
	/* "ce dernier", "cette dernière", "celui-ci": the person last named */
	if ((key_is(p, "dernier") || key_is(p, "derniere") || key_is(p, "celui-ci") || key_is(p, "celle-ci")) &&
		st->last_per_mention.valid &&
		(p->w->key[0] == 'c' || (k > 0 && (key_is(&st->pc.p[k - 1], "ce") || key_is(&st->pc.p[k - 1], "cette")))))
	{
		*start = p->w->key[0] == 'c' ? k : k - 1;
		*out = st->last_per_mention;
		return true;
	}
	/* "Celui-ci" comes as two pieces, celui and ci (rule last-named-title) */
	if (dp_rule_on(DP_RULE_LAST_NAMED_TITLE) && key_is(p, "ci") && k > 0 && st->last_per_mention.valid &&
		(key_is(&st->pc.p[k - 1], "celui") || key_is(&st->pc.p[k - 1], "celle")))
	{
		*start = k - 1;
		*out = st->last_per_mention;
		return true;
	}
	/* "le président de la Russie": the leader of the state after de */
	if (dp_rule_on(DP_RULE_LEADER_GENITIVE) && has_mod(st, k, DP_MOD_LEADER) && k > 0 &&
		key_in(&st->pc.p[k - 1], L_DETERMINERS) && leader_genitive_state(st, k, out))
	{
		*start = k - 1;
		return !preceded_by_preposition(st, k - 1) || allow_prep;
	}
	/* "le chef de l'État", "le chancelier": the person last named */
	if (has_mod(st, k, DP_MOD_LEADER) && k > 0 && key_in(&st->pc.p[k - 1], L_DETERMINERS) &&
		st->last_person.valid)
	{
		size_t		e = k + (a->mod_len ? a->mod_len : 1);

		if (e < st->pc.n && st->an[e].demonym >= 0)
			return false;		/* le président russe: handled at the demonym */
		/* "les dirigeants du G7": the leaders of the entity named after */
		{
			size_t		at;
			const DpMention *mm = leader_genitive(st, k, &at);

			if (mm && (mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG))
			{
				*start = k - 1;
				*out = ref_mention(st, mm);
				return !preceded_by_preposition(st, k - 1) || allow_prep;
			}
		}
		/* "les dirigeants européens" are not the person last named */
		if (dp_rule_on(DP_RULE_PLURAL_LEADER) &&
			(key_is(&st->pc.p[k - 1], "les") || key_is(&st->pc.p[k - 1], "ces")))
			return false;
		*start = k - 1;
		*out = st->last_person;
		return !preceded_by_preposition(st, k - 1) || allow_prep;
	}
	if (key_in(p, L_PRONOUNS3) && !preceded_by_preposition(st, k) && !impersonal(st, k))
	{
		int			size,
					kind;
		Ref			g[MAX_GROUP + 1];

		*start = k;
		/* "ils", "elles": the names just given together, when there are */
		if (dp_rule_on(DP_RULE_GROUP_HOLDER) && group_phrase(st, k, &size, &kind) == k + 1 &&
			group_members(st, k, size, kind, g, NULL, 0) > 0)
		{
			*out = g[0];
			return true;
		}
		*out = resolve_pronoun(st, k);
		return out->valid;
	}
	return false;
}

/* Does piece k open a subordinate clause ("que", "qu'"), for subject search? */
static bool
is_complementizer(const St *st, size_t k)
{
	const DpPiece *p = &st->pc.p[k];

	if (!is_que(p))
		return false;
	/* "ce que", "plus que", "ne ... que" are not clause openers */
	if (k > 0 && (key_is(&st->pc.p[k - 1], "ce") || key_is(&st->pc.p[k - 1], "plus") ||
				  key_is(&st->pc.p[k - 1], "moins") || key_is(&st->pc.p[k - 1], "autre")))
		return false;
	return true;
}

/*
 * Is piece k, after a determiner, a common noun that is the subject of the
 * verb at c: lowercase, no name, no cue, no nominal holder (le président,
 * la diplomatie), and only lowercase words (auxiliaries, adverbs,
 * negation) between it and the verb?
 */
static bool
thing_subject(const St *st, size_t k, size_t c)
{
	const DpPiece *p = &st->pc.p[k];

	/* a verb's subject only; an evaluation judges its subject, and its
	 * holder is further left */
	if (st->an[c].cue < 0 || st->d->cues[st->an[c].cue].pos != DP_POS_VERB ||
		st->d->cues[st->an[c].cue].target_mode == DP_TM_SUBJECT)
		return false;
	if (!dp_rule_on(DP_RULE_THING_SUBJECT) || !p->wordlike || p->cap || st->an[k].ment >= 0 ||
		st->an[k].cue >= 0 || st->an[k].topic >= 0 || st->an[k].demonym >= 0 || has_mod(st, k, DP_MOD_LEADER) ||
		has_mod(st, k, DP_MOD_COLLECTIVE) || has_mod(st, k, DP_MOD_PRONOUN) || key_in(p, L_PREPOSITIONS) ||
		key_in(p, L_PRONOUNS3) || key_in(p, L_FIRST_PERSON))
		return false;
	/* between the noun and its verb only clitics, auxiliaries and modals:
	 * "une nouvelle fois vanté" is no subject */
	for (size_t j = k + 1; j < c; j++)
	{
		bool		ok = false;

		for (int i = 0; verb_clitics[i] && !ok; i++)
			ok = key_is(&st->pc.p[j], verb_clitics[i]);
		if (!ok)
			return false;
	}
	return true;
}

/*
 * "Alors que Poutine annonce son soutien à Assad, Barack Obama a réagi en
 * dénonçant ...": an adverbial clause opening the sentence (alors que,
 * tandis que, bien que, parce que, dès que, après que, avant que, pendant
 * que, lorsque, quand, puisque at piece k, the opener's last word) ends at a
 * comma, and the main clause's subject follows it.  Returns the first piece
 * after the last comma before end that a candidate follows (before end), or
 * SIZE_MAX when k opens no such clause.
 */
static size_t
adverbial_main(const St *st, size_t k, size_t end)
{
	static const char *const before_que[] = {
		"alors", "tandis", "bien", "parce", "des", "apres", "avant", "pendant", NULL
	};
	size_t		open = k;
	bool		adverbial = false;

	if (!dp_rule_on(DP_RULE_ADVERBIAL_CLAUSE))
		return SIZE_MAX;
	if (is_que(&st->pc.p[k]))
	{
		if (k == 0)
			return SIZE_MAX;
		for (int i = 0; before_que[i] && !adverbial; i++)
			adverbial = key_is(&st->pc.p[k - 1], before_que[i]);
		open = k - 1;
	}
	else
		adverbial = true;		/* lorsque, quand, puisque */
	/* at the start of the sentence or after a clause's punctuation */
	if (!adverbial || (open > 0 && !is_punct(st, &st->pc.p[open - 1], ",;:") &&
					   st->pc.p[open - 1].cls != DP_TOK_QUOTE))
		return SIZE_MAX;
	for (size_t m = end; m-- > k + 1;)
		if (is_punct(st, &st->pc.p[m], ","))
		{
			for (size_t j = m + 1; j < end; j++)
			{
				Ref			r;
				size_t		start;

				if (st->an[j].quote != st->an[end > 0 ? end - 1 : 0].quote)
					break;
				if (candidate_at(st, j, &r, &start, false) && start > m)
					return m + 1;
			}
		}
	return SIZE_MAX;
}

/*
 * Is the piece at a, right before a relative "qui" (its commas skipped),
 * the end of a common noun phrase: a lowercase word that is no name,
 * article, pronoun or preposition ("les dirigeants européens, qui", "des
 * opposants qui")?  Not "ce qui" (the clause before), nor a name.
 */
static bool
relative_of_noun(const St *st, size_t a)
{
	static const char *const pro[] = {"ce", "c'", "celui", "celle", "ceux", "celles", "tout", "tous",
		"cela", "ceci", "et", "ou", "mais", NULL};
	const DpPiece *p = &st->pc.p[a];

	if (!dp_rule_on(DP_RULE_RELATIVE_ANTECEDENT) || !p->wordlike || p->cap || st->an[a].ment >= 0 ||
		key_in(p, L_DETERMINERS) || key_in(p, L_POSSESSIVES) || key_in(p, L_PRONOUNS3) ||
		key_in(p, L_PREPOSITIONS) || key_in(p, L_FIRST_PERSON) || is_que(p))
		return false;
	for (int i = 0; pro[i]; i++)
		if (key_is(p, pro[i]))
			return false;
	/* the last of a list with names ("les dirigeants du Royaume-Uni, de
	 * France et des pays nordiques, qui"): the list holds it */
	for (size_t k = a; k-- > 0 && a - k <= 4;)
		if (key_is(&st->pc.p[k], "et") || is_punct(st, &st->pc.p[k], ",") || st->an[k].ment >= 0)
			return false;
	return true;
}

/*
 * The subject of the cue at piece c.  Scan leftwards to the start of the
 * clause (sentence start, ; : a complementizer "que", the edge of a quote);
 * a relative "qui" met on the way resolves to its antecedent.  Then the
 * first candidate of the clause that is not a complement is the subject: in
 * French the subject leads its clause, objects follow the verb.  A clause
 * with no candidate after "que" takes the main clause's subject
 * ("X a déclaré que ... était irréaliste").
 */
static bool
subject_left_q(const St *st, size_t c, int32_t q, Ref *out, bool *first_person_seen)
{
	size_t		lo = c > MAX_LEFT ? c - MAX_LEFT : 0;
	size_t		end = c;
	size_t		reach;

	*first_person_seen = false;
	/* a subject right before its verb ("le président Zelensky veut") wins;
	 * before a noun cue after a possessive, before the verb that carries it
	 * ("Donald Trump a officiellement apporté son soutien") */
	reach = (st->an[c].cue >= 0 && st->d->cues[st->an[c].cue].pos == DP_POS_NOUN && c > 0 &&
			 key_in(&st->pc.p[c - 1], L_POSSESSIVES) && !key_in(&st->pc.p[c - 1], L_PREPOSITIONS) &&
			 dp_rule_on(DP_RULE_ELLIPTIC_OBJECT)) ? 8 : 5;
	for (size_t k = c; k-- > lo && k + reach > c;)
	{
		const DpPiece *p = &st->pc.p[k];
		size_t		start;

		if (st->an[k].quote != q)
			break;
		/* "Kim Yo-jong a, cette fois, lancé": past a short incise of
		 * common words between commas */
		if (is_punct(st, p, ",") && dp_rule_on(DP_RULE_INCISE))
		{
			size_t		open = SIZE_MAX;

			for (size_t j = k; j-- > lo && j + 6 > k;)
			{
				const DpPiece *pj = &st->pc.p[j];

				if (is_punct(st, pj, ","))
				{
					if (j + 1 < k)
						open = j;
					break;
				}
				if (!pj->wordlike || pj->cap || st->an[j].ment >= 0 || st->an[j].cue >= 0 ||
					st->an[j].topic >= 0 || is_que(pj) || key_is(pj, "qui"))
					break;
			}
			if (open != SIZE_MAX && open > lo)
			{
				reach += k - open + 1;
				k = open;
				continue;
			}
		}
		if (candidate_at(st, k, out, &start, false))
		{
			if (key_in(&st->pc.p[k], L_PRONOUNS3) || st->an[k].ment >= 0 || st->an[k].demonym >= 0)
			{
				((St *) st)->hpos = start;
				((St *) st)->hend = k;
				return true;
			}
			break;
		}
		/*
		 * A thing right before its verb is the clause's subject, and
		 * holds no stance: "le projet aurait exigé", "la résolution
		 * appelle à" (not a name further left)
		 */
		if (key_in(p, L_DETERMINERS) && k + 1 < c && thing_subject(st, k + 1, c))
			return false;
		if (!p->wordlike || p->cap || (key_in(p, L_PREPOSITIONS) && !is_aux_a(st, p)) ||
			key_in(p, L_FIRST_PERSON) ||
			key_is(p, "qui") || is_que(p))
			break;
	}
	while (end > lo)
	{
		size_t		k = end;
		size_t		start_clause = lo;
		bool		by_que = false;

		/* find the clause start, handling "qui" and first person on the way */
		while (k-- > lo)
		{
			const DpPiece *p = &st->pc.p[k];
			size_t		start;

			/*
			 * Most pieces are words that stop nothing here: no mark, and
			 * none of mais, je, j', nous, moi, qui, lequel, laquelle, que,
			 * qu', lorsque, lorsqu', quand, puisque, puisqu' (their keys
			 * start with m, j, n, q, l or p).  One test for those.
			 */
			if (p->wordlike && st->an[k].quote == q &&
				!key_starts_in(p, LETTER('m') | LETTER('j') | LETTER('n') | LETTER('q') | LETTER('l') | LETTER('p')))
				continue;
			if (st->an[k].quote != q || is_clause_end(st, p) || is_punct(st, p, ":"))
			{
				start_clause = k + 1;
				break;
			}
			/* ", mais son porte-parole, X, a jugé": a clause of its own,
			 * whose subject, when it has none, is the one before */
			if (key_is(p, "mais") && k > 0 && is_punct(st, &st->pc.p[k - 1], ","))
			{
				start_clause = k + 1;
				by_que = true;
				break;
			}
			if (key_in(p, L_FIRST_PERSON) && end == c)
			{
				*first_person_seen = true;
				return false;
			}
			if (key_is(p, "qui") || key_is(p, "lequel") || key_is(p, "laquelle"))
			{
				size_t		b = k;

				while (b > 0 && is_punct(st, &st->pc.p[b - 1], ","))
					b--;
				if (b > 0 && candidate_at(st, b - 1, out, &start, true))
				{
					((St *) st)->hpos = start;
					((St *) st)->hend = b - 1;
					((St *) st)->relative = true;
					return true;
				}
				/*
				 * "Moscou a critiqué les dirigeants européens, qui
				 * soutiennent les sanctions", "a reçu des opposants qui
				 * réclament": an antecedent that is a common noun and no
				 * actor holds the relative's cue, not the main clause's
				 * subject further left
				 */
				if (b > 0 && relative_of_noun(st, b - 1))
					return false;
			}
			if (is_complementizer(st, k) || (key_is(p, "lorsque") || key_is(p, "lorsqu'") || key_is(p, "quand") ||
											 key_is(p, "puisque") || key_is(p, "puisqu'")))
			{
				size_t		main = adverbial_main(st, k, end);

				if (main != SIZE_MAX)
				{
					start_clause = main;
					break;
				}
				if (!is_complementizer(st, k))
					continue;
				start_clause = k + 1;
				by_que = true;
				break;
			}
		}
		/* the first candidate of the clause that is not a complement */
		for (size_t j = start_clause; j < end; j++)
		{
			size_t		start;

			if (candidate_at(st, j, out, &start, false) && start >= start_clause)
			{
				/* take the whole phrase ending furthest right from its start */
				size_t		e = j;
				Ref			r2;
				size_t		s2;

				while (e + 1 < end && candidate_at(st, e + 1, &r2, &s2, false) && s2 == start)
				{
					*out = r2;
					e++;
				}
				/* a title before a name: le négociateur ukrainien Andriy
				 * Hnatov; or with the name in apposition: le ministre
				 * ukrainien des Affaires étrangères, Andriy Sybiha, */
				if (st->an[j].ment < 0)
					for (size_t f = e + 1; f < end && f < e + 8; f++)
					{
						/* ... or in parentheses: le Président de la République
						 * (Emmanuel Macron) */
						bool		paren = dp_rule_on(DP_RULE_PAREN_NAME);
						bool		after_comma = f > e + 1 && (is_punct(st, &st->pc.p[f - 1], ",") ||
																(paren && is_punct(st, &st->pc.p[f - 1], "(")));

						if ((f == e + 1 || after_comma) && st->an[f].ment >= 0 &&
							st->ms.m[st->an[f].ment].kind == DP_KIND_PER)
						{
							const DpMention *mm = &st->ms.m[st->an[f].ment];

							*out = ref_mention(st, mm);
							e = mm->piece + mm->npieces - 1;
							break;
						}
						/* words of the title, up to the first comma */
						if (after_comma || !(st->pc.p[f].wordlike || is_punct(st, &st->pc.p[f], ",") ||
											 (paren && is_punct(st, &st->pc.p[f], "("))))
							break;
					}
				((St *) st)->hpos = start;
				((St *) st)->hend = e;
				return true;
			}
			if (st->an[j].ment >= 0)
				j = st->ms.m[st->an[j].ment].piece + st->ms.m[st->an[j].ment].npieces - 1;
		}
		if (!by_que || start_clause == 0)
			break;
		end = start_clause - 1;	/* the main clause, before "que" */
	}
	return false;
}

static bool
subject_left(const St *st, size_t c, Ref *out, bool *first_person_seen)
{
	return subject_left_q(st, c, st->an[c].quote, out, first_person_seen);
}

/* Passive agent after the cue: "jugée inacceptable par l'Ukraine". */
static bool
agent_after(const St *st, size_t c_end, size_t reach, Ref *out)
{
	for (size_t k = c_end; k < st->pc.n && k < c_end + reach; k++)
	{
		const DpPiece *p = &st->pc.p[k];
		size_t		start;

		if (key_is(p, "par"))
		{
			for (size_t j = k + 1; j < st->pc.n && j < k + (dp_rule_on(DP_RULE_DISTANT_AGENT) ? 8 : 6); j++)
			{
				if (is_clause_end(st, &st->pc.p[j]))
					break;
				/* "par sa porte-parole, Karoline Leavitt": the person
				 * the unnamed agent is (rule distant-agent) */
				if (is_punct(st, &st->pc.p[j], ","))
				{
					if (dp_rule_on(DP_RULE_DISTANT_AGENT) && j > k + 2 && j + 1 < st->pc.n &&
						st->an[j + 1].ment >= 0 && st->ms.m[st->an[j + 1].ment].piece == j + 1 &&
						st->ms.m[st->an[j + 1].ment].kind == DP_KIND_PER)
					{
						const DpMention *mm = &st->ms.m[st->an[j + 1].ment];

						*out = ref_mention(st, mm);
						((St *) st)->hpos = j + 1;
						((St *) st)->hend = mm->piece + mm->npieces - 1;
						return out->valid;
					}
					break;
				}
				if (candidate_at(st, j, out, &start, true))
				{
					/* take the whole nominal or mention ending furthest right */
					size_t		e = j;
					Ref			r2;
					size_t		s2;

					while (e + 1 < st->pc.n && e < j + 4 && candidate_at(st, e + 1, &r2, &s2, true) && s2 <= j)
					{
						*out = r2;
						e++;
					}
					((St *) st)->hpos = start < j ? start : j;
					((St *) st)->hend = e;
					return true;
				}
			}
			return false;
		}
		if (!st->pc.p[k].wordlike)
			return false;
	}
	return false;
}

/*
 * The first piece of the holder's coordination (rule coordinated-relative):
 * "les États-Unis et la France" for the holder "la France", so that what
 * comes before the whole subject (a relative pronoun: "la trêve pour
 * laquelle les États-Unis et la France œuvraient") is seen.  st->hpos when
 * the holder is not coordinated after "et".
 */
static size_t
subject_chain_start(const St *st)
{
	size_t		h = st->hpos;

	if (!dp_rule_on(DP_RULE_COORDINATED_RELATIVE) || h == SIZE_MAX || h >= st->pc.n)
		return h;
	for (int i = 0; i < 6; i++)
	{
		size_t		b = h,
					start;
		Ref			r;

		if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
			b--;
		if (!(b >= 2 && (key_is(&st->pc.p[b - 1], "et") || (i > 0 && is_punct(st, &st->pc.p[b - 1], ","))) &&
			  st->an[b - 2].ment >= 0 && candidate_at(st, b - 2, &r, &start, false) && start < b - 1))
			break;
		h = start;
	}
	return h;
}

/*
 * A nominal holder after its verb, then the person it names (rule
 * apposed-person): "», a déclaré le ministre turc Hakan Fidan", "a dénoncé
 * le chef de la diplomatie iranienne, Abbas Araghchi".  The candidate
 * ending at piece k is no mention; a person mention right after it (past
 * one comma) of the same state, or of none, is the speaker.  *end is the
 * last piece of what is taken.
 */
static bool
candidate_after_verb(const St *st, size_t k, Ref *out, size_t *start, size_t *end, bool allow_prep)
{
	size_t		m = k + 1;

	if (!candidate_at(st, k, out, start, allow_prep))
		return false;
	*end = k;
	if (st->an[k].ment >= 0)
	{
		*end = st->ms.m[st->an[k].ment].piece + st->ms.m[st->an[k].ment].npieces - 1;
		return true;
	}
	if (!dp_rule_on(DP_RULE_APPOSED_PERSON))
		return true;
	/* its complement first: "le ministre turc des Affaires étrangères, X" */
	if (m + 1 < st->pc.n && is_genitive(&st->pc.p[m]))
	{
		size_t		j = m + 1;

		while (j < st->pc.n && j < m + 4 && st->pc.p[j].wordlike && st->an[j].ment < 0 && st->an[j].cue < 0)
			j++;
		if (j < st->pc.n && is_punct(st, &st->pc.p[j], ","))
			m = j;
	}
	if (m < st->pc.n && is_punct(st, &st->pc.p[m], ","))
		m++;
	if (m < st->pc.n && st->an[m].ment >= 0)
	{
		const DpMention *mm = &st->ms.m[st->an[m].ment];
		Ref			r;

		if (mm->piece != m || mm->kind != DP_KIND_PER)
			return true;
		r = ref_mention(st, mm);
		if (!r.valid || (out->actor >= 0 && r.actor >= 0 && r.actor != out->actor))
			return true;
		*out = r;
		*end = mm->piece + mm->npieces - 1;
	}
	return true;
}

/*
 * A passive agent past a time or place (rule distant-agent): "la trêve a
 * été saluée mardi soir à Genève par Kiev", "évoquée à plusieurs reprises
 * par Kiev".  Within eight pieces of the cue, before any clause end, comma,
 * que, cue, topic term or name other than a place after its preposition.
 */
static bool
distant_agent(const St *st, size_t c_end, Ref *out)
{
	if (!dp_rule_on(DP_RULE_DISTANT_AGENT))
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 8; k++)
	{
		const DpPiece *p = &st->pc.p[k];

		if (key_is(p, "par"))
		{
			/* "les droits de douane payés par l'Inde": the agent of
			 * another participle (not a noun after its article: "dans un
			 * communiqué par") */
			const DpPiece *b = &st->pc.p[k - 1];
			const char *t = st->text + b->off;

			if (b->wordlike && k >= 2 && !key_in(&st->pc.p[k - 2], L_DETERMINERS) && ((b->len >= 2 && memcmp(t + b->len - 2, "\xc3\xa9", 2) == 0) ||
								(b->len >= 3 && (memcmp(t + b->len - 3, "\xc3\xa9" "s", 3) == 0 ||
												 memcmp(t + b->len - 3, "\xc3\xa9" "e", 3) == 0)) ||
								(b->len >= 4 && memcmp(t + b->len - 4, "\xc3\xa9" "es", 4) == 0)))
				return false;
			return k >= c_end + 3 && agent_after(st, k, 1, out);
		}
		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p) || st->an[k].cue >= 0 ||
			st->an[k].topic >= 0 || p->cls == DP_TOK_QUOTE)
			return false;
		/* an object ("augmenter les droits ..."), not a phrase after its
		 * preposition ("dans un communiqué") */
		if (key_in(p, L_DETERMINERS) && !(k > 0 && key_in(&st->pc.p[k - 1], L_PREPOSITIONS)))
			return false;
		if (st->an[k].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[k].ment];
			size_t		b = mm->piece;

			if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
				b--;
			if (!(b > 0 && (is_prep_a(st, &st->pc.p[b - 1]) || key_is(&st->pc.p[b - 1], "en") ||
							key_is(&st->pc.p[b - 1], "au") || key_is(&st->pc.p[b - 1], "aux") ||
							key_is(&st->pc.p[b - 1], "dans"))))
				return false;
			k = mm->piece + mm->npieces - 1;
		}
	}
	return false;
}

/*
 * A passive participle coordinated with an earlier one (rule
 * coordinated-participle): "une décision critiquée par Israël et
 * fermement rejetée par les États-Unis".  Both have the same subject, which
 * is left of the first: returns the first participle's piece, else c.
 * Right before c only adverbs and quotes back to "et"; before "et", within
 * the clause and no comma, the first participle's "par", and right before
 * "par" a participle (a verb cue, or a word ending in é, ée, és, ées).
 */
static size_t
coordinated_participle(const St *st, size_t c)
{
	size_t		k = c;

	if (!dp_rule_on(DP_RULE_COORDINATED_PARTICIPLE))
		return c;
	while (k > 0 && k + 4 > c)
	{
		const DpPiece *p = &st->pc.p[k - 1];

		if (key_is(p, "et"))
			break;
		if (!(p->cls == DP_TOK_QUOTE || (p->wordlike && !p->cap && st->an[k - 1].ment < 0 &&
										 st->an[k - 1].cue < 0 && st->an[k - 1].topic < 0)))
			return c;
		k--;
	}
	if (k == 0 || !key_is(&st->pc.p[k - 1], "et"))
		return c;
	for (size_t j = k - 1; j-- > 1 && j + 12 > k;)
	{
		const DpPiece *p = &st->pc.p[j];

		if (is_clause_end(st, p) || is_punct(st, p, ",") || is_que(p))
			return c;
		if (key_is(p, "par"))
		{
			const DpPiece *b = &st->pc.p[j - 1];
			const char *t = st->text + b->off;

			if ((st->an[j - 1].cue >= 0 && st->d->cues[st->an[j - 1].cue].pos == DP_POS_VERB) ||
				(b->wordlike && ((b->len >= 2 && memcmp(t + b->len - 2, "\xc3\xa9", 2) == 0) ||
								 (b->len >= 3 && (memcmp(t + b->len - 3, "\xc3\xa9" "s", 3) == 0 ||
												  memcmp(t + b->len - 3, "\xc3\xa9" "e", 3) == 0)) ||
								 (b->len >= 4 && memcmp(t + b->len - 4, "\xc3\xa9" "es", 4) == 0))))
				return j - 1;
			return c;
		}
	}
	return c;
}

/*
 * The subject after a cue that follows a closing quote:
 * « ... », s'est félicitée Kaja Kallas.
 */
static bool
inverted_subject(const St *st, size_t c, size_t c_end, Ref *out)
{
	size_t		close = SIZE_MAX;
	size_t		start,
				end;

	if (!dp_rule_on(DP_RULE_INVERTED_SUBJECT))
		return false;
	for (size_t k = c; k-- > 0 && k + 4 > c;)
		if (st->pc.p[k].cls == DP_TOK_QUOTE && (st->pc.p[k].tflags & DP_TF_CLOSE))
		{
			close = k;
			break;
		}
	if (close == SIZE_MAX)
		return false;
	/* past a title: a fustigé le Premier ministre israélien Benjamin X */
	for (size_t k = c_end; k < st->pc.n && k < c_end + 6; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]) || st->pc.p[k].cls == DP_TOK_QUOTE ||
			(k >= c_end + 3 && !dp_rule_on(DP_RULE_QUOTED_CLAUSE_TARGET)))
			break;
		if (candidate_after_verb(st, k, out, &start, &end, true))
		{
			((St *) st)->hpos = start;
			((St *) st)->hend = end;
			((St *) st)->quoted_clause = close;
			return true;
		}
	}
	return false;
}

/*
 * An attribution after the clause, without quotes: "..., a déclaré Moscou."
 * A comma, then within a few words a reporting verb, then the speaker.
 */
static bool
post_attribution(const St *st, size_t c_end, Ref *out)
{
	if (!dp_rule_on(DP_RULE_POST_ATTRIBUTION))
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + MAX_SCOPE; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (!is_punct(st, &st->pc.p[k], ","))
			continue;
		for (size_t j = k + 1; j < st->pc.n && j < k + 4; j++)
			if (has_mod(st, j, DP_MOD_REPORTING))
			{
				for (size_t h = j + 1; h < st->pc.n && h < j + 4; h++)
				{
					size_t		start,
								end;

					if (is_clause_end(st, &st->pc.p[h]))
						return false;
					if (candidate_after_verb(st, h, out, &start, &end, false))
					{
						((St *) st)->hpos = start;
						((St *) st)->hend = end;
						return true;
					}
				}
				return false;
			}
	}
	return false;
}

/*
 * Is the noun cue at c the object of a receiving verb (diplo.modifier type
 * receive, rule received-noun): "a reçu le soutien de X", "suscite de
 * vives critiques", "se heurte au refus de X", "fait face à l'hostilité de
 * X"?  Its holder is then the name after de, and its target the verb's
 * subject.  Between verb and noun: articles, possessives, à, de, and at
 * most one other word (an adverb or adjective: toutefois, plein).  A cue
 * listed as a verb counts when an article comes before it (les critiques).
 * Not a proposal, demand or promise (frames with FF_CLAUSE): "a reçu une
 * proposition russe" is no stance toward the subject.  Returns the verb's
 * piece, else SIZE_MAX.
 */
static size_t
received_verb(const St *st, size_t c)
{
	const DpCue *cue;
	int			other = 0;
	bool		article = false;

	if (!dp_rule_on(DP_RULE_RECEIVED_NOUN) || c == 0 || c >= st->pc.n || st->an[c].cue < 0)
		return SIZE_MAX;
	cue = &st->d->cues[st->an[c].cue];
	/* a stance toward someone or something, not a proposal or a demand
	 * made to the subject ("a reçu une proposition russe") */
	if (cue->target_mode == DP_TM_SELF || frame_has(cue->frame, FF_CLAUSE) || cue->frame == DP_FR_EVALUATE)
		return SIZE_MAX;
	for (size_t k = c; k-- > 0 && k + 6 > c;)
	{
		const DpPiece *p = &st->pc.p[k];

		/* not a topic term or a name spelt like a receiving verb */
		if (has_mod(st, k, DP_MOD_RECEIVE) && st->an[k].topic < 0 && st->an[k].ment < 0)
			return k + 1 < c && (cue->pos == DP_POS_NOUN || cue->pos == DP_POS_EXPR || article) ? k : SIZE_MAX;
		if (!p->wordlike || st->an[k].ment >= 0 || st->an[k].cue >= 0 || st->an[k].topic >= 0 ||
			is_que(p) || is_clause_end(st, p))
			return SIZE_MAX;
		if (key_in(p, L_DETERMINERS) || key_in(p, L_POSSESSIVES) || is_genitive(p))
			article = true;		/* a noun follows: les critiques, de vives critiques */
		else if (is_prep_a(st, p))
			;					/* not "disposé à livrer" */
		else if (key_in(p, L_PRENOMINAL))
			;					/* "un nouveau soutien" */
		else if (++other > 1)
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/*
 * Is the receiving verb at piece v an infinitive of what is not yet
 * received ("cherche à obtenir le soutien de X", "espère recevoir")?  Not
 * after "vient de" (has just received).  The noun then states no one's
 * stance (rule received-noun).
 */
static bool
unreceived(const St *st, size_t v)
{
	const DpWord *w;

	if (v >= st->pc.n)
		return false;
	w = st->pc.p[v].w;
	if (!(key_is(&st->pc.p[v], "faire") ||
		  (w->keylen > 3 &&
		   (memcmp(w->key + w->keylen - 2, "er", 2) == 0 || memcmp(w->key + w->keylen - 2, "ir", 2) == 0))))
		return false;
	/* "se heurter", "s'attirer": the clitic before the infinitive */
	if (v > 0 && (key_is(&st->pc.p[v - 1], "se") || key_is(&st->pc.p[v - 1], "s'")))
		v--;
	return !(v >= 2 && (key_is(&st->pc.p[v - 1], "de") || key_is(&st->pc.p[v - 1], "d'")) &&
			 (key_is(&st->pc.p[v - 2], "vient") || key_is(&st->pc.p[v - 2], "viennent") ||
			  key_is(&st->pc.p[v - 2], "venait") || key_is(&st->pc.p[v - 2], "venaient")));
}

/*
 * Does the verb cue at c receive the noun cue after it ("Kiev a obtenu le
 * soutien de X")?  The noun states X's stance; the verb none of its own
 * (rule received-noun).
 */
static bool
receives_noun(const St *st, size_t c)
{
	size_t		c_end = c + st->an[c].cue_len;

	if (c_end > st->pc.n || !(has_mod(st, c, DP_MOD_RECEIVE) || has_mod(st, c_end - 1, DP_MOD_RECEIVE)))
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 6; k++)
		if (st->an[k].cue >= 0)
		{
			size_t		rv = received_verb(st, k);

			return rv != SIZE_MAX && rv >= c && rv < c_end;
		}
	return false;
}

/*
 * The holder of a received noun cue ending at c_end when it is not a name
 * right after de (rule received-noun): a name after titles and collective
 * nouns ("la colère du Premier ministre belge Bart De Wever", "des
 * inquiétudes, notamment du gouvernement de Tel-Aviv", "des menaces de la
 * part de Moscou"), else a nominal with a demonym ("des autorités russes").
 */
static bool
received_holder(St *st, size_t c_end, Ref *out)
{
	size_t		n = st->pc.n,
				k = c_end;
	Ref			fallback = {0};
	size_t		fb_start = SIZE_MAX,
				fb_end = SIZE_MAX;

	if (k + 1 < n && is_punct(st, &st->pc.p[k], ",") &&
		(key_is(&st->pc.p[k + 1], "notamment") || key_is(&st->pc.p[k + 1], "surtout") ||
		 key_is(&st->pc.p[k + 1], "particulierement")))
		k += 2;
	/* an adjective after the noun: "le soutien indéfectible de X" */
	if (k + 1 < n && st->pc.p[k].wordlike && !st->pc.p[k].cap && !is_genitive(&st->pc.p[k]) &&
		st->an[k].cue < 0 && st->an[k].topic < 0 && st->an[k].ment < 0 && st->an[k].demonym < 0 &&
		!key_in(&st->pc.p[k], L_PREPOSITIONS) && is_genitive(&st->pc.p[k + 1]))
		k++;
	if (k + 3 < n && key_is(&st->pc.p[k], "de") && key_is(&st->pc.p[k + 1], "la") &&
		key_is(&st->pc.p[k + 2], "part"))
		k += 3;
	if (k >= n || !is_genitive(&st->pc.p[k]))
		return false;
	for (size_t j = k + 1; j < n && j < k + 10; j++)
	{
		const DpPiece *p = &st->pc.p[j];

		if (st->an[j].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[j].ment];

			if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) &&
				acting(st, mm))
			{
				*out = ref_mention(st, mm);
				st->hpos = mm->piece;
				st->hend = mm->piece + mm->npieces - 1;
				return true;
			}
			break;
		}
		if (st->an[j].demonym >= 0)
		{
			Ref			r;
			size_t		start;

			if (nominal_at(st, j, &r, &start) && r.valid)
			{
				fallback = r;
				fb_start = start;
				fb_end = j;
			}
			continue;
		}
		if (!p->wordlike || st->an[j].cue >= 0 || st->an[j].topic >= 0 || is_que(p))
			break;
		if (has_mod(st, j, DP_MOD_LEADER) || has_mod(st, j, DP_MOD_COLLECTIVE))
		{
			if (st->an[j].mod_len > 1)
				j += st->an[j].mod_len - 1;
			continue;
		}
		if (!(key_in(p, L_DETERMINERS) || is_genitive(p)))
			break;
	}
	if (!fallback.valid)
		return false;
	*out = fallback;
	st->hpos = fb_start;
	st->hend = fb_end;
	return true;
}

/* Holder of a noun cue after it: les revendications russes, l'appel de X. */
static bool
noun_holder(const St *st, size_t c_end, Ref *out)
{
	if (!dp_rule_on(DP_RULE_NOUN_HOLDER))
		return false;
	if (c_end < st->pc.n && st->an[c_end].demonym >= 0)
	{
		*out = ref_state(st, st->an[c_end].demonym);
		((St *) st)->hpos = ((St *) st)->hend = c_end;
		return out->valid;
	}
	if (c_end + 1 < st->pc.n && is_genitive(&st->pc.p[c_end]))
	{
		size_t		k = c_end + 1;

		if (k < st->pc.n && (key_is(&st->pc.p[k], "la") || key_is(&st->pc.p[k], "l'")))
			k++;
		if (k < st->pc.n && st->an[k].ment >= 0)
		{
			const DpMention *mm = &st->ms.m[st->an[k].ment];

			if ((mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) &&
				acting(st, mm))
			{
				*out = ref_mention(st, mm);
				((St *) st)->hpos = mm->piece;
				((St *) st)->hend = mm->piece + mm->npieces - 1;
				return true;
			}
		}
	}
	return false;
}

/*
 * Group references (rules group-holder, group-target): a plural subject
 * pronoun ("Ensemble, ils réitéreront leur soutien") or a counted group ("les
 * deux pays", "des trois dirigeants") stands for the persons or the states
 * named together just before.  What a counted group is made of says which:
 * 1 persons, 2 states (or organisations), 0 either.
 */
static int
group_noun_kind(const DpPiece *p)
{
	static const char *const persons[] = {
		"dirigeants", "dirigeantes", "presidents", "presidentes", "chefs", "leaders", "hommes", "femmes",
		"ministres", "premiers", "homologues", NULL
	};
	static const char *const states[] = {
		"pays", "etats", "nations", "capitales", "gouvernements", "puissances", "voisins", NULL
	};
	static const char *const either[] = {
		"parties", "camps", "belligerants", "delegations", "signataires", "allies", NULL
	};
	/* "les trois Européens" (rule group-noun) */
	static const char *const regional[] = {"europeens", "occidentaux", NULL};

	for (int i = 0; persons[i]; i++)
		if (key_is(p, persons[i]))
			return 1;
	for (int i = 0; states[i]; i++)
		if (key_is(p, states[i]))
			return 2;
	for (int i = 0; either[i]; i++)
		if (key_is(p, either[i]))
			return 0;
	for (int i = 0; regional[i] && dp_rule_on(DP_RULE_GROUP_NOUN); i++)
		if (key_is(p, regional[i]))
			return 0;
	return -1;
}

/*
 * A demonym or a regional adjective after trio, duo (le trio européen, le
 * duo franco-allemand, le trio occidental).
 */
static bool
group_adjective(const St *st, size_t k)
{
	static const char *const ends[] = {"en", "ain", "al", "and", "ais", NULL};
	const DpWord *w = st->pc.p[k].w;

	if (st->an[k].demonym >= 0)
		return true;
	if (!st->pc.p[k].wordlike || st->pc.p[k].cap || st->an[k].cue >= 0)
		return false;
	for (int i = 0; ends[i]; i++)
	{
		size_t		n = strlen(ends[i]);

		if (w->keylen > n + 2 && memcmp(w->key + w->keylen - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

/*
 * Is piece k the start of a group reference?  Returns the piece after it (0
 * if none); *size is the count it gives (0: a pronoun, two or more), *kind
 * what it is made of.  "ils", "elles" (and "ont-ils"); "les deux pays", "ces
 * trois dirigeants", "aux deux parties".
 */
static size_t
group_phrase(const St *st, size_t k, int *size, int *kind)
{
	static const char *const counts[] = {"deux", "trois", "quatre", "cinq", "six", NULL};
	const DpPiece *p;

	if (k >= st->pc.n)
		return 0;
	p = &st->pc.p[k];
	if (key_is(p, "ils") || key_is(p, "elles") || key_is(p, "-ils") || key_is(p, "-elles"))
	{
		*size = 0;
		*kind = 0;
		/* "ils ont tous deux", "elles se sont toutes les deux": a pair, of
		 * persons or of states (rule pair-pronoun) */
		for (size_t j = k + 1; j + 1 < st->pc.n && j <= k + 4 && dp_rule_on(DP_RULE_PAIR_PRONOUN); j++)
			if ((key_is(&st->pc.p[j], "tous") || key_is(&st->pc.p[j], "toutes")) &&
				(key_is(&st->pc.p[j + 1], "deux") ||
				 (j + 2 < st->pc.n && key_is(&st->pc.p[j + 1], "les") && key_is(&st->pc.p[j + 2], "deux"))))
			{
				*size = 2;
				break;
			}
		return k + 1;
	}
	if (dp_rule_on(DP_RULE_GROUP_NOUN) && k + 1 < st->pc.n)
	{
		/* "ces pays", "ces dirigeants": a group with no count */
		if (key_is(p, "ces") && st->an[k + 1].ment < 0 && (*kind = group_noun_kind(&st->pc.p[k + 1])) >= 0)
		{
			*size = -1;
			return k + 2;
		}
		/* "le trio européen", "du duo": a group of three, of two */
		if ((key_is(p, "le") || key_is(p, "du") || key_is(p, "au")) &&
			(key_is(&st->pc.p[k + 1], "trio") || key_is(&st->pc.p[k + 1], "duo")))
		{
			*size = key_is(&st->pc.p[k + 1], "trio") ? 3 : 2;
			*kind = 0;
			return k + 2 < st->pc.n && group_adjective(st, k + 2) ? k + 3 : k + 2;
		}
	}
	if (!group_det(p) || k + 2 >= st->pc.n)
		return 0;
	for (int i = 0; counts[i]; i++)
		if (key_is(&st->pc.p[k + 1], counts[i]))
		{
			int			kd = group_noun_kind(&st->pc.p[k + 2]);

			if (kd < 0 || st->an[k + 2].ment >= 0)
				return 0;
			*size = i + 2;
			*kind = kd;
			return k + 3;
		}
	return 0;
}

/* Is piece k the noun ending a counted group ("les deux pays")?  *start: its article. */
static bool
group_ending_at(const St *st, size_t k, size_t *start, int *size, int *kind)
{
	if (k < 1 || !dp_rule_on(DP_RULE_GROUP_HOLDER))
		return false;
	/* group_phrase()'s counted groups end two pieces on: a determiner first
	 * (tested here, where most pieces fail, before the call) */
	if (k >= 2 && group_det(&st->pc.p[k - 2]) && group_phrase(st, k - 2, size, kind) == k + 1)
	{
		*start = k - 2;
		return true;
	}
	/* "ces pays", one piece on; "le trio européen", two (rule group-noun) */
	if (!dp_rule_on(DP_RULE_GROUP_NOUN))
		return false;
	if (key_is(&st->pc.p[k - 1], "ces") && group_phrase(st, k - 1, size, kind) == k + 1)
	{
		*start = k - 1;
		return true;
	}
	for (size_t b = k >= 2 ? k - 2 : 0; b < k; b++)
		if ((key_is(&st->pc.p[b], "le") || key_is(&st->pc.p[b], "du") || key_is(&st->pc.p[b], "au")) &&
			group_phrase(st, b, size, kind) == k + 1)
		{
			*start = b;
			return true;
		}
	return false;
}

/*
 * A name right after de, du, d' (its article skipped) that follows a common
 * noun: a party to that noun (la décision du Royaume-Uni, du Canada et de
 * l'Australie), not where something happens.  For the sets a counted group
 * recalls (rule group-recall).
 */
static bool
genitive_party(const St *st, size_t start)
{
	size_t		b = start;

	if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS) && !key_is(&st->pc.p[b - 1], "des"))
		b--;
	return b > 0 && is_genitive(&st->pc.p[b - 1]);
}

/*
 * Is a name the holder a counted group object leaves out (rule
 * group-not-holder)?  The holder itself, and for a state the holder's state
 * (Moscou holding: Russie is no member either).
 */
static bool
group_excluded(const Ref *exclude, const char *name, int actor, int kind)
{
	if (!exclude || !exclude->valid || !exclude->name || !name)
		return false;
	if (strcmp(exclude->name, name) == 0)
		return true;
	return kind == DP_KIND_GPE && actor >= 0 && exclude->actor == actor && exclude->kind == DP_KIND_GPE;
}

/*
 * The distinct persons (kind 1) or acting states and organisations (kind 2)
 * named in this sentence before piece before; a state once per actor
 * (Russie and Moscou are one party).  Returns their number, MAX_GROUP + 1
 * when there are more.
 */
static int
group_collect(const St *st, size_t before, int kind, Ref *out, const Ref *exclude, bool genitive)
{
	int			n = 0;
	size_t		from = before > GROUP_WINDOW ? before - GROUP_WINDOW : 0;

	for (size_t i = st->mfirst; i < st->mend; i++)
	{
		const DpMention *mm = &st->ms.m[i];
		bool		dup = false;

		if (mm->piece >= before)
			break;
		if (mm->piece < from)
			continue;			/* a bound: names far back in a long sentence */
		if (kind == 1 ? mm->kind != DP_KIND_PER :
			!((mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) && acting(st, mm)))
			continue;
		/* "au Moyen-Orient et en Ukraine", "à Doha": where, not who */
		if (mm->kind == DP_KIND_GPE && (place_of(st, mm) ||
										(preceded_by_preposition(st, mm->piece) &&
										 !(genitive && genitive_party(st, mm->piece)))))
			continue;
		if (exclude && group_excluded(exclude, mm->name, mm->actor, mm->kind))
			continue;
		for (int j = 0; j < n && !dup; j++)
			dup = strcmp(out[j].name, mm->name) == 0 ||
				(kind == 2 && mm->actor >= 0 && out[j].actor == mm->actor && mm->kind == DP_KIND_GPE &&
				 out[j].kind == DP_KIND_GPE);
		if (dup)
			continue;
		if (n == MAX_GROUP)
			return MAX_GROUP + 1;
		out[n++] = ref_mention(st, mm);
	}
	return n;
}

static inline bool
group_fits(int n, int size)
{
	return size > 0 ? n == size : (n >= 2 && n <= MAX_GROUP);
}

/*
 * The names a group reference at piece before stands for: those of its kind
 * named earlier in the sentence, else in the last sentence (within
 * GROUP_REACH) that named several; persons first when either will do.  The
 * count must match a counted group.  Returns how many, 0 if none fits.
 */
/*
 * Copies into out the names of a remembered set that are not left out;
 * returns how many if that fits the count, else 0.
 */
static int
group_fit_set(const Ref *set, int nset, int size, const Ref *exclude, Ref *out)
{
	int			n = 0;

	for (int i = 0; i < nset && i < MAX_GROUP; i++)
		if (!group_excluded(exclude, set[i].name, set[i].actor, set[i].kind))
			out[n++] = set[i];
	return group_fits(n, size) ? n : 0;
}

/*
 * Remembers a set of names for a counted group (rule group-recall), newest
 * first: the older sets move one place back, the oldest is dropped.
 */
static void
group_remember(St *st, int gk, const Ref *set, int n, bool loose)
{
	if (gk < 0 || gk > 1 || n < 2 || n > MAX_GROUP)
		return;
	for (int h = GROUP_HIST - 1; h > 0; h--)
	{
		memcpy(st->ghist[gk][h], st->ghist[gk][h - 1], sizeof(st->ghist[gk][h]));
		st->nghist[gk][h] = st->nghist[gk][h - 1];
		st->ghist_sentence[gk][h] = st->ghist_sentence[gk][h - 1];
		st->ghist_loose[gk][h] = st->ghist_loose[gk][h - 1];
	}
	memcpy(st->ghist[gk][0], set, sizeof(Ref) * (size_t) n);
	st->nghist[gk][0] = n;
	st->ghist_sentence[gk][0] = st->sentence;
	st->ghist_loose[gk][0] = loose;
}

static int
group_members(const St *st, size_t before, int size, int kind, Ref *out, const Ref *exclude, int recall)
{
	int			n;

	/*
	 * A bare pronoun stands for persons only ("les sanctions ... elles" is
	 * no pair of states), and for none when a plural common noun comes
	 * before it in its sentence ("même si les sanctions sont symboliques,
	 * elles ...")
	 */
	if (size == 0)
	{
		kind = 1;
		for (size_t k = before > GROUP_WINDOW ? before - GROUP_WINDOW : 0; k + 1 < before && k + 1 < st->pc.n; k++)
			if ((key_is(&st->pc.p[k], "les") || key_is(&st->pc.p[k], "des") || key_is(&st->pc.p[k], "ces")) &&
				st->pc.p[k + 1].wordlike && !st->pc.p[k + 1].cap && st->an[k + 1].ment < 0 &&
				group_noun_kind(&st->pc.p[k + 1]) < 0 && !key_in(&st->pc.p[k + 1], L_PREPOSITIONS))
				return 0;
	}
	if (!dp_rule_on(DP_RULE_GROUP_NOT_HOLDER))
		exclude = NULL;

	if (kind != 2 && group_fits(n = group_collect(st, before, 1, out, exclude, false), size))
		return n;
	if (kind != 1 && group_fits(n = group_collect(st, before, 2, out, exclude, false), size))
		return n;
	if (kind != 2 && st->ngper > 0 && st->sentence <= st->gper_sentence + GROUP_REACH &&
		(n = group_fit_set(st->gper, st->ngper, size, exclude, out)) > 0)
		return n;
	if (kind != 1 && st->ngstate > 0 && st->sentence <= st->gstate_sentence + GROUP_REACH &&
		(n = group_fit_set(st->gstate, st->ngstate, size, exclude, out)) > 0)
		return n;

	/*
	 * "Saluant la décision des trois pays": a count no recent set fits
	 * stands for the last set of that many, a few sentences back (rule
	 * group-recall)
	 */
	/* recall: sentences back for an object; minus that for a subject */
	if (size > 0 && recall != 0 && dp_rule_on(DP_RULE_GROUP_RECALL))
		for (int h = 0; h < GROUP_HIST; h++)
			for (int g = 0; g < 2; g++)
			{
				if ((g == 0 && kind == 2) || (g == 1 && kind == 1) || st->nghist[g][h] <= 0 ||
					st->sentence > st->ghist_sentence[g][h] + (uint32_t) (recall > 0 ? recall : -recall) ||
					/* a subject stands for a list of names, not for all the
					 * names of a sentence nor for complements (en présence
					 * des ambassadeurs de la Chine et des États-Unis) */
					(recall < 0 && st->ghist_loose[g][h]))
					continue;
				if ((n = group_fit_set(st->ghist[g][h], st->nghist[g][h], size, exclude, out)) > 0)
					return n;
			}
	return 0;
}

/*
 * Is the holder the second of "X comme Y" (rule comme-coordination)?  The
 * verb agrees with one of them only ("La Russie comme l'Ukraine a
 * accepté"), so a singular verb does not rule the coordination out.
 */
static bool
comme_subject(const St *st)
{
	size_t		h = st->hpos;

	if (!dp_rule_on(DP_RULE_COMME_COORDINATION) || h == SIZE_MAX || h >= st->pc.n)
		return false;
	if (h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
		h--;
	return h >= 2 && key_is(&st->pc.p[h - 1], "comme") && st->an[h - 2].ment >= 0;
}

/*
 * A second subject coordinated with the holder just found: "Emmanuel Macron
 * et Keir Starmer soutiennent ...".
 */
static int
coordinated_subject(const St *st, Ref *out, int max)
{
	size_t		start;
	size_t		e;
	Ref			r;
	int			n = 0;
	size_t		h;

	if (st->hpos == SIZE_MAX)
		return 0;
	/*
	 * X et [holder], X, Y et [holder]: leftwards over "et" and commas, an
	 * article before each name ("la France et les États-Unis")
	 */
	h = st->hpos;
	if (dp_rule_on(DP_RULE_COORDINATION) && h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
		h--;
	/* "La Russie comme l'Ukraine a accepté" (rule comme-coordination) */
	if (dp_rule_on(DP_RULE_COMME_COORDINATION) && h >= 2 && key_is(&st->pc.p[h - 1], "comme") &&
		st->an[h - 2].ment >= 0 && candidate_at(st, h - 2, &r, &start, false))
	{
		size_t		b = start;

		if (b > 0 && key_in(&st->pc.p[b - 1], L_DETERMINERS))
			b--;
		if (b == 0)
		{
			out[n++] = r;
			return n;
		}
	}
	if (h >= 2 && key_is(&st->pc.p[h - 1], "et") && candidate_at(st, h - 2, &r, &start, false))
	{
		out[n++] = r;
		while (dp_rule_on(DP_RULE_COORDINATION) && n < max)
		{
			h = start;
			if (h > 0 && key_in(&st->pc.p[h - 1], L_DETERMINERS))
				h--;
			if (!(h >= 2 && is_punct(st, &st->pc.p[h - 1], ",") &&
				  candidate_at(st, h - 2, &r, &start, false)))
				break;
			out[n++] = r;
		}
		return n;
	}
	/* "Paris, comme Berlin, soutient" (rule comme-coordination) */
	e = st->hend + 1;
	if (dp_rule_on(DP_RULE_COMME_COORDINATION) && e + 3 < st->pc.n && is_punct(st, &st->pc.p[e], ",") &&
		key_is(&st->pc.p[e + 1], "comme"))
	{
		size_t		m = e + 2;

		if (key_in(&st->pc.p[m], L_DETERMINERS))
			m++;
		if (m < st->pc.n && st->an[m].ment >= 0 && st->ms.m[st->an[m].ment].piece == m)
		{
			const DpMention *mm = &st->ms.m[st->an[m].ment];
			size_t		after = mm->piece + mm->npieces;

			if (after < st->pc.n && is_punct(st, &st->pc.p[after], ",") &&
				candidate_at(st, mm->piece + mm->npieces - 1, &r, &start, true))
			{
				out[n++] = r;
				return n;
			}
		}
	}
	/* [holder] et Y, [holder] et l'Y */
	if (e + 1 < st->pc.n && key_is(&st->pc.p[e], "et"))
		for (size_t k = e + 1; k < st->pc.n && k < e + 5; k++)
		{
			if (!st->pc.p[k].wordlike)
				break;
			if (candidate_at(st, k, &r, &start, false) &&
				(start == e + 1 ||
				 (start == e + 2 && is_definite(&st->pc.p[e + 1]) && dp_rule_on(DP_RULE_COORDINATED_ARTICLE))))
			{
				out[n++] = r;
				return n;
			}
		}
	return n;
}

/*
 * Is the name at piece h the first state after a plural leader noun and a
 * genitive: "les présidents du Rwanda et de la RDC", "les chefs d'État de
 * la France et de l'Allemagne"?  *titled: the noun is a title, naming the
 * persons who hold it (not "les dirigeants", who are the states).
 */
static bool
leaders_genitive(const St *st, size_t h, bool *titled)
{
	size_t		b = h;

	if (!dp_rule_on(DP_RULE_LEADERS_OF) || h >= st->pc.n)
		return false;
	if (b > 0 && is_definite(&st->pc.p[b - 1]))
		b--;
	if (b < 2 || !is_genitive(&st->pc.p[b - 1]))
		return false;
	for (size_t j = b - 1; j-- > 0 && j + 5 > b;)
		if (has_mod(st, j, DP_MOD_LEADER))
		{
			const DpPiece *p = &st->pc.p[j];
			size_t		len = st->an[j].mod_len ? st->an[j].mod_len : 1;
			char		last = p->w->keylen > 0 ? p->w->key[p->w->keylen - 1] : 0;

			/* les dirigeants, les leaders: the states themselves */
			*titled = !key_is(p, "dirigeants") && !key_is(p, "leaders");
			return j + len == b - 1 && (last == 's' || last == 'x');
		}
	return false;
}

/*
 * Is the verb at piece c (or its auxiliary) in the plural, as coordinated
 * subjects need ("Macron et Starmer soutiennent", "... ont salué")?  The
 * singular "Londres soutient" after "Kiev et" is a second clause's verb.
 */
static bool
plural_verb(const St *st, size_t c)
{
	static const char *const aux[] = {
		"ont", "sont", "vont", "avaient", "etaient", "seront", "auront", "doivent",
		"veulent", "peuvent", "font", NULL
	};
	const DpWord *w = st->pc.p[c].w;

	if (w->keylen > 3 && memcmp(w->key + w->keylen - 3, "ent", 3) == 0)
		return true;
	/* future plurals: entameront, soutiendront */
	if (w->keylen > 4 && memcmp(w->key + w->keylen - 4, "ront", 4) == 0)
		return true;
	for (size_t k = c; k-- > 0 && k + 3 > c;)
		for (int i = 0; aux[i]; i++)
			if (key_is(&st->pc.p[k], aux[i]))
				return true;
	return false;
}

/*
 * The other holder a comparison names after a cue's clause: "X a apporté
 * son soutien, tout comme la présidente de la Commission européenne,
 * Ursula von der Leyen", "de même que Y", "à l'instar de Y": the first
 * acting name after it, or the person in apposition after that name.
 */
static bool
comparison_holder(const St *st, size_t from, Ref *out)
{
	size_t		n = st->pc.n;

	if (!dp_rule_on(DP_RULE_COMPARISON))
		return false;
	for (size_t k = from; k + 1 < n && k < from + MAX_SCOPE; k++)
	{
		size_t		j;

		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (key_is(&st->pc.p[k], "tout") && key_is(&st->pc.p[k + 1], "comme"))
			j = k + 2;
		else if (k + 2 < n && key_is(&st->pc.p[k], "de") && key_is(&st->pc.p[k + 1], "meme") &&
				 is_que(&st->pc.p[k + 2]))
			j = k + 3;
		else if (k + 3 < n && is_prep_a(st, &st->pc.p[k]) && key_is(&st->pc.p[k + 1], "l'") &&
				 key_is(&st->pc.p[k + 2], "instar"))
			j = k + 4;
		else
			continue;
		for (; j < n && j < k + 10; j++)
		{
			const DpMention *mm;

			if (is_clause_end(st, &st->pc.p[j]) || st->an[j].cue >= 0)
				return false;
			if (st->an[j].ment < 0)
				continue;
			mm = &st->ms.m[st->an[j].ment];
			if (!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_ORG || mm->kind == DP_KIND_GPE) ||
				!acting(st, mm))
				return false;
			*out = ref_mention(st, mm);
			/* a title's body, then the person in apposition */
			j = mm->piece + mm->npieces;
			if (mm->kind != DP_KIND_PER && j + 1 < n && is_punct(st, &st->pc.p[j], ",") &&
				st->an[j + 1].ment >= 0 && st->ms.m[st->an[j + 1].ment].kind == DP_KIND_PER)
				*out = ref_mention(st, &st->ms.m[st->an[j + 1].ment]);
			return true;
		}
		return false;
	}
	return false;
}

/*
 * The names a comparison opening the holder's clause puts beside it: "Outre
 * la France, l'Allemagne et la Pologne, Donald Trump a apporté son soutien",
 * "Comme le Canada, l'Australie soutient", "À l'instar de Londres, Paris a
 * salué".  The opener starts the sentence or follows : or ;, the names
 * follow it (a list closed by et), a comma and the holder follow them.
 * Fills out[] (at most max); returns how many.
 */
static int
preposed_comparison(const St *st, Ref *out, int max)
{
	size_t		h = st->hpos;
	size_t		s = h;
	size_t		j;
	size_t		end;
	int			n = 0;
	const DpMention *mm;

	if (!dp_rule_on(DP_RULE_PREPOSED_COMPARISON) || h == SIZE_MAX || h >= st->pc.n || max < 1)
		return 0;
	/* the clause start: the sentence's, or after : or ; */
	while (s > 0 && !is_punct(st, &st->pc.p[s - 1], ":;") && st->an[s - 1].quote == st->an[h].quote)
		s--;
	if (s + 3 >= h)
		return 0;
	if (key_is(&st->pc.p[s], "outre") || key_is(&st->pc.p[s], "comme"))
		j = s + 1;
	else if (key_is(&st->pc.p[s], "tout") && key_is(&st->pc.p[s + 1], "comme"))
		j = s + 2;
	else if (is_prep_a(st, &st->pc.p[s]) && key_is(&st->pc.p[s + 1], "l'") && key_is(&st->pc.p[s + 2], "instar") &&
			 s + 4 < h && is_genitive(&st->pc.p[s + 3]))
		j = s + 4;
	else
		return 0;
	if (j < h && is_definite(&st->pc.p[j]))
		j++;
	if (j >= h || st->an[j].ment < 0)
		return 0;
	mm = &st->ms.m[st->an[j].ment];
	if (mm->piece != j || !(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
		!acting(st, mm))
		return 0;
	out[n++] = ref_mention(st, mm);
	end = mm->piece + mm->npieces - 1;
	if (max > 1)
	{
		size_t		e2 = end;
		int			m = coordinated_names(st, end + 1, out + 1, max - 1, &e2, true);

		if (m > 0)
		{
			n += m;
			end = e2;
		}
	}
	/* a comma, then the holder's phrase (le président américain Donald Trump) */
	if (end + 1 >= h || !is_punct(st, &st->pc.p[end + 1], ","))
		return 0;
	for (size_t k = end + 2; k < h; k++)
		if (!st->pc.p[k].wordlike || is_que(&st->pc.p[k]) || st->an[k].cue >= 0)
			return 0;
	return n;
}

/*
 * Is the holder just found by subject_left() (st->hpos .. st->hend) the
 * object of a verb cue governing the infinitive cue at c: verb, holder, then
 * de / d' / à right before c ("exhortent Washington à maintenir")?
 */
static bool
object_before_infinitive(const St *st, size_t c)
{
	const DpPiece *mark;

	if (!dp_rule_on(DP_RULE_OBJECT_BEFORE_INFINITIVE))
		return false;
	if (c < 2 || st->hpos == SIZE_MAX || st->hpos == 0 || st->hend != c - 2)
		return false;
	mark = &st->pc.p[c - 1];
	if (!key_is(mark, "de") && !key_is(mark, "d'") && !is_prep_a(st, mark))
		return false;
	for (size_t b = st->hpos; b-- > 0 && st->hpos - b <= 3;)
	{
		const Anno *a = &st->an[b];

		if (a->cue >= 0)
		{
			if (st->d->cues[a->cue].pos == DP_POS_VERB && b + a->cue_len >= st->hpos)
				return true;
			break;
		}
	}
	/*
	 * behind its article or a body's head noun: "exhorte la Russie à
	 * accepter", "appelle le gouvernement du Burundi à continuer"
	 */
	if (dp_rule_on(DP_RULE_OBJECT_ARTICLE))
		for (size_t b = st->hpos; b-- > 0 && st->hpos - b <= 5;)
		{
			const DpPiece *p = &st->pc.p[b];
			const Anno *a = &st->an[b];

			if (a->cue >= 0)
				return st->d->cues[a->cue].pos == DP_POS_VERB && b + a->cue_len < st->hpos &&
					b + a->cue_len > 0 && (key_in(&st->pc.p[b + a->cue_len], L_DETERMINERS) ||
										   is_prep_a(st, &st->pc.p[b + a->cue_len]) ||
										   key_is(&st->pc.p[b + a->cue_len], "aux") ||
										   key_is(&st->pc.p[b + a->cue_len], "au"));
			if (!(key_in(p, L_DETERMINERS) || key_in(p, L_POSSESSIVES) || is_genitive(p) ||
				  is_prep_a(st, p) ||
				  (p->wordlike && !p->cap && a->ment < 0 && a->topic < 0 && !is_que(p) &&
				   !key_in(p, L_PREPOSITIONS) && !key_in(p, L_PRONOUNS3))))
				return false;
		}
	return false;
}

/*
 * "Keir Starmer a prévenu que Londres ne reconnaîtrait jamais": a state or
 * body that is the subject (just found, at st->hpos) of the clause after a
 * reporting verb and que, and that the verb's subject acts for, speaks
 * through that person, who holds the stance too (*speaker).
 */
static bool
speaker_for_clause(St *st, const Ref *holder, int32_t quote, Ref *speaker)
{
	size_t		q,
				hp = st->hpos,
				he = st->hend;
	bool		fp,
				found;

	if (!dp_rule_on(DP_RULE_SPEAKER_STATE))
		return false;
	if (hp == SIZE_MAX || holder->kind == DP_KIND_PER || holder->actor < 0 ||
		(q = que_before(st, hp)) == SIZE_MAX || !has_mod(st, q - 1, DP_MOD_REPORTING))
		return false;
	found = subject_left_q(st, q - 1, quote, speaker, &fp) && speaker->kind == DP_KIND_PER &&
		speaker->actor == holder->actor;
	st->hpos = hp;				/* the evidence stays the clause's */
	st->hend = he;
	return found;
}

/*
 * The agent of a noun cue after its complement, "la reconnaissance de
 * l'État de Palestine par le Canada": "par" within six words, with no other
 * cue before it (in "une exigence jugée inacceptable par Kiev" the agent is
 * the adjective's).
 */
static bool
noun_agent(const St *st, size_t c_end, Ref *out)
{
	if (!dp_rule_on(DP_RULE_NOUN_AGENT))
		return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 6; k++)
	{
		if (st->an[k].cue >= 0 || !st->pc.p[k].wordlike)
			return false;
		if (key_is(&st->pc.p[k], "par"))
			return agent_after(st, k, 1, out);
	}
	return false;
}

/* Pour X, / Selon X, / D'après X, at the start of the sentence. */
static void
find_frame(St *st)
{
	st->frame.valid = false;
	st->frame_after = false;
	if (trailing_selon(st, &st->frame))
	{
		st->frame_after = true;
		return;
	}
	if (!dp_rule_on(DP_RULE_FRAME_HOLDER))
		return;
	for (size_t i = 0; i + 2 < st->pc.n && i < 4; i++)
	{
		const DpPiece *p = &st->pc.p[i];

		if (key_is(p, "pour") || key_is(p, "selon") || (key_is(p, "d'") && key_is(&st->pc.p[i + 1], "apres")))
		{
			size_t		k = i + 1 + (key_is(p, "d'") ? 1 : 0);
			Ref			r;
			size_t		start;

			for (size_t j = k; j < st->pc.n && j < k + 5; j++)
			{
				if (is_punct(st, &st->pc.p[j], ","))
					break;
				if (candidate_at(st, j, &r, &start, true) ||
					(key_is(&st->pc.p[j], "lui") && (r = resolve_pronoun(st, j)).valid) ||
					(key_is(&st->pc.p[j], "elle") && (r = resolve_pronoun(st, j)).valid))
				{
					st->frame = r;
					return;
				}
			}
		}
	}
}

/*
 * ", selon Downing Street." / ", d'après le Kremlin.": an attribution closing
 * the sentence, outside quotes: a comma, selon or d'après, an acting name
 * (after its title: selon le porte-parole du Kremlin, Dmitri Peskov), then
 * only words with no cue up to the end of the sentence.
 */
static bool
trailing_selon(const St *st, Ref *out)
{
	size_t		n = st->pc.n;

	if (!dp_rule_on(DP_RULE_TRAILING_SELON) || n < 4)
		return false;
	for (size_t k = n - 1; k-- > 1 && k + 16 > n;)
	{
		size_t		j;
		bool		found = false;

		if (!(key_is(&st->pc.p[k], "selon") ||
			  (k >= 2 && key_is(&st->pc.p[k], "apres") && key_is(&st->pc.p[k - 1], "d'"))))
			continue;
		/* the comma before selon (k >= 1) or before d'après (k >= 2) */
		j = key_is(&st->pc.p[k], "selon") ? k - 1 : k - 2;
		if (j >= n || !is_punct(st, &st->pc.p[j], ",") || st->an[k].quote >= 0)
			return false;
		for (size_t h = k + 1; h < n; h++)
		{
			size_t		start;
			Ref			r;

			if (is_clause_end(st, &st->pc.p[h]))
				return found;
			if (st->an[h].cue >= 0 || st->an[h].quote >= 0 || is_que(&st->pc.p[h]) ||
				key_is(&st->pc.p[h], "qui"))
				return false;
			/* the last candidate of the phrase: the person after the title */
			if (candidate_at(st, h, &r, &start, true) && r.valid)
			{
				*out = r;
				found = true;
			}
		}
		return false;
	}
	return false;
}

/* Quote speakers: before the quote (X a déclaré : «), after it (», a dit X). */
static void
find_speakers(St *st)
{
	size_t		n = st->pc.n;

	/* only quote marks start the work: none in most sentences */
	for (size_t i = 0; st->any_quote_mark && i < n; i++)
	{
		const DpPiece *p = &st->pc.p[i];
		bool		first_person;

		if (p->cls != DP_TOK_QUOTE)
			continue;
		if ((p->tflags & DP_TF_OPEN) && i + 1 < n && st->an[i + 1].quote >= 0 && i > 0)
		{
			QuoteInfo  *q = &st->quotes[st->an[i + 1].quote];
			Ref			r;

			size_t		b = i;

			while (b > 0 && is_punct(st, &st->pc.p[b - 1], ":,"))
				b--;
			if (!q->before.valid && b > 0 &&
				subject_left_q(st, b, st->an[b - 1].quote, &r, &first_person))
				q->before = r;
			if (!q->before.valid && st->frame.valid)
				q->before = st->frame;
		}
		if ((p->tflags & DP_TF_CLOSE) && st->an[i].quote >= 0)
		{
			QuoteInfo  *q = &st->quotes[st->an[i].quote];
			bool		reporting = false;

			for (size_t j = i + 1; j < n && j < i + 16; j++)
			{
				const DpPiece *pj = &st->pc.p[j];
				Ref			r;
				size_t		start,
							end;

				if (is_clause_end(st, pj) || pj->cls == DP_TOK_QUOTE)
					break;
				/* a reporting verb, or a verb cue: », a promis X */
				if (has_mod(st, j, DP_MOD_REPORTING) ||
					(st->an[j].cue >= 0 && st->d->cues[st->an[j].cue].pos == DP_POS_VERB) ||
					(pj->cls == DP_TOK_PUNCT && pj->len == 3 && (unsigned char) st->text[pj->off] == 0xE2 &&
					 (unsigned char) st->text[pj->off + 1] == 0x80 &&
					 ((unsigned char) st->text[pj->off + 2] == 0x94 || (unsigned char) st->text[pj->off + 2] == 0x93)))
					reporting = true;
				/* », a-t-il précisé: the inverted pronoun before the verb */
				if (pj->cls == DP_TOK_CLITIC && !reporting && dp_rule_on(DP_RULE_QUOTE_INVERTED))
					for (size_t v = j + 1; v < n && v < j + 3; v++)
						if (has_mod(st, v, DP_MOD_REPORTING) ||
							(st->an[v].cue >= 0 && st->d->cues[st->an[v].cue].pos == DP_POS_VERB))
							reporting = true;
				if (pj->cls == DP_TOK_CLITIC && reporting)
				{
					q->after = resolve_pronoun(st, j);
					break;
				}
				if (reporting && candidate_after_verb(st, j, &r, &start, &end, false))
				{
					q->after = r;
					/* "», affirment Paris et Londres" (rule coordinated-speakers) */
					if (dp_rule_on(DP_RULE_COORDINATED_SPEAKERS) && end + 2 < n && key_is(&st->pc.p[end + 1], "et"))
					{
						size_t		m = end + 2;
						Ref			r2;
						size_t		s2,
									e2;

						if (m + 1 < n && key_in(&st->pc.p[m], L_DETERMINERS))
							m++;
						if (st->an[m].ment >= 0 && st->ms.m[st->an[m].ment].piece == m &&
							candidate_after_verb(st, st->ms.m[st->an[m].ment].piece + st->ms.m[st->an[m].ment].npieces - 1,
												 &r2, &s2, &e2, true) &&
							r2.valid && strcmp(r2.name, r.name) != 0)
							q->after_also = r2;
					}
					break;
				}
			}
			/* « ... », selon Downing Street. */
			if (!q->after.valid && st->frame_after && st->frame.valid)
				q->after = st->frame;
		}
	}
	/* a bullet line naming the speaker right after a quote: « ... » • X */
	if (n > 0 && (st->pc.p[0].tflags & DP_TF_BULLET) && st->last_closed_quote >= 0)
	{
		QuoteInfo  *q = &st->quotes[st->last_closed_quote];

		if (q->closed && !q->after.valid && q->close_sentence + 2 >= st->sentence && n <= 6)
			for (size_t i = 0; i < n; i++)
				if (st->an[i].ment >= 0 && st->ms.m[st->an[i].ment].kind == DP_KIND_PER)
				{
					q->after = ref_mention(st, &st->ms.m[st->an[i].ment]);
					break;
				}
	}
}

/*
 * "La mairie a expliqué ... Elle appelle au dialogue": is this sentence's
 * subject a common noun?  The first verb outside quotes (an auxiliary or a
 * verb cue, before any name) has, past its clitics, a lowercase noun right
 * after a determiner before it that is no name, leader, body or pronoun.
 */
static bool
thing_subject_sentence(const St *st)
{
	static const char *const aux[] = {"a", "ont", "avait", "avaient", "est", "sont", "etait", "etaient", NULL};
	static const char *const clitics[] = {"ne", "n'", "se", "s'", "lui", "leur", "y", "en", NULL};

	for (size_t j = 0; j < st->pc.n && j < PRONOUN_REACH; j++)
	{
		const DpPiece *p = &st->pc.p[j];
		bool		verb = false;
		size_t		k = j;

		if (st->an[j].quote >= 0)
			continue;
		if (st->an[j].ment >= 0)
			return false;
		/* no verb cue, and no auxiliary (keys of a, o, e, s): one test */
		if (st->an[j].cue < 0 && !key_starts_in(p, LETTER('a') | LETTER('o') | LETTER('e') | LETTER('s')))
			continue;
		/* the auxiliary "a" is one byte; the preposition "à" two */
		for (int i = 0; aux[i] && !verb; i++)
			verb = key_is(p, aux[i]) && !(p->len == 2 && key_is(p, "a"));
		if (!verb && !(st->an[j].cue >= 0 && st->d->cues[st->an[j].cue].pos == DP_POS_VERB))
			continue;
		while (k > 0)
		{
			bool		clitic = false;

			for (int i = 0; clitics[i] && !clitic; i++)
				clitic = key_is(&st->pc.p[k - 1], clitics[i]);
			if (!clitic)
				break;
			k--;
		}
		if (k < 2)
			return false;
		k--;					/* the noun */
		p = &st->pc.p[k];
		return p->wordlike && !p->cap && st->an[k].ment < 0 && st->an[k].demonym < 0 &&
			st->an[k].quote < 0 && !key_in(p, L_PRONOUNS3) && !key_in(p, L_PREPOSITIONS) &&
			!key_in(p, L_DETERMINERS) && !has_mod(st, k, DP_MOD_LEADER) &&
			!has_mod(st, k, DP_MOD_COLLECTIVE) && !has_mod(st, k, DP_MOD_PRONOUN) &&
			key_in(&st->pc.p[k - 1], L_DETERMINERS);
	}
	return false;
}

/*
 * Does the sentence's subject come as il / elle before any name (rule
 * pronoun-subject-chain): "Dans une allocution, il a évoqué le choix auquel
 * l'Ukraine est confrontée"?  Then the subject kept for the next sentence
 * is still the one il stood for, not a name further on.
 */
static bool
pronoun_subject_first(const St *st)
{
	if (!dp_rule_on(DP_RULE_PRONOUN_SUBJECT_CHAIN))
		return false;
	for (size_t i = 0; i < st->pc.n && i < PRONOUN_REACH; i++)
	{
		const DpPiece *p = &st->pc.p[i];
		Ref			r;
		size_t		start;

		if (st->an[i].quote >= 0)
			continue;
		/* the main clause's: at the start or after a fronted phrase's
		 * comma, not "Face à ce qu'il qualifie de ..., X a" */
		if ((key_is(p, "il") || key_is(p, "elle")) && (i == 0 || is_punct(st, &st->pc.p[i - 1], ",")))
			return !impersonal(st, i) && st->last_subject.valid;
		if (st->an[i].ment >= 0 || candidate_at(st, i, &r, &start, false))
			return false;
	}
	return false;
}

/* Remember this sentence's subject for pronouns, and its last topic. */
static void
update_state(St *st)
{
	Ref			r;

	if (dp_rule_on(DP_RULE_THING_ANTECEDENT) && thing_subject_sentence(st))
		memset(&st->last_subject, 0, sizeof(st->last_subject));
	else if (pronoun_subject_first(st))
		;						/* il stands for the last subject: it stays */
	else if (sentence_subject(st, st->pc.n, &r))
	{
		st->last_subject = r;
		if (r.kind == DP_KIND_PER)
			st->last_person = r;
	}
	for (size_t k = st->mfirst; k < st->mend; k++)
		if (st->ms.m[k].kind == DP_KIND_PER)
			st->last_per_mention = ref_mention(st, &st->ms.m[k]);
	/*
	 * "Trump a reçu le président ukrainien. Ce dernier a salué ...": a
	 * leader's title after the last person named is the last person
	 * (rule last-named-title)
	 */
	if (dp_rule_on(DP_RULE_LAST_NAMED_TITLE) && st->any_demonym)
	{
		size_t		last_name_end = 0;

		for (size_t k = st->mfirst; k < st->mend; k++)
			if (st->ms.m[k].kind == DP_KIND_PER)
				last_name_end = st->ms.m[k].piece + st->ms.m[k].npieces;
		for (size_t k = last_name_end; k < st->pc.n; k++)
		{
			size_t		start;

			if (st->an[k].quote < 0 && st->an[k].ment < 0 && st->an[k].demonym >= 0 &&
				nominal_at(st, k, &r, &start) && r.valid && start >= last_name_end &&
				start > 0 && has_mod(st, start, DP_MOD_LEADER) &&
				!(k + 1 < st->pc.n && st->an[k + 1].ment >= 0))
				st->last_per_mention = r;
		}
	}
	/* a group needs two names: not in a sentence with fewer mentions */
	if (st->mend - st->mfirst >= 2)
	{
		Ref			g[MAX_GROUP + 1];
		int			n;

		for (int kind = 1; kind <= 2; kind++)
		{
			int			gk = kind - 1;

			if ((n = group_collect(st, st->pc.n, kind, g, NULL, false)) >= 2 && n <= MAX_GROUP)
			{
				if (kind == 1)
				{
					memcpy(st->gper, g, sizeof(Ref) * (size_t) n);
					st->ngper = n;
					st->gper_sentence = st->sentence;
				}
				else
				{
					memcpy(st->gstate, g, sizeof(Ref) * (size_t) n);
					st->ngstate = n;
					st->gstate_sentence = st->sentence;
				}
			}
			/* the sets a counted group may recall take the parties after
			 * de too (la décision du Royaume-Uni et du Canada) */
			if (!dp_rule_on(DP_RULE_GROUP_RECALL) ||
				(n = group_collect(st, st->pc.n, kind, g, NULL, true)) < 2 || n > MAX_GROUP)
				continue;
			/* a whole sentence's names: no list a subject may stand for */
			group_remember(st, gk, g, n, true);
		}
		/* and each list of names coordinated by commas and et (le
		 * Royaume-Uni, le Canada et l'Australie ont reconnu la Palestine:
		 * three, not four) */
		if (dp_rule_on(DP_RULE_GROUP_RECALL))
			for (size_t i = st->mfirst; i < st->mend; i++)
			{
				const DpMention *mm = &st->ms.m[i];
				size_t		end = 0;
				int			gk;
				bool		same = true;

				if (!(mm->kind == DP_KIND_PER || mm->kind == DP_KIND_GPE || mm->kind == DP_KIND_ORG) ||
					!acting(st, mm) || mm->piece + mm->npieces >= st->pc.n)
					continue;
				/* a list's first name only: not one after a comma or et */
				if (mm->piece > 0 && (key_is(&st->pc.p[mm->piece - 1], "et") ||
									  is_punct(st, &st->pc.p[mm->piece - 1], ",")))
					continue;
				g[0] = ref_mention(st, mm);
				n = 1 + coordinated_names(st, mm->piece + mm->npieces, g + 1, MAX_GROUP - 1, &end, true);
				if (n < 2)
					continue;
				gk = g[0].kind == DP_KIND_PER ? 0 : 1;
				for (int j = 1; j < n && same; j++)
					same = (g[j].kind == DP_KIND_PER) == (gk == 0);
				if (same)
					group_remember(st, gk, g, n, preceded_by_preposition(st, mm->piece));
			}
	}
	/* the last topic term of the sentence, found from its end */
	for (size_t i = st->pc.n; st->any_topic && i-- > 0;)
		if (st->an[i].topic >= 0)
		{
			st->last_topic = st->an[i].topic;
			st->last_topic_pol = st->an[i].topic_pol;
			st->last_topic_sentence = st->sentence;
			st->last_topic_piece = i;
			break;
		}
}

/* Per actor, the person mentioned most often: "le président russe". */
static void
count_leaders(St *st)
{
	uint32_t	nc = st->d->ncountries;
	uint32_t   *best_count = dp_alloc0(st->m, dp_mul_size(st->m, nc + 1, sizeof(uint32_t)));

	st->leader_of = dp_alloc(st->m, dp_mul_size(st->m, nc + 1, sizeof(int32_t)));
	/* every entry -1 (all bytes 0xff): one memset per document */
	memset(st->leader_of, 0xff, (size_t) (nc + 1) * sizeof(int32_t));
	for (size_t i = 0; i < st->ms.n; i++)
	{
		const DpMention *mm = &st->ms.m[i];
		uint32_t	count = 0;

		if ((i & 1023) == 1023)
			dp_interrupt(st->m);	/* a 100 MB text has millions of mentions */
		if (mm->kind != DP_KIND_PER || mm->actor < 0)
			continue;
		/* count mentions of this name (documents are short; bounded below) */
		for (size_t k = i; k < st->ms.n && k < i + 2000; k++)
			if (st->ms.m[k].name == mm->name ||
				(st->ms.m[k].name[0] == mm->name[0] && strcmp(st->ms.m[k].name, mm->name) == 0))
				count++;
		if (count > best_count[mm->actor])
		{
			best_count[mm->actor] = count;
			st->leader_of[mm->actor] = (int32_t) i;
		}
	}
	dp_free(st->m, best_count);
}

/* Is the word before piece c a copula: "se disent encouragés", "est soutenu"? */
static bool
after_copula(const St *st, size_t c)
{
	for (int i = 0; copulas[i]; i++)
		if (key_is(&st->pc.p[c - 1], copulas[i]))
			return true;
	return false;
}

/*
 * The holder of the cue at piece c: a passive agent ("jugé inacceptable par
 * Kiev"; after an emotion, "déçu par X", it names the target), a noun cue's
 * agent or complement ("la reconnaissance ... par le Canada", "le refus de
 * Moscou"), the clause's subject, an inverted subject or a post-posed
 * attribution, a quote's speaker (left invalid here, filled in later), a
 * framing "Selon X,".  Returns false when the cue states no one's stance.
 */
static bool
cue_holder(St *st, size_t c, const DpCue *cue, Ref *holder, bool *passive, bool *reported, bool *first_person)
{
	size_t		c_end = c + st->an[c].cue_len;
	int32_t		quote = st->an[c].quote;
	size_t		rv = received_verb(st, c);
	bool		received = rv != SIZE_MAX;

	/* "cherche à obtenir le soutien de X": not X's stance, nor the subject's */
	if (received && unreceived(st, rv))
		return false;
	/* holder; "par X" after an emotion (déçu par X) names the target */
	st->hpos = SIZE_MAX;
	st->relative = false;
	st->quoted_clause = SIZE_MAX;
	st->also.valid = false;
	if ((cue->pos == DP_POS_VERB || cue->frame == DP_FR_EVALUATE ||
		 (cue->pos == DP_POS_EXPR && c > 0 && dp_rule_on(DP_RULE_PASSIVE_EXPR) && after_copula(st, c))) &&
		(agent_after(st, c_end, 3, holder) || distant_agent(st, c_end, holder)))
		*passive = true;
	/* "soutenu par les dirigeants européens": an agent with no name holds
	 * it, not the subject */
	else if (cue->pos == DP_POS_VERB && c_end + 1 < st->pc.n && key_is(&st->pc.p[c_end], "par") &&
			 !key_is(&st->pc.p[c_end + 1], "ailleurs") && !key_is(&st->pc.p[c_end + 1], "exemple") &&
			 dp_rule_on(DP_RULE_UNNAMED_AGENT) && !(c > 0 && after_copula(st, c)))
		return false;
	else if ((cue->pos == DP_POS_NOUN || received) &&
			 (noun_agent(st, c_end, holder) ||
			  noun_holder(st, c_end, holder) || agent_after(st, c_end, 1, holder)))
		;						/* la reconnaissance de l'État de Palestine par le
								 * Canada (the agent first), le refus de Moscou */
	else if (received && received_holder(st, c_end, holder))
		;						/* "la colère du président ukrainien" */
	/* "Kiev a reçu le soutien de ses alliés": the subject receives it,
	 * holds nothing (rule received-noun) */
	else if (received)
		return false;
	else if (coordinated_predicate(st, c, holder, first_person) || subject_left(st, c, holder, first_person))
	{
		Ref			speaker;

		/* "pressent Washington de maintenir": the object of a verb cue
		 * before an infinitive is asked to act, not its holder */
		if (object_before_infinitive(st, c))
			return false;
		if (speaker_for_clause(st, holder, quote, &speaker))
			st->also = speaker;
		/* "déçu par Poutine, dont les promesses de négocier": Poutine's
		 * promises, not the subject's; the name right before "dont" is
		 * the one it speaks of ("Orban, dont le gouvernement bloque") */
		for (size_t k = st->hend + 1; st->hend != SIZE_MAX && k < c; k++)
			if (starts_dont_clause(st, k))
			{
				if (k != st->hend + 1)
					return false;
				st->relative = true;	/* its objects end with the clause */
			}
	}
	else if (quote < 0 && participle_subject(st, c, c_end, holder))
		;
	else if (quote < 0 && inverted_subject(st, c, c_end, holder))
		*reported = true;
	else if (quote < 0 && post_attribution(st, c_end, holder))
		*reported = true;
	else if (quote >= 0)
		holder->valid = false;	/* the quote's speaker, filled in later */
	else if (st->frame.valid)
	{
		*holder = st->frame;
		*reported = true;
	}
	else
		return false;
	return true;
}

/*
 * "X a réitéré sa confiance dans le président Tebboune et appelé à ...",
 * "X a salué l'accord et a critiqué Y": a verb cue after "et" (and an
 * auxiliary) is a second predicate of the subject of the verb before it,
 * not of the name right before "et".
 */
static bool
coordinated_predicate(const St *st, size_t c, Ref *out, bool *first_person)
{
	size_t		e = c;

	if (!dp_rule_on(DP_RULE_COORDINATED_PREDICATE) || st->an[c].cue < 0 ||
		st->d->cues[st->an[c].cue].pos != DP_POS_VERB)
		return false;
	if (e > 0 && (is_aux_a(st, &st->pc.p[e - 1]) || key_is(&st->pc.p[e - 1], "ont")))
		e--;
	if (e < 2 || !key_is(&st->pc.p[e - 1], "et"))
		return false;
	/* the verb before "et", in the same clause */
	for (size_t k = e - 1; k-- > 0 && k + 30 > e;)
	{
		if (is_clause_end(st, &st->pc.p[k]) || is_que(&st->pc.p[k]))
			return false;
		if (st->an[k].cue >= 0 && st->d->cues[st->an[k].cue].pos == DP_POS_VERB)
			return subject_left(st, k, out, first_person) && out->valid;
		/* a verb that is no cue: "a travaillé ... et appelé" */
		if (k > 0 && (is_aux_a(st, &st->pc.p[k - 1]) || key_is(&st->pc.p[k - 1], "ont")) &&
			st->pc.p[k].wordlike && !st->pc.p[k].cap)
			return subject_left(st, k, out, first_person) && out->valid;
	}
	return false;
}

/*
 * "Saluant l'accord, le président palestinien a déclaré ...", "Tout en
 * dénonçant les frappes, Paris ...": a present participle opening the
 * sentence is held by the subject after the comma that closes it, when
 * its object, a topic or a name, is inside the phrase.
 */
static bool
participle_subject(St *st, size_t c, size_t c_end, Ref *out)
{
	const DpWord *w = st->pc.p[c].w;
	size_t		start;
	bool		object = false;

	if (!dp_rule_on(DP_RULE_PARTICIPLE_CLAUSE) || w->keylen < 4 ||
		memcmp(w->key + w->keylen - 3, "ant", 3) != 0)
		return false;
	/* at the start, after at most "tout en" / "en" */
	for (size_t k = 0; k < c; k++)
		if (!(key_is(&st->pc.p[k], "tout") || key_is(&st->pc.p[k], "en")))
			return false;
	for (size_t k = c_end; k < st->pc.n && k < c_end + 30; k++)
	{
		if (is_clause_end(st, &st->pc.p[k]) || (k == c_end && is_que(&st->pc.p[k])))
			return false;
		/* its object is in the phrase: a topic or a name */
		if (st->an[k].topic >= 0 || st->an[k].ment >= 0)
			object = true;
		/* or a counted group standing for names (la décision des trois pays) */
		if (!object && dp_rule_on(DP_RULE_GROUP_TARGET) && group_det(&st->pc.p[k]))
		{
			int			size,
						kind;

			if (group_phrase(st, k, &size, &kind) && size > 0)
				object = true;
		}
		if (is_punct(st, &st->pc.p[k], ","))
		{
			if (!object)
				return false;
			for (size_t j = k + 1; j < st->pc.n && j < k + 7; j++)
			{
				if (is_clause_end(st, &st->pc.p[j]) || is_punct(st, &st->pc.p[j], ","))
					return false;
				if (candidate_at(st, j, out, &start, false))
				{
					/* the whole nominal or mention ending furthest right */
					size_t		e = j;
					Ref			r2;
					size_t		s2;

					while (e + 1 < st->pc.n && e < j + 4 && candidate_at(st, e + 1, &r2, &s2, false) &&
						   s2 <= j)
					{
						*out = r2;
						e++;
					}
					st->hpos = start;
					st->hend = e;
					return out->valid;
				}
			}
			return false;
		}
	}
	return false;
}

/*
 * Is the cue at c the infinitive of an obligation: "doivent accepter",
 * "devrait respecter", "ne doit pas être"?
 */
static bool
deontic(const St *st, size_t c)
{
	static const char *const must[] = {"doit", "doivent", "devrait", "devraient", "devra", "devront",
		"devait", "devaient", NULL};

	if (!dp_rule_on(DP_RULE_DEONTIC) || st->d->cues[st->an[c].cue].pos != DP_POS_VERB)
		return false;
	for (size_t k = c; k-- > 0 && k + 4 > c;)
	{
		for (int i = 0; must[i]; i++)
			if (key_is(&st->pc.p[k], must[i]))
				return true;
		if (!st->pc.p[k].wordlike || st->an[k].ment >= 0)
			return false;
	}
	return false;
}

/*
 * Is the cue at c after "À X de" opening its sentence or quote, or after
 * "c'est à X de": "Au Kremlin de montrer qu'il souhaite la paix",
 * "C'est à la Russie d'accepter la trêve"?  Like an obligation, the
 * challenge is its speaker's demand, not X's stance (rule up-to).  Only
 * when the holder found is X: a passive agent after it ("le cessez-le-feu
 * proposé par Trump") keeps its own stance.
 */
static bool
up_to(const St *st, size_t c, const Ref *holder)
{
	if (!dp_rule_on(DP_RULE_UP_TO))
		return false;
	for (size_t k = 0; k < c && k < st->pc.n; k++)
	{
		const DpPiece *p = &st->pc.p[k];
		bool		opens;

		if (!(key_is(p, "a") || key_is(p, "au") || key_is(p, "aux")))
			continue;
		opens = p->initial ||
			(k >= 2 && key_is(&st->pc.p[k - 1], "est") &&
			 (key_is(&st->pc.p[k - 2], "c'") || key_is(&st->pc.p[k - 2], "ce"))) ||
			(k >= 1 && key_is(&st->pc.p[k - 1], "c'est"));
		if (!opens)
			continue;
		/* the party: a mention starting within three pieces (an article, a
		 * title), then de right after it and a word that is not an article
		 * nor a name (an infinitive) */
		for (size_t j = k + 1; j < c && j < k + 5; j++)
		{
			int32_t		mi = st->an[j].ment;
			const DpMention *mm;
			size_t		e;

			if (is_clause_end(st, &st->pc.p[j]) || is_punct(st, &st->pc.p[j], ","))
				break;
			if (mi < 0)
				continue;
			mm = &st->ms.m[mi];
			e = (size_t) mm->piece + mm->npieces;
			if (mm->npieces == 0 || e + 1 >= st->pc.n || e + 1 > c)
				break;
			if (!(key_is(&st->pc.p[e], "de") || key_is(&st->pc.p[e], "d'")))
				break;
			if (!st->pc.p[e + 1].wordlike || st->an[e + 1].ment >= 0 ||
				key_in(&st->pc.p[e + 1], L_DETERMINERS) || key_in(&st->pc.p[e + 1], L_POSSESSIVES))
				break;
			return holder->valid && holder->name && mm->name &&
				strcmp(holder->name, mm->name) == 0;
		}
	}
	return false;
}

/*
 * Is the cue at c in an indirect question: after pourquoi or comment that
 * follows, within three pieces, a verb of asking or knowing ("je ne
 * comprends pas pourquoi il faudrait ...", "se demande comment")?  Not "c'est
 * pourquoi", which states a reason (rule indirect-question).
 */
static bool
indirect_question(const St *st, size_t c)
{
	static const char *const verbs[] = {
		"comprends", "comprend", "comprennent", "comprenons", "compris", "comprendre",
		"demande", "demandent", "demandons", "demandait", "demandaient", "demander",
		"interroge", "interrogent", "interroger", "sais", "sait", "savent", "savons", "savoir",
		"ignore", "ignorent", "ignorons", NULL
	};

	if (!dp_rule_on(DP_RULE_INDIRECT_QUESTION))
		return false;
	for (size_t k = c; k-- > 0 && k + MAX_LEFT > c;)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (!(key_is(&st->pc.p[k], "pourquoi") || key_is(&st->pc.p[k], "comment")))
			continue;
		for (size_t j = k; j-- > 0 && j + 4 > k;)
			for (int i = 0; verbs[i]; i++)
				if (key_is(&st->pc.p[j], verbs[i]))
					return true;
		return false;
	}
	return false;
}

/*
 * The piece of "selon" in "selon lequel / laquelle / lesquels / lesquelles"
 * before the cue at c in its clause, SIZE_MAX when there is none: what
 * follows is what others said (rule hearsay).
 */
static size_t
hearsay_at(const St *st, size_t c)
{
	if (!dp_rule_on(DP_RULE_HEARSAY))
		return SIZE_MAX;
	for (size_t k = c; k-- > 0 && k + MAX_LEFT > c;)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return SIZE_MAX;
		if (key_is(&st->pc.p[k], "selon") && k + 1 < c &&
			(key_is(&st->pc.p[k + 1], "lequel") || key_is(&st->pc.p[k + 1], "laquelle") ||
			 key_is(&st->pc.p[k + 1], "lesquels") || key_is(&st->pc.p[k + 1], "lesquelles")))
			return k;
	}
	return SIZE_MAX;
}

/*
 * The subject of a reporting verb whose que-clause holds piece c: "Lars
 * Løkke Rasmussen a souligné que les États-Unis doivent respecter ...".
 */
static bool
reporting_subject(const St *st, size_t c, Ref *out)
{
	bool		fp;

	for (size_t k = c; k-- > 0 && k + MAX_LEFT > c;)
	{
		if (is_clause_end(st, &st->pc.p[k]))
			return false;
		if (is_complementizer(st, k))
		{
			if (k == 0 || !has_mod(st, k - 1, DP_MOD_REPORTING))
				return false;
			return subject_left(st, k - 1, out, &fp) && out->valid;
		}
	}
	return false;
}

/*
 * The subject of the clause left of piece c when it is not the holder, as
 * the target of a passive ("l'Ukraine est accusée par la Russie") or of a
 * backing ("la Turquie intervient avec le soutien des États-Unis"); *pos is
 * its first piece.  The holder's span (st->hpos, st->hend) is kept.
 */
static bool
other_subject(St *st, size_t c, const Ref *holder, Ref *out, size_t *pos)
{
	size_t		hpos = st->hpos,
				hend = st->hend;
	bool		fp,
				found;

	found = holder->valid && subject_left(st, c, out, &fp) && out->valid &&
		strcmp(out->name, holder->name) != 0;
	*pos = st->hpos;
	st->hpos = hpos;
	st->hend = hend;
	return found;
}
