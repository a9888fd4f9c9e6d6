-- Root cause by lift (mining/root-cause): over the selected orders of the outcome's population,
-- how much more often the outcome happens with an attribute value (and with a pair of values of
-- two attributes) than without it. The population and outcome tokens are SQL predicates from the
-- code registry (mining/root-cause/outcomes.ts, never user text) over one order's row: c (cases),
-- o (the order facts, kpi/facts-orders.sql) and i (its invoices: invoices, cleared, late, disputed). {{attrs}}: the
-- attribute columns of cases as name/value pairs. Rows: kind 'single' | 'pair' | 'total',
-- attr1, value1, attr2, value2, n (orders with the value(s)), k (of them with the outcome), and
-- on every row the population's size and outcome count (big_n, big_k). Values with fewer than
-- $min_cases orders are left out; pairs only up to $max_pairs, best lift first.
WITH o AS __ORDER_FACTS__,
f AS __INVOICE_FACTS__,
i AS (
  SELECT case_no, count(*) AS invoices,
         count(*) FILTER (WHERE cleared_ts IS NOT NULL AND due_date IS NOT NULL) AS cleared,
         count(*) FILTER (WHERE days_late > 0) AS late,
         count(*) FILTER (WHERE disputes > 0) AS disputed
  FROM f WHERE case_no IS NOT NULL GROUP BY case_no
),
base AS MATERIALIZED (
  SELECT c.case_no, coalesce((__OUTCOME__), false) AS hit, json_object({{attrs}}) AS j
  FROM cases c
  JOIN o ON o.case_no = c.case_no
  LEFT JOIN i ON i.case_no = c.case_no
  WHERE c.log_id = $log_id AND c.perspective = 'order' AND c.case_no IN __SELECTED_CASES__
    AND coalesce((__POPULATION__), false)
),
totals AS (SELECT count(*) AS big_n, count(*) FILTER (WHERE hit) AS big_k FROM base),
kv AS MATERIALIZED (
  SELECT b.case_no, b.hit, t.k AS attr, b.j->>t.k AS value
  FROM base b, unnest(json_keys(b.j)) AS t(k)
  WHERE b.j->>t.k IS NOT NULL
),
singles AS (
  SELECT attr, value, count(*) AS n, count(*) FILTER (WHERE hit) AS k
  FROM kv GROUP BY attr, value HAVING count(*) >= $min_cases
),
pairs AS (
  SELECT a.attr AS attr1, a.value AS value1, b.attr AS attr2, b.value AS value2,
         count(*) AS n, count(*) FILTER (WHERE a.hit) AS k
  FROM kv a
  JOIN kv b ON b.case_no = a.case_no AND b.attr > a.attr
  WHERE (a.attr, a.value) IN (SELECT (attr, value) FROM singles) AND (b.attr, b.value) IN (SELECT (attr, value) FROM singles)
  GROUP BY ALL
  HAVING count(*) >= $min_cases
),
ranked_pairs AS (
  SELECT p.*,
         (p.k / p.n) / nullif((t.big_k - p.k) / nullif(t.big_n - p.n, 0), 0) AS lift
  FROM pairs p, totals t
  ORDER BY lift DESC NULLS FIRST, k DESC, attr1, value1, attr2, value2
  LIMIT $max_pairs
)
SELECT 'single' AS kind, attr AS attr1, value AS value1, NULL::VARCHAR AS attr2, NULL::VARCHAR AS value2,
       n::INTEGER AS n, k::INTEGER AS k, t.big_n::INTEGER AS big_n, t.big_k::INTEGER AS big_k
FROM singles, totals t
UNION ALL
SELECT 'pair', attr1, value1, attr2, value2, n::INTEGER, k::INTEGER, t.big_n::INTEGER, t.big_k::INTEGER
FROM ranked_pairs, totals t
UNION ALL
SELECT 'total', NULL, NULL, NULL, NULL, 0, 0, big_n::INTEGER, big_k::INTEGER FROM totals
