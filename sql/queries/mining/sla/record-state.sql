-- Records what an SLA evaluation was made from (policy, case view fingerprint) and how many clocks it wrote.
INSERT OR REPLACE INTO sla_state
SELECT $log_id, $perspective, $policy_version, $policy_hash,
  (SELECT fingerprint FROM case_view_state WHERE log_id = $log_id AND perspective = $perspective),
  $as_of::TIMESTAMP,
  (SELECT count(*) FROM sla_clocks WHERE log_id = $log_id AND perspective = $perspective),
  now()::TIMESTAMP, $seconds::DOUBLE
