DELETE FROM invoice_settlement WHERE log_id = $log_id
