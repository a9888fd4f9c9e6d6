-- Removes a log's calendar windows before a re-evaluation writes them anew.
DELETE FROM sla_calendar_windows WHERE log_id = $log_id
