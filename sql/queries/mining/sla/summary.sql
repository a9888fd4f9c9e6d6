-- Per rule: clocks by status and the business hours finished clocks took (median, p90), over the
-- selected cases of a (log, perspective). A clock of an object shared by two cases counts in each.
SELECT rule_id,
       count(*) FILTER (WHERE status = 'met')::INTEGER AS met,
       count(*) FILTER (WHERE status = 'breached')::INTEGER AS breached,
       count(*) FILTER (WHERE status = 'open')::INTEGER AS open,
       count(*) FILTER (WHERE status = 'at_risk')::INTEGER AS at_risk,
       count(*) FILTER (WHERE status = 'open_breached')::INTEGER AS open_breached,
       count(*) FILTER (WHERE status = 'exempt')::INTEGER AS exempt,
       count(*) FILTER (WHERE status = 'restarted')::INTEGER AS restarted,
       count(*) FILTER (WHERE severity = 'minor')::INTEGER AS minor,
       count(*) FILTER (WHERE severity = 'major')::INTEGER AS major,
       count(*) FILTER (WHERE severity = 'critical')::INTEGER AS critical,
       median(used_seconds) FILTER (WHERE status IN ('met', 'breached')) / 3600 AS median_business_hours,
       quantile_cont(used_seconds, 0.9) FILTER (WHERE status IN ('met', 'breached')) / 3600 AS p90_business_hours
FROM sla_clocks
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
GROUP BY rule_id
