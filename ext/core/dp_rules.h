/*
 * dp_rules.h
 *	  Named stance rules that can be switched off one at a time.
 *
 * Every rule of the stance scorer that a test pins has a name here.  The
 * setting diplo.rules_off (a comma-separated list of names) switches rules
 * off for a session: scripts/mutation.sh switches each off in turn and lists
 * the rules no test notices.  In normal use every rule is on.
 */
#ifndef DP_RULES_H
#define DP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DP_RULES(X) \
	X(LONGEST_CUE,        "longest-cue",        "a cue starting inside a longer cue is part of it") \
	X(NON_PAS_MAIS,       "non-pas-mais",       "non pas X mais Y: X is negated, Y is not") \
	X(HOST_NOT_HOLDER,    "host-not-holder",    "a city or region that is not a seat of government holds no stance") \
	X(PLACE_NOT_TARGET,   "place-not-target",   "a place after a locative preposition is not a target") \
	X(CIRCUMSTANCE,       "circumstance",       "a topic inside a circumstantial phrase (dans le cadre de, pour mettre fin) is not the cue's target") \
	X(COORDINATION,       "coordination",       "subjects coordinated by et and commas, each after its article, share the stance") \
	X(QUOTE_INVERTED,     "quote-inverted",     "a quote is its speaker's when an inverted pronoun before a reporting verb follows it (a-t-il précisé)") \
	X(CONDITION,          "condition",          "a cue inside a condition (si X viole, s'il refuse) is no one's stance") \
	X(PARTICIPLE,         "participle",         "a present participle after a noun (une résolution exigeant) describes the noun; a cue governing the noun takes its polarity") \
	X(AUTHOR,             "author",             "rejecting or welcoming what someone said or decided (les propos de X) is a stance toward X") \
	X(SELF_TARGET,        "self-target",        "a cue naming its own topic (la médiation d'Oman, sous l'égide de X) is for that topic, held by its complement") \
	X(THING_SUBJECT,      "thing-subject",      "a common noun right before its verb (le projet aurait exigé) is the subject and holds no stance") \
	X(REASON_INFINITIVE,  "reason-infinitive",  "the infinitive after accuser X de, reprocher à X de is the act blamed, no stance of the subject") \
	X(IMPERSONAL,         "impersonal",         "an impersonal il (il faut, il y a, il est nécessaire de) stands for no one") \
	X(NOUN_AGENT,         "noun-agent",         "the agent after par within a noun cue's complement holds it (la reconnaissance de la Palestine par le Canada), before any de complement") \
	X(ELLIPTIC_OBJECT,    "elliptic-object",    "a noun cue after a possessive with nothing after it (a apporté son soutien.) is about the last topic") \
	X(COMPARISON,         "comparison",         "the name after tout comme, de même que, à l'instar de holds the same stance") \
	X(RELATIVE_SUBJECT,   "relative-subject",   "a name right after que (les troupes que Pyongyang a envoyées) is the relative's subject, no target") \
	X(GOVERNED_NOUN,      "governed-noun",      "a noun cue as a verb cue's object takes the verb's polarity along (augmenter son blocage, lever son veto)") \
	X(TITLED_LEADER,      "titled-leader",      "le président américain is the person of that state whose title is président, before the most mentioned one") \
	X(PASSIVE_TARGET,     "passive-target",     "the subject of a passive entity-directed cue is its target (l'Ukraine est accusée par la Russie)") \
	X(BACKED_BY,          "backed-by",          "avec le soutien de X: X supports the clause's subject") \
	X(PLURAL_LEADER,      "plural-leader",      "les dirigeants, ces chefs d'État are not the person last named") \
	X(UNNAMED_AGENT,      "unnamed-agent",      "a passive verb cue whose agent names no one (soutenu par les dirigeants européens) states no one's stance") \
	X(HOLDER_NOT_TARGET,  "holder-not-target",  "the holder named after its noun cue (le soutien de la France à l'Ukraine) is not a target") \
	X(PREP_RELATIVE,      "prep-relative",      "la trêve pour laquelle X œuvrait: the term before the preposition is X's object") \
	X(DEONTIC,            "deontic",            "an obligation (les Russes doivent accepter) is the speaker's demand, not the subject's stance") \
	X(MIXED_PAIR,         "mixed-pair",         "a pair with strong hits of both signs is mixed, without a sign, in stance_summary")

typedef enum DpRule
{
#define DP_RULE_ENUM(id, name, what) DP_RULE_##id,
	DP_RULES(DP_RULE_ENUM)
#undef DP_RULE_ENUM
	DP_RULE__COUNT
} DpRule;

extern uint64_t dp_rules_off;
extern const char *const dp_rule_names[DP_RULE__COUNT];
extern const char *const dp_rule_descriptions[DP_RULE__COUNT];

static inline bool
dp_rule_on(DpRule r)
{
	return !((dp_rules_off >> r) & 1);
}

/* The rule named name, or -1. */
extern int	dp_rule_by_name(const char *name, size_t len);

#endif
