INSERT INTO odoo_watermarks (log_id, source, table_name, write_date, last_id, run_id, updated_at)
VALUES ($log_id, $source, $table_name, $write_date, $last_id, $run_id, now()::TIMESTAMP);
