-- Unpacks load.ts's JSON chunks: events [ord, id, type, ts_ms, attrs], objects [id, type, attrs],
-- changes [n, object_id, ts_ms, field, old, new], e2o [event, object, qualifier], o2o [source, target, qualifier].
-- Times are UTC epoch ms; ord/n = position in the file.
CREATE OR REPLACE TEMP TABLE ocel_stg_events AS
SELECT r[1]::BIGINT AS ord, r[2] AS event_id, r[3] AS activity, r[4]::DOUBLE AS ts_ms, r[5] AS attrs
FROM (SELECT unnest(from_json(chunk, '[["VARCHAR"]]')) AS r FROM ocel_stg_chunks WHERE tbl = 'events');
CREATE OR REPLACE TEMP TABLE ocel_stg_objects AS
SELECT r[1] AS object_id, r[2] AS object_type, r[3] AS attrs
FROM (SELECT unnest(from_json(chunk, '[["VARCHAR"]]')) AS r FROM ocel_stg_chunks WHERE tbl = 'objects');
CREATE OR REPLACE TEMP TABLE ocel_stg_changes AS
SELECT r[1]::BIGINT AS n, r[2] AS object_id, r[3]::DOUBLE AS ts_ms, r[4] AS field, r[5] AS old_value, r[6] AS new_value
FROM (SELECT unnest(from_json(chunk, '[["VARCHAR"]]')) AS r FROM ocel_stg_chunks WHERE tbl = 'changes');
CREATE OR REPLACE TEMP TABLE ocel_stg_eo AS
SELECT r[1] AS event_id, r[2] AS object_id, r[3] AS qualifier
FROM (SELECT unnest(from_json(chunk, '[["VARCHAR"]]')) AS r FROM ocel_stg_chunks WHERE tbl = 'eo');
CREATE OR REPLACE TEMP TABLE ocel_stg_oo AS
SELECT r[1] AS source_id, r[2] AS target_id, r[3] AS qualifier
FROM (SELECT unnest(from_json(chunk, '[["VARCHAR"]]')) AS r FROM ocel_stg_chunks WHERE tbl = 'oo');
