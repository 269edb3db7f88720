/*
 * pg_hint.c
 *	  A hint on permission errors about the dictionary tables.
 *
 * Only the owner and members of diplo_admin may change the dictionary, and
 * the error PostgreSQL raises for anyone else ("permission denied for table
 * cue") has no hint of its own.  An emit_log_hook adds one.  It works in the
 * sessions that have loaded diplo: any call of a diplo function loads it,
 * and session_preload_libraries = 'diplo' loads it in every session.
 *
 * The hook runs while the error is being reported, before the transaction
 * is cleaned up: it looks only at the error's own strings, never at the
 * catalogs.
 */
#include "postgres.h"

#include "utils/elog.h"

#include "pg_diplo.h"

static emit_log_hook_type prev_emit_log_hook = NULL;

/* diplo.dictionary_tables(), and user_edit which they write */
static const char *const dictionary_tables[] = {
	"country", "entity", "alias", "demonym", "role", "name_head", "name_cue", "furniture",
	"particle", "name_hint", "topic", "topic_term", "cue", "modifier", "user_edit"
};

static void
diplo_emit_log(ErrorData *edata)
{
	/* aclcheck_error()'s message for a table; its last word is the name */
	if (edata->elevel >= ERROR && edata->sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE &&
		edata->hint == NULL && edata->message != NULL && edata->message_id != NULL &&
		strcmp(edata->message_id, "permission denied for table %s") == 0)
	{
		const char *name = strrchr(edata->message, ' ');

		name = name ? name + 1 : edata->message;
		for (size_t i = 0; i < lengthof(dictionary_tables); i++)
			if (strcmp(name, dictionary_tables[i]) == 0)
			{
				edata->hint = pstrdup("If this is a table of the diplo dictionary: only its owner and "
									  "members of role diplo_admin may change it (GRANT diplo_admin TO ...).");
				break;
			}
	}
	if (prev_emit_log_hook)
		prev_emit_log_hook(edata);
}

void
pgdp_hint_init(void)
{
	prev_emit_log_hook = emit_log_hook;
	emit_log_hook = diplo_emit_log;
}
