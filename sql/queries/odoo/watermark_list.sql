SELECT table_name, write_date, last_id::DOUBLE AS last_id
FROM odoo_watermarks
WHERE log_id = $log_id AND source = $source;
