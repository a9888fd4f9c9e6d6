-- Rows the Odoo ingest found deleted in Odoo, newest first (optionally of one run): for the
-- Ingest page and `throughline stats`.
SELECT r.deleted_run_id AS run_id, r.table_name, r.id::DOUBLE AS odoo_id,
       strftime(r.deleted_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS deleted_at,
       'odoo:' || r.table_name || ':' || r.id || ':deleted' AS event_id
FROM odoo_rows r
WHERE r.log_id = $log_id AND r.deleted_run_id IS NOT NULL AND ($run_id::VARCHAR IS NULL OR r.deleted_run_id = $run_id)
ORDER BY r.deleted_at DESC, r.table_name, r.id;
