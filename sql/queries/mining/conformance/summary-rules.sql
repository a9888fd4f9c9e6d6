-- Rule violations of the selected cases per rule: violating events, cases, total and median cost.
SELECT rule_id, (count(*))::INTEGER AS violations, count(DISTINCT case_no)::INTEGER AS cases,
       sum(cost_seconds)::DOUBLE AS total_cost_seconds, median(cost_seconds)::DOUBLE AS median_cost_seconds
FROM case_rule_violations
WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
GROUP BY rule_id
