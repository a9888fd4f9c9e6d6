-- The live rows of a table that Odoo no longer has (its ids are in odoo_stg_live).
INSERT INTO odoo_stg_gone
SELECT o.table_name, o.id
FROM odoo_rows o
WHERE o.log_id = $log_id AND o.source = $source AND o.table_name = $table_name AND o.deleted_run_id IS NULL
  AND o.id NOT IN (SELECT id FROM odoo_stg_live WHERE table_name = $table_name);
