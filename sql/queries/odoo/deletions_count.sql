-- Deletion events this run added (odoo_stg_del is filled by deletions_record).
SELECT count(*)::INTEGER AS n FROM events
WHERE log_id = $log_id AND run_id = $run_id AND event_id IN (SELECT event_id FROM odoo_stg_del);
