-- Drops one (log, perspective) case view before it is rebuilt.
DELETE FROM case_events WHERE log_id = $log_id AND perspective = $perspective
