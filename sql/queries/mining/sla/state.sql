-- The recorded SLA evaluation of a (log, perspective) and the case view's current fingerprint.
SELECT s.policy_hash, s.fingerprint AS sla_fingerprint, v.fingerprint AS view_fingerprint,
       strftime(s.as_of, '%Y-%m-%dT%H:%M:%SZ') AS as_of, s.policy_version, s.clocks
FROM (SELECT $log_id AS log_id, $perspective AS perspective) q
LEFT JOIN sla_state s USING (log_id, perspective)
LEFT JOIN case_view_state v USING (log_id, perspective)
