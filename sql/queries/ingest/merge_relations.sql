-- Step 4: relations and attribute changes. Aliases (`~…`) resolve through this run's and earlier
-- runs' object_aliases; a relation whose event or object does not exist (unresolved alias, a
-- rejected record's object) is dropped; each relation is stored once.
CREATE OR REPLACE TEMP TABLE stg_alias_map AS
SELECT DISTINCT alias, target FROM (
  SELECT alias, target FROM stg_aliases
  UNION ALL
  SELECT alias, target FROM object_aliases WHERE log_id = (SELECT log_id FROM stg_run)
);

INSERT INTO event_object (log_id, event_id, object_id, qualifier)
WITH resolved AS (
  SELECT coalesce(ae.target, l.event_id) AS event_id, coalesce(ao.target, l.object_id) AS object_id,
         l.qualifier, l.rec
  FROM stg_event_object l
  LEFT JOIN stg_alias_map ae ON l.event_id = ae.alias
  LEFT JOIN stg_alias_map ao ON l.object_id = ao.alias
)
SELECT (SELECT log_id FROM stg_run), x.event_id, x.object_id, x.qualifier
FROM resolved x
WHERE x.event_id IN (SELECT event_id FROM events WHERE log_id = (SELECT log_id FROM stg_run))
  AND x.object_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
  AND NOT EXISTS (SELECT 1 FROM event_object o
                  WHERE o.log_id = (SELECT log_id FROM stg_run) AND o.event_id = x.event_id
                    AND o.object_id = x.object_id AND o.qualifier = x.qualifier)
QUALIFY row_number() OVER (PARTITION BY x.event_id, x.object_id, x.qualifier ORDER BY x.rec) = 1
ORDER BY x.rec, x.event_id, x.object_id, x.qualifier;

INSERT INTO object_object (log_id, source_id, target_id, qualifier, run_id)
WITH resolved AS (
  SELECT coalesce(a1.target, l.source_id) AS source_id, coalesce(a2.target, l.target_id) AS target_id,
         l.qualifier, l.rec
  FROM stg_object_object l
  LEFT JOIN stg_alias_map a1 ON l.source_id = a1.alias
  LEFT JOIN stg_alias_map a2 ON l.target_id = a2.alias
)
SELECT (SELECT log_id FROM stg_run), x.source_id, x.target_id, x.qualifier, (SELECT run_id FROM stg_run)
FROM resolved x
WHERE x.source_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
  AND x.target_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
  AND NOT EXISTS (SELECT 1 FROM object_object o
                  WHERE o.log_id = (SELECT log_id FROM stg_run) AND o.source_id = x.source_id
                    AND o.target_id = x.target_id AND o.qualifier = x.qualifier)
QUALIFY row_number() OVER (PARTITION BY x.source_id, x.target_id, x.qualifier ORDER BY x.rec) = 1
ORDER BY x.rec, x.source_id, x.target_id, x.qualifier;

INSERT INTO object_changes (log_id, object_id, ts, field, old_value, new_value, event_id, run_id)
WITH resolved AS (
  SELECT c.rec, c.object_id, epoch_ms(round(coalesce(c.ts_ms, h.ts_ms))::BIGINT) AS ts, c.field, c.old_value, c.new_value, c.event_id
  FROM stg_changes c LEFT JOIN stg_hdr h ON c.hdr = h.hdr
)
SELECT (SELECT log_id FROM stg_run), x.object_id, x.ts, x.field, x.old_value, x.new_value, x.event_id,
       (SELECT run_id FROM stg_run)
FROM resolved x
WHERE x.object_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
  AND NOT EXISTS (SELECT 1 FROM object_changes o
                  WHERE o.log_id = (SELECT log_id FROM stg_run) AND o.object_id = x.object_id
                    AND o.field = x.field AND o.ts = x.ts
                    AND o.old_value IS NOT DISTINCT FROM x.old_value
                    AND o.new_value IS NOT DISTINCT FROM x.new_value)
QUALIFY row_number() OVER (PARTITION BY x.object_id, x.field, x.ts, x.old_value, x.new_value ORDER BY x.rec) = 1
ORDER BY x.rec, x.object_id, x.field;
