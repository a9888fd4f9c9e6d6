-- The run's constants, as a one-row TEMP table the merge scripts read (scripts take no parameters).
CREATE OR REPLACE TEMP TABLE stg_run AS
SELECT $run_id::VARCHAR AS run_id, $log_id::VARCHAR AS log_id, $source_system::VARCHAR AS source_system;
