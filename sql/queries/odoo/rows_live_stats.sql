-- Count and sum of the ids of a table the store holds as still present in Odoo.
SELECT count(*)::VARCHAR AS count, coalesce(sum(id)::HUGEINT, 0)::VARCHAR AS sum
FROM odoo_rows
WHERE log_id = $log_id AND source = $source AND table_name = $table_name AND deleted_run_id IS NULL;
