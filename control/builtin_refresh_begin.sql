-- Replace the built-in dictionary rows of the installed version by this
-- version's (the update script's part before the new rows).  Foreign keys
-- and the dictionary's triggers are off while the rows are swapped
-- (session_replication_role = replica): a user row may point at a built-in
-- row that is deleted here and comes back below.  A new built-in row whose
-- key a user row holds is not inserted: the user's row stays.
SET LOCAL session_replication_role = replica;
DO $refresh$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY (SELECT array_agg(x ORDER BY o DESC) FROM unnest(diplo.dictionary_tables()) WITH ORDINALITY u(x, o)) LOOP
    EXECUTE format('DELETE FROM diplo.%I WHERE builtin', t);
  END LOOP;
END
$refresh$;
