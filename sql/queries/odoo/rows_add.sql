-- Steps after the ids of the run's rows are in odoo_stg_read: record the new ones; a row that
-- was marked deleted and is back (a restored backup) is live again.
INSERT INTO odoo_rows (log_id, source, table_name, id, run_id, deleted_run_id, deleted_at)
SELECT run.log_id, run.source, r.table_name, r.id, run.run_id, NULL, NULL
FROM (SELECT DISTINCT table_name, id FROM odoo_stg_read) r CROSS JOIN odoo_stg_run run
WHERE NOT EXISTS (SELECT 1 FROM odoo_rows o
                  WHERE o.log_id = run.log_id AND o.source = run.source AND o.table_name = r.table_name AND o.id = r.id);

UPDATE odoo_rows SET deleted_run_id = NULL, deleted_at = NULL
FROM (SELECT DISTINCT table_name, id FROM odoo_stg_read) r
WHERE odoo_rows.deleted_run_id IS NOT NULL
  AND odoo_rows.log_id = (SELECT log_id FROM odoo_stg_run) AND odoo_rows.source = (SELECT source FROM odoo_stg_run)
  AND odoo_rows.table_name = r.table_name AND odoo_rows.id = r.id;
