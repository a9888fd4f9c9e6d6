-- Step 4: relations and attribute changes. Aliases (`~…`) resolve through this run's and earlier
-- runs' object_aliases; a relation whose event or object does not exist (an unresolved alias, a
-- rejected record's object) is dropped; each relation is stored once. Stored relations are only
-- consulted for the events and objects this run touches.
CREATE OR REPLACE TEMP TABLE stg_alias_map AS
WITH used AS (
  SELECT event_id AS alias FROM stg_event_object WHERE starts_with(event_id, '~')
  UNION SELECT object_id FROM stg_event_object WHERE starts_with(object_id, '~')
  UNION SELECT source_id FROM stg_object_object WHERE starts_with(source_id, '~')
  UNION SELECT target_id FROM stg_object_object WHERE starts_with(target_id, '~')
)
SELECT DISTINCT alias, target FROM (
  SELECT alias, target FROM stg_aliases WHERE alias IN (SELECT alias FROM used)
  UNION ALL
  SELECT alias, target FROM object_aliases
  WHERE log_id = (SELECT log_id FROM stg_run) AND alias IN (SELECT alias FROM used)
);

CREATE OR REPLACE TEMP TABLE stg_eo AS
SELECT DISTINCT coalesce(ae.target, l.event_id) AS event_id, coalesce(ao.target, l.object_id) AS object_id, l.qualifier
FROM stg_event_object l
LEFT JOIN stg_alias_map ae ON l.event_id = ae.alias
LEFT JOIN stg_alias_map ao ON l.object_id = ao.alias;

INSERT INTO event_object (log_id, event_id, object_id, qualifier)
WITH ev AS (
  SELECT event_id FROM events WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM stg_eo)
), ob AS (
  SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run) AND object_id IN (SELECT object_id FROM stg_eo)
), old AS (
  SELECT event_id, object_id, qualifier FROM event_object
  WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM stg_eo)
)
SELECT (SELECT log_id FROM stg_run), x.event_id, x.object_id, x.qualifier
FROM stg_eo x
WHERE x.event_id IN (SELECT event_id FROM ev) AND x.object_id IN (SELECT object_id FROM ob)
  AND NOT EXISTS (SELECT 1 FROM old o WHERE o.event_id = x.event_id AND o.object_id = x.object_id AND o.qualifier = x.qualifier);

CREATE OR REPLACE TEMP TABLE stg_oo AS
SELECT DISTINCT coalesce(a1.target, l.source_id) AS source_id, coalesce(a2.target, l.target_id) AS target_id, l.qualifier
FROM stg_object_object l
LEFT JOIN stg_alias_map a1 ON l.source_id = a1.alias
LEFT JOIN stg_alias_map a2 ON l.target_id = a2.alias;

INSERT INTO object_object (log_id, source_id, target_id, qualifier, run_id)
WITH ob AS (
  SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run)
    AND object_id IN (SELECT source_id FROM stg_oo UNION SELECT target_id FROM stg_oo)
), old AS (
  SELECT source_id, target_id, qualifier FROM object_object
  WHERE log_id = (SELECT log_id FROM stg_run) AND source_id IN (SELECT source_id FROM stg_oo)
)
SELECT (SELECT log_id FROM stg_run), x.source_id, x.target_id, x.qualifier, (SELECT run_id FROM stg_run)
FROM stg_oo x
WHERE x.source_id IN (SELECT object_id FROM ob) AND x.target_id IN (SELECT object_id FROM ob)
  AND NOT EXISTS (SELECT 1 FROM old o WHERE o.source_id = x.source_id AND o.target_id = x.target_id AND o.qualifier = x.qualifier);

INSERT INTO object_changes (log_id, object_id, ts, field, old_value, new_value, event_id, run_id)
WITH resolved AS (
  SELECT DISTINCT c.object_id, epoch_ms(round(coalesce(c.ts_ms, h.ts_ms))::BIGINT) AS ts, c.field, c.old_value, c.new_value, c.event_id
  FROM stg_changes c LEFT JOIN stg_hdr h ON c.hdr = h.hdr
), old AS (
  SELECT object_id, ts, field, old_value, new_value FROM object_changes
  WHERE log_id = (SELECT log_id FROM stg_run) AND object_id IN (SELECT object_id FROM resolved)
)
SELECT (SELECT log_id FROM stg_run), x.object_id, x.ts, x.field, x.old_value, x.new_value, x.event_id, (SELECT run_id FROM stg_run)
FROM resolved x
WHERE x.object_id IN (SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run))
  AND NOT EXISTS (SELECT 1 FROM old o
                  WHERE o.object_id = x.object_id AND o.field = x.field AND o.ts = x.ts
                    AND o.old_value IS NOT DISTINCT FROM x.old_value AND o.new_value IS NOT DISTINCT FROM x.new_value);
