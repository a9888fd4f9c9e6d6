-- Root cause by lift (mining/root-cause): over the selected orders of the outcome's population,
-- how much more often the outcome happens with an attribute value (and with a pair of values of
-- two attributes) than without it. The population and outcome tokens are SQL predicates from the
-- code registry (mining/root-cause/outcomes.ts, never user text) over one order's row: c (cases),
-- o (the order facts, kpi/facts-orders.sql) and i (its invoices: invoices, cleared, late, disputed).
-- {{attr_text}}: the attribute columns of cases as text, {{attr_list}}: their names. Rows: kind
-- 'single' | 'pair' | 'total', attr1, value1, attr2, value2, n (orders with the value(s)), k (of
-- them with the outcome), and on every row the population's size and outcome count (big_n, big_k)
-- and the support used (min_cases). Values with fewer than min_cases orders are left out
-- ($min_cases, or when NULL 1 % of the population but at least 30); pairs only up to $max_pairs,
-- best lift first. Values are numbered before pairing: the pair self-join groups integers (at 1M
-- orders × 6 attributes, 15M pairs).
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
  SELECT c.case_no, coalesce((__OUTCOME__), false) AS hit, {{attr_text}}
  FROM cases c
  JOIN o ON o.case_no = c.case_no
  LEFT JOIN i ON i.case_no = c.case_no
  WHERE c.log_id = $log_id AND c.perspective = 'order' AND c.case_no IN __SELECTED_CASES__
    AND coalesce((__POPULATION__), false)
),
totals AS (
  SELECT count(*) AS big_n, count(*) FILTER (WHERE hit) AS big_k,
         coalesce($min_cases::BIGINT, greatest(30, ceil(count(*) * 0.01)::BIGINT)) AS min_cases
  FROM base
),
kv AS (   -- one row per order and attribute with a value (UNPIVOT leaves NULLs out)
  UNPIVOT (SELECT case_no, hit, {{attr_list}} FROM base) ON {{attr_list}} INTO NAME attr VALUE value
),
singles AS MATERIALIZED (
  SELECT attr, value, count(*) AS n, count(*) FILTER (WHERE hit) AS k,
         row_number() OVER (ORDER BY attr, value)::INTEGER AS id, dense_rank() OVER (ORDER BY attr)::INTEGER AS attr_no
  FROM kv GROUP BY attr, value HAVING count(*) >= (SELECT min_cases FROM totals)
),
kvi AS MATERIALIZED (   -- the values that have the support, numbered
  SELECT kv.case_no, kv.hit, s.id, s.attr_no FROM kv JOIN singles s ON s.attr = kv.attr AND s.value = kv.value
),
pairs AS (
  SELECT a.id AS id1, b.id AS id2, count(*) AS n, count(*) FILTER (WHERE a.hit) AS k
  FROM kvi a
  JOIN kvi b ON b.case_no = a.case_no AND b.attr_no > a.attr_no
  GROUP BY ALL
  HAVING count(*) >= (SELECT min_cases FROM totals)
),
ranked_pairs AS (
  SELECT s1.attr AS attr1, s1.value AS value1, s2.attr AS attr2, s2.value AS value2, p.n, p.k,
         (p.k / p.n) / nullif((t.big_k - p.k) / nullif(t.big_n - p.n, 0), 0) AS lift
  FROM pairs p
  JOIN singles s1 ON s1.id = p.id1
  JOIN singles s2 ON s2.id = p.id2
  CROSS JOIN totals t
  ORDER BY lift DESC NULLS FIRST, k DESC, attr1, value1, attr2, value2
  LIMIT $max_pairs
)
SELECT 'single' AS kind, attr AS attr1, value AS value1, NULL::VARCHAR AS attr2, NULL::VARCHAR AS value2,
       n::INTEGER AS n, k::INTEGER AS k, t.big_n::INTEGER AS big_n, t.big_k::INTEGER AS big_k, t.min_cases::INTEGER AS min_cases
FROM singles, totals t
UNION ALL
SELECT 'pair', attr1, value1, attr2, value2, n::INTEGER, k::INTEGER, t.big_n::INTEGER, t.big_k::INTEGER, t.min_cases::INTEGER
FROM ranked_pairs, totals t
UNION ALL
SELECT 'total', NULL, NULL, NULL, NULL, 0, 0, big_n::INTEGER, big_k::INTEGER, min_cases::INTEGER FROM totals
