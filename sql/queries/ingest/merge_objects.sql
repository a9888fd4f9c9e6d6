-- Step 3: objects. Attributes of all the run's records for an object are merged in source order
-- (later values win); an object the store already has gets them merged into its attributes and
-- keeps its type and lineage; a new object is inserted with its first record's lineage.
CREATE OR REPLACE TEMP TABLE stg_obj AS
WITH grouped AS (
  SELECT object_id, arg_min(object_type, rec) AS object_type, min(rec) AS first_rec,
         list(attrs::JSON ORDER BY rec) FILTER (WHERE attrs <> '{}') AS patches
  FROM stg_objects GROUP BY object_id
)
SELECT object_id, object_type, first_rec,
       CASE len(patches) WHEN 0 THEN '{}'::JSON WHEN 1 THEN patches[1]
            ELSE list_reduce(patches, lambda a, b: json_merge_patch(a, b)) END AS attrs,
       object_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run)) AS existing
FROM grouped;

UPDATE objects SET attrs = json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs)
FROM stg_obj s
WHERE s.existing AND s.attrs::VARCHAR <> '{}'
  AND objects.log_id = (SELECT log_id FROM stg_run) AND objects.object_id = s.object_id
  AND json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs)::VARCHAR IS DISTINCT FROM objects.attrs::VARCHAR;

INSERT INTO objects (log_id, object_id, object_type, attrs, source_system, source_key, run_id)
SELECT run.log_id, s.object_id, s.object_type, s.attrs, run.source_system,
       regexp_replace(r.record_key, '#[0-9a-z]+$', ''), run.run_id
FROM stg_obj s JOIN stg_records r ON r.rec = s.first_rec CROSS JOIN stg_run run
WHERE NOT s.existing
ORDER BY s.first_rec, s.object_id;
