-- After the new built-in rows (the update script's part after them): the
-- user's edits of built-in rows applied again, user rows that point at a
-- built-in row this version no longer has reported and removed, every
-- backend told to reload the dictionary.
SET LOCAL session_replication_role = origin;
SELECT diplo.snapshot_builtin();
SELECT diplo.apply_builtin_edit(u.tbl, u.key, u.data) FROM diplo.user_edit u
 ORDER BY array_position(diplo.dictionary_tables(), u.tbl), u.action DESC, u.key::text;
DO $refresh$
DECLARE
  n bigint;
  fk record;
BEGIN
  FOR fk IN SELECT c.conrelid::regclass AS child, c.confrelid::regclass AS parent,
                   pg_get_constraintdef(c.oid) AS def, c.oid
              FROM pg_constraint c
             WHERE c.contype = 'f' AND c.connamespace = 'diplo'::regnamespace
             ORDER BY c.conrelid::regclass::text DESC LOOP
    EXECUTE format('DELETE FROM %s t WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE (%s) = (%s)) AND (%s) IS NOT NULL',
                   fk.child, fk.parent,
                   (SELECT string_agg('p.' || quote_ident(a.attname), ', ' ORDER BY k.o)
                      FROM pg_constraint c, unnest(c.confkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attnum = k.n WHERE c.oid = fk.oid AND a.attrelid = c.confrelid),
                   (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY k.o)
                      FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attnum = k.n WHERE c.oid = fk.oid AND a.attrelid = c.conrelid),
                   (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY k.o)
                      FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attnum = k.n WHERE c.oid = fk.oid AND a.attrelid = c.conrelid));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
      RAISE WARNING 'diplo: % rows of % pointed at built-in rows of % that this version no longer has, and were removed',
        n, fk.child, fk.parent;
    END IF;
  END LOOP;
END
$refresh$;
DELETE FROM diplo.country WHERE false;
