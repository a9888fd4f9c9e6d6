-- Deviations of the selected cases grouped by kind and step: cases affected (a case has at most
-- one row per kind, step and bound), deviation units, total and median cost over the cases that
-- have a cost (skipped steps have none).
SELECT kind, activity, related_activity, position, min(step_no)::INTEGER AS step_no,
       count(*)::INTEGER AS cases,
       sum(count)::INTEGER AS units,
       sum(cost_seconds)::DOUBLE AS total_cost_seconds,
       median(cost_seconds)::DOUBLE AS median_cost_seconds
FROM case_deviations
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
GROUP BY kind, activity, related_activity, position
ORDER BY cases DESC, kind, step_no NULLS LAST, activity
