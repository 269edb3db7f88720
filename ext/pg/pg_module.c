/*
 * pg_module.c
 *	  The module's entry point: PG_MODULE_MAGIC and _PG_init(), which
 *	  registers the dictionary cache's invalidation callback (pg_dict.c), the
 *	  setting diplo.rules_off (pg_rules.c) and the hint on permission errors
 *	  (pg_hint.c).  Nothing else includes the other pg_ modules' headers
 *	  together, so the modules depend on pg_diplo.h and not on each other.
 */
#include "postgres.h"

#include "fmgr.h"

#include "pg_diplo.h"
#include "pg_dict.h"

PG_MODULE_MAGIC;

#ifdef DIPLO_ASAN
/*
 * Sanitizer builds only (scripts/sanitize.sh).  A backend cannot take
 * ASAN_OPTIONS from its environment: the runtime reads /proc/self/environ,
 * which the postmaster overwrites with its process title.  libasan arrives
 * with diplo.so, after the server started, hence verify_asan_link_order=0.
 */
extern const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "verify_asan_link_order=0:detect_leaks=0:abort_on_error=0:"
		"log_path=" DIPLO_ASAN "/asan";
}
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	pgdp_dict_init();
	pgdp_rules_init();
	pgdp_hint_init();
}
