-- Queue sla: SLA clocks still running that are past their due time (open_breached) or past the
-- at-risk share of their allowance (at_risk), from sla_clocks (mining/sla). One row per clock;
-- the object is the clock's entity when it is not the order (a delivery, a dispute). Waiting since
-- the clock started. $rule_teams: JSON object rule id → owner team (from the rule's end events).
SELECT c.case_no, CASE WHEN c.entity_id <> c.case_id THEN c.entity_id END AS object_id,
       c.start_ts AS since_ts, c.due_ts, NULL::DOUBLE AS amount, NULL::VARCHAR AS currency,
       coalesce(json_extract_string($rule_teams, '$."' || c.rule_id || '"'), 'Operations') AS team,
       c.rule_id AS detail, c.status, NULL::VARCHAR AS warehouse
FROM sla_clocks c
WHERE c.log_id = $log_id AND c.perspective = $perspective
  AND c.status IN ('open_breached', 'at_risk')
  AND c.case_no IN __SELECTED_CASES__
