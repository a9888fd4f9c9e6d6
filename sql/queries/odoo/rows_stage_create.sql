-- Hard-delete detection (ingest/odoo/deletions.ts), inside the run's transaction: the run's
-- constants, the ids this run read (per table), the ids Odoo still has (only for tables whose
-- count/sum check differed) and the ids found gone.
CREATE OR REPLACE TEMP TABLE odoo_stg_run AS
SELECT $log_id::VARCHAR AS log_id, $source::VARCHAR AS source, $run_id::VARCHAR AS run_id, $deleted_at::TIMESTAMP AS deleted_at;
