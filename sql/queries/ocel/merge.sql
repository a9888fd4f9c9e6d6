-- Moves a staged OCEL import into the canonical tables (docs/model.md). Duplicates against the
-- store were already left out by ingest/ocel/load.ts; new events get seq = store's last seq + ord.
INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, attrs, source_system, source_file, source_key, run_id)
SELECT run.log_id, e.event_id, e.activity, epoch_ms(e.ts_ms::BIGINT), 'second',
       (SELECT coalesce(max(seq), 0) FROM events) + e.ord::BIGINT, e.attrs::JSON, 'ocel', run.source_file, e.event_id, run.run_id
FROM ocel_stg_events e CROSS JOIN ocel_stg_run run
ORDER BY e.ord;

INSERT INTO objects (log_id, object_id, object_type, attrs, source_system, source_key, run_id)
SELECT run.log_id, o.object_id, o.object_type, o.attrs::JSON, 'ocel', o.object_id, run.run_id
FROM ocel_stg_objects o CROSS JOIN ocel_stg_run run;

INSERT INTO object_changes (log_id, object_id, ts, field, old_value, new_value, event_id, run_id)
SELECT run.log_id, c.object_id, epoch_ms(c.ts_ms::BIGINT), c.field, c.old_value, c.new_value, NULL, run.run_id
FROM ocel_stg_changes c CROSS JOIN ocel_stg_run run
ORDER BY c.n;

INSERT INTO event_object (log_id, event_id, object_id, qualifier)
SELECT run.log_id, x.event_id, x.object_id, x.qualifier FROM ocel_stg_eo x CROSS JOIN ocel_stg_run run;

INSERT INTO object_object (log_id, source_id, target_id, qualifier, run_id)
SELECT run.log_id, x.source_id, x.target_id, x.qualifier, run.run_id FROM ocel_stg_oo x CROSS JOIN ocel_stg_run run;
