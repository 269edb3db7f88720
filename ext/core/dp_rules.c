/*
 * dp_rules.c
 *	  The names of the stance rules (dp_rules.h).
 */
#include "dp_rules.h"

#include <string.h>

uint64_t	dp_rules_off[DP_RULE_WORDS];

const char *const dp_rule_names[DP_RULE__COUNT] = {
#define DP_RULE_NAME(id, name, what) name,
	DP_RULES(DP_RULE_NAME)
#undef DP_RULE_NAME
};

const char *const dp_rule_descriptions[DP_RULE__COUNT] = {
#define DP_RULE_WHAT(id, name, what) what,
	DP_RULES(DP_RULE_WHAT)
#undef DP_RULE_WHAT
};

int
dp_rule_by_name(const char *name, size_t len)
{
	for (int r = 0; r < DP_RULE__COUNT; r++)
		if (strlen(dp_rule_names[r]) == len && memcmp(dp_rule_names[r], name, len) == 0)
			return r;
	return -1;
}

