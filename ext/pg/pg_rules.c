/*
 * pg_rules.c
 *	  The setting diplo.rules_off and the function diplo.rules(): which
 *	  named stance rules (dp_rules.h) are on.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "pg_diplo.h"
#include "dp_rules.h"

static char *rules_off_setting = NULL;

/* Parse a comma-separated list of rule names into a mask; false on an unknown name. */
static bool
parse_rules(const char *s, uint64_t *mask, const char **bad, int *bad_len)
{
	memset(mask, 0, sizeof(uint64_t) * DP_RULE_WORDS);
	while (s && *s)
	{
		const char *e;
		int			r;

		while (*s == ' ' || *s == ',')
			s++;
		if (!*s)
			break;
		e = s;
		while (*e && *e != ',' && *e != ' ')
			e++;
		r = dp_rule_by_name(s, (size_t) (e - s));
		if (r < 0)
		{
			*bad = s;
			*bad_len = (int) (e - s);
			return false;
		}
		mask[r / 64] |= UINT64_C(1) << (r % 64);
		s = e;
	}
	return true;
}

static bool
check_rules_off(char **newval, void **extra, GucSource source)
{
	uint64_t	mask[DP_RULE_WORDS];
	const char *bad = NULL;
	int			bad_len = 0;

	if (!parse_rules(*newval, mask, &bad, &bad_len))
	{
		GUC_check_errdetail("\"%.*s\" is not a diplo rule; SELECT name FROM diplo.rules() lists them.",
							bad_len, bad);
		return false;
	}
	*extra = malloc(sizeof(mask));	/* the GUC machinery frees it with free() */
	if (*extra == NULL)
		return false;
	memcpy(*extra, mask, sizeof(mask));
	return true;
}

static void
assign_rules_off(const char *newval, void *extra)
{
	if (extra)
		memcpy(dp_rules_off, extra, sizeof(dp_rules_off));
	else
		memset(dp_rules_off, 0, sizeof(dp_rules_off));
}

void
pgdp_rules_init(void)
{
	DefineCustomStringVariable("diplo.rules_off",
							   "Stance rules switched off (comma-separated names of diplo.rules()).",
							   "For testing which rules the tests pin; every rule is on by default.",
							   &rules_off_setting,
							   "",
							   PGC_USERSET,
							   GUC_LIST_INPUT,
							   check_rules_off, assign_rules_off, NULL);
	MarkGUCPrefixReserved("diplo");
}

PG_FUNCTION_INFO_V1(diplo_rules);

/* diplo.rules(): every named rule, what it does and whether it is on. */
Datum
diplo_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	pgdp_init_srf(fcinfo);
	for (int r = 0; r < DP_RULE__COUNT; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = CStringGetTextDatum(dp_rule_names[r]);
		values[1] = CStringGetTextDatum(dp_rule_descriptions[r]);
		values[2] = BoolGetDatum(dp_rule_on((DpRule) r));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
