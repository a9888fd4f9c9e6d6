-- Drops one (log, perspective) case view before it is rebuilt.
DELETE FROM case_trace WHERE log_id = $log_id AND perspective = $perspective
