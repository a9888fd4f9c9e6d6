-- The trace of the most frequent variant (ties: the smaller variant text), for a log without a
-- reference model: one case of it, in trace order.
WITH top AS (
  SELECT variant FROM cases WHERE log_id = $log_id AND perspective = $perspective
  GROUP BY variant ORDER BY count(*) DESC, variant LIMIT 1
),
one AS (
  SELECT min(c.case_no) AS case_no FROM cases c JOIN top USING (variant)
  WHERE c.log_id = $log_id AND c.perspective = $perspective
)
SELECT t.activity FROM case_trace t JOIN one USING (case_no)
WHERE t.log_id = $log_id AND t.perspective = $perspective
ORDER BY t.seq
