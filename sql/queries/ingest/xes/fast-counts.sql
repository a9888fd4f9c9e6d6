-- XES fast path: what the run did, for the ingest_runs row and the IngestResult.
SELECT (SELECT count(*) FROM xes_obj WHERE object_id NOT IN (SELECT object_id FROM xes_obj_existing))::INTEGER AS objects_added,
       (SELECT count(*) FROM xes_present)::INTEGER AS rows_duplicate
