-- Removes the SLA clocks of a (log, perspective) before a re-evaluation.
DELETE FROM sla_clocks WHERE log_id = $log_id AND perspective = $perspective
