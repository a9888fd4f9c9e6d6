-- What the merge did, for the ingest_runs row and the IngestResult.
SELECT ((SELECT count(*) FROM stg_events) - (SELECT count(*) FROM stg_ev_skip))::INTEGER AS events_added,
       (SELECT count(*) FROM stg_obj WHERE object_id NOT IN (SELECT object_id FROM stg_obj_existing))::INTEGER AS objects_added,
       (SELECT count(*) FROM stg_dup)::INTEGER AS rows_duplicate,
       (SELECT count(*) FROM stg_sql_rejects)::INTEGER AS rows_rejected_at_merge;
