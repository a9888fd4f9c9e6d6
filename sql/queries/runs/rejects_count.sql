-- How many rejected records rejects.sql pages through for a run.
SELECT count(*)::DOUBLE AS n FROM rejects WHERE run_id = $run_id
