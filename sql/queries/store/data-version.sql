-- What a log's derived answers depend on in the store, as one string (server/result-cache.ts): each
-- perspective's last refresh, the ingest runs and the SLA evaluations. An ingest, a refresh or a
-- new SLA evaluation changes it; a notebook save or an audit entry does not.
SELECT concat_ws('|',
  (SELECT string_agg(perspective || '@' || strftime(refreshed_at, '%Y-%m-%dT%H:%M:%S.%f'), ',' ORDER BY perspective)
   FROM case_view_state WHERE log_id = $log_id),
  (SELECT count(*) || '@' || coalesce(strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S.%f'), '-') || '@' || count(*) FILTER (WHERE status = 'running')
   FROM ingest_runs WHERE log_id = $log_id),
  (SELECT string_agg(perspective || '@' || policy_hash || '@' || fingerprint, ',' ORDER BY perspective)
   FROM sla_state WHERE log_id = $log_id)
) AS version
