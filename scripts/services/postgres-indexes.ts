/**
 * FerretDB v1's PostgreSQL backend stores each document as one `jsonb` column and turns an
 * equality filter such as `{ family: x }` into `_jsonb -> 'family' @> '"x"'`. The indexes it
 * creates for our mongoose indexes are btree indexes on `(_jsonb -> 'family')`, which `@>`
 * cannot use, so every read (even by `_id`) scans the whole collection: with 200,000 bookings
 * a family's bookings took ~100 ms.
 *
 * This SQL, installed in the cluster we start for FerretDB, mirrors each of FerretDB's btree
 * indexes with a GIN index on each field the btree covers, which `@>` can use. An event trigger
 * does it as FerretDB creates an index; the backfill covers indexes made before. With
 * `plan_cache_mode = force_custom_plan` (FerretDB's driver reuses prepared statements whose
 * field name is a parameter, and only a plan made with the value can match an index on
 * `_jsonb -> 'family'`), the same read takes ~3 ms. MongoDB, in production, needs none of this:
 * it uses its own indexes, and the application code is the same.
 */
export const POSTGRES_SETTINGS = ['plan_cache_mode=force_custom_plan'];

export const MIRROR_INDEXES_SQL = String.raw`
CREATE OR REPLACE FUNCTION harbour_mirror_index(btree regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  tbl regclass;
  keys int;
  field text;
BEGIN
  SELECT i.indrelid::regclass, i.indnatts INTO tbl, keys
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
   WHERE i.indexrelid = btree AND a.amname = 'btree';
  IF tbl IS NULL THEN RETURN; END IF;
  FOR k IN 1..keys LOOP
    field := substring(pg_get_indexdef(btree, k, true) FROM $re$^\(_jsonb -> '((?:[^']|'')+)'::text\)$$re$);
    IF field IS NOT NULL THEN
      field := replace(field, '''''', '''');
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L))',
        left((SELECT relname FROM pg_class WHERE oid = tbl), 40) || '_gin_' || left(md5(field), 10),
        tbl, field);
    END IF;
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION harbour_mirror_new_indexes() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  created record;
BEGIN
  FOR created IN SELECT objid FROM pg_event_trigger_ddl_commands()
                  WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    PERFORM harbour_mirror_index(created.objid::regclass);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS harbour_mirror_indexes;
CREATE EVENT TRIGGER harbour_mirror_indexes ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION harbour_mirror_new_indexes();

SELECT harbour_mirror_index(i.indexrelid::regclass)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public', 'pg_toast');
`;
