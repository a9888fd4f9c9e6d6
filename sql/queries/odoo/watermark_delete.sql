DELETE FROM odoo_watermarks WHERE log_id = $log_id AND source = $source AND table_name = $table_name;
