-- One ingest run by id, with its duration (the header of the rejects view).
SELECT * EXCLUDE (started_ts) FROM ingest_run_rows WHERE run_id = $run_id
