-- The run's ingest_runs row counts the deletion events it added.
UPDATE ingest_runs SET events_added = events_added + $n WHERE run_id = $run_id;
