-- Step 3: objects. The run's attributes for an object are merged in source order (later values
-- win). Cheap cases first: one record with attributes, or all records setting the same attribute
-- names (key_sig), take the last record's; two records, one json_merge_patch; more (rare), a fold.
-- An object the store already has gets them merged into its attributes and keeps its type and
-- lineage; a new object is inserted with its first record's lineage.
CREATE OR REPLACE TEMP TABLE stg_obj AS
WITH g AS (
  SELECT object_id, arg_min(object_type, rec) AS object_type, arg_min(source_key, rec) AS source_key,
         count(*) FILTER (WHERE attrs <> '{}') AS patches,
         min(key_sig) FILTER (WHERE attrs <> '{}') = max(key_sig) FILTER (WHERE attrs <> '{}') AS same_keys,
         arg_min(attrs, rec) FILTER (WHERE attrs <> '{}') AS first_attrs,
         arg_max(attrs, rec) FILTER (WHERE attrs <> '{}') AS last_attrs
  FROM stg_objects GROUP BY object_id
)
SELECT object_id, object_type, source_key, patches,
       CASE WHEN patches <= 1 OR same_keys THEN last_attrs
            WHEN patches = 2 THEN json_merge_patch(first_attrs::JSON, last_attrs::JSON)::VARCHAR
       END AS attrs
FROM g;

UPDATE stg_obj SET attrs = m.attrs
FROM (
  SELECT object_id, list_reduce(list(attrs::JSON ORDER BY rec), lambda a, b: json_merge_patch(a, b))::VARCHAR AS attrs
  FROM stg_objects
  WHERE attrs <> '{}' AND object_id IN (SELECT object_id FROM stg_obj WHERE patches > 2 AND attrs IS NULL)
  GROUP BY object_id
) m
WHERE stg_obj.object_id = m.object_id;

CREATE OR REPLACE TEMP TABLE stg_obj_existing AS
SELECT object_id FROM objects
WHERE log_id = (SELECT log_id FROM stg_run) AND object_id IN (SELECT object_id FROM stg_obj);

UPDATE objects SET attrs = json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs::JSON)
FROM stg_obj s
WHERE s.attrs IS NOT NULL AND s.object_id IN (SELECT object_id FROM stg_obj_existing)
  AND objects.log_id = (SELECT log_id FROM stg_run) AND objects.object_id = s.object_id
  AND json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs::JSON)::VARCHAR IS DISTINCT FROM objects.attrs::VARCHAR;

INSERT INTO objects (log_id, object_id, object_type, attrs, source_system, source_key, run_id)
SELECT run.log_id, s.object_id, s.object_type, coalesce(s.attrs, '{}')::JSON, run.source_system, s.source_key, run.run_id
FROM stg_obj s CROSS JOIN stg_run run
WHERE s.object_id NOT IN (SELECT object_id FROM stg_obj_existing);
