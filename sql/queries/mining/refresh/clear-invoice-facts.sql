DELETE FROM invoice_facts WHERE log_id = $log_id
