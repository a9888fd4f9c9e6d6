-- Step 4: relations and attribute changes. Aliases (`~…`) resolve through this run's and earlier
-- runs' object_aliases. A relation still naming an unresolved `~~` alias waits in
-- pending_relations for a later run (which retries it here); other relations whose event or
-- object does not exist (an unresolved `~` alias, a rejected record's object) are dropped. Each
-- relation is stored once; stored relations are only consulted for what this run touches.
INSERT INTO stg_event_object
SELECT 0, from_id, to_id, qualifier, false FROM pending_relations
WHERE log_id = (SELECT log_id FROM stg_run) AND kind = 'event_object';
INSERT INTO stg_object_object
SELECT 0, from_id, to_id, qualifier, false FROM pending_relations
WHERE log_id = (SELECT log_id FROM stg_run) AND kind = 'object_object';
DELETE FROM pending_relations WHERE log_id = (SELECT log_id FROM stg_run);

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
SELECT coalesce(ae.target, l.event_id) AS event_id, coalesce(ao.target, l.object_id) AS object_id, l.qualifier,
       bool_and(l.own) AS own
FROM stg_event_object l
LEFT JOIN stg_alias_map ae ON l.event_id = ae.alias
LEFT JOIN stg_alias_map ao ON l.object_id = ao.alias
GROUP BY ALL;

INSERT INTO pending_relations
SELECT (SELECT log_id FROM stg_run), 'event_object', event_id, object_id, qualifier, (SELECT run_id FROM stg_run)
FROM stg_eo WHERE starts_with(event_id, '~~') OR starts_with(object_id, '~~');

-- Links of this run's new events need no look-up of stored links; only links of events the store
-- had before this run do (two branches: an OR would make DuckDB check every row).
INSERT INTO event_object (log_id, event_id, object_id, qualifier)
WITH ev AS (
  SELECT event_id, run_id = (SELECT run_id FROM stg_run) AS is_new FROM events
  WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM stg_eo)
), ob AS (
  SELECT object_id FROM objects
  WHERE log_id = (SELECT log_id FROM stg_run) AND object_id IN (SELECT object_id FROM stg_eo WHERE NOT own)
), checked AS (
  SELECT x.event_id, x.object_id, x.qualifier, ev.is_new
  FROM stg_eo x JOIN ev ON ev.event_id = x.event_id
  WHERE x.own OR x.object_id IN (SELECT object_id FROM ob)
), old AS (
  SELECT event_id, object_id, qualifier FROM event_object
  WHERE log_id = (SELECT log_id FROM stg_run) AND event_id IN (SELECT event_id FROM ev WHERE NOT is_new)
)
SELECT (SELECT log_id FROM stg_run), event_id, object_id, qualifier FROM checked WHERE is_new
UNION ALL
SELECT (SELECT log_id FROM stg_run), c.event_id, c.object_id, c.qualifier FROM checked c
WHERE NOT c.is_new
  AND NOT EXISTS (SELECT 1 FROM old o WHERE o.event_id = c.event_id AND o.object_id = c.object_id AND o.qualifier = c.qualifier);

CREATE OR REPLACE TEMP TABLE stg_oo AS
SELECT coalesce(a1.target, l.source_id) AS source_id, coalesce(a2.target, l.target_id) AS target_id, l.qualifier,
       bool_and(l.own) AS own
FROM stg_object_object l
LEFT JOIN stg_alias_map a1 ON l.source_id = a1.alias
LEFT JOIN stg_alias_map a2 ON l.target_id = a2.alias
GROUP BY ALL;

INSERT INTO pending_relations
SELECT (SELECT log_id FROM stg_run), 'object_object', source_id, target_id, qualifier, (SELECT run_id FROM stg_run)
FROM stg_oo WHERE starts_with(source_id, '~~') OR starts_with(target_id, '~~');

-- Stored relations matter only when the source object was in the store before this run.
INSERT INTO object_object (log_id, source_id, target_id, qualifier, run_id)
WITH existed AS (
  SELECT object_id FROM objects
  WHERE log_id = (SELECT log_id FROM stg_run) AND run_id <> (SELECT run_id FROM stg_run)
    AND object_id IN (SELECT source_id FROM stg_oo)
), ob AS (
  SELECT object_id FROM objects WHERE log_id = (SELECT log_id FROM stg_run)
    AND object_id IN (SELECT source_id FROM stg_oo WHERE NOT own UNION SELECT target_id FROM stg_oo WHERE NOT own)
), checked AS (
  SELECT x.*, x.source_id IN (SELECT object_id FROM existed) AS source_existed
  FROM stg_oo x
  WHERE x.own OR (x.source_id IN (SELECT object_id FROM ob) AND x.target_id IN (SELECT object_id FROM ob))
), old AS (
  SELECT source_id, target_id, qualifier FROM object_object
  WHERE log_id = (SELECT log_id FROM stg_run)
    AND source_id IN (SELECT source_id FROM checked WHERE source_existed)
)
SELECT (SELECT log_id FROM stg_run), source_id, target_id, qualifier, (SELECT run_id FROM stg_run)
FROM checked WHERE NOT source_existed
UNION ALL
SELECT (SELECT log_id FROM stg_run), c.source_id, c.target_id, c.qualifier, (SELECT run_id FROM stg_run)
FROM checked c
WHERE c.source_existed
  AND NOT EXISTS (SELECT 1 FROM old o WHERE o.source_id = c.source_id AND o.target_id = c.target_id AND o.qualifier = c.qualifier);

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
