-- The events of csv_ev the log already has (rows loaded before: duplicates). Run only when the
-- log has events; present_none.sql otherwise.
CREATE OR REPLACE TEMP TABLE csv_present AS
SELECT event_id FROM csv_ev WHERE event_id IN (SELECT event_id FROM events WHERE log_id = $log_id);
