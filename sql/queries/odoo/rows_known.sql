-- How many rows of a table the store has ever recorded (0: no baseline yet).
SELECT count(*)::INTEGER AS n
FROM odoo_rows
WHERE log_id = $log_id AND source = $source AND table_name = $table_name;
