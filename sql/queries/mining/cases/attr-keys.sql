-- The attribute names of a perspective's case objects (objects whose id is a case id), read from a
-- sample of 500 cases: the extra columns a non-O2C case table can show.
WITH sample AS (
  SELECT case_id FROM cases WHERE log_id = $log_id AND perspective = $perspective LIMIT 500
)
SELECT k AS key, count(*)::INTEGER AS n
FROM (
  SELECT unnest(json_keys(o.attrs)) AS k
  FROM objects o
  WHERE o.log_id = $log_id AND o.attrs IS NOT NULL AND json_type(o.attrs) = 'OBJECT'
    AND o.object_id IN (SELECT case_id FROM sample)
)
GROUP BY k
ORDER BY n DESC, k
LIMIT 30
