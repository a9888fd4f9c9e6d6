CREATE OR REPLACE TEMP TABLE ocel_stg_run AS
SELECT $run_id::VARCHAR AS run_id, $log_id::VARCHAR AS log_id, $source_file::VARCHAR AS source_file;
