-- What the filter bar offers for attribute filters: per attribute the most common values with
-- their case counts, and how many distinct values it has. The cases table's O2C columns (a
-- multi-warehouse order counts for each warehouse), plus the scalar attributes of the case objects
-- when $object_attrs (logs whose cases are objects with their own attributes: XES, CSV, OCEL).
-- Over the selected cases only (a scoped owner is offered their own values).
WITH c AS (
  SELECT case_id, segment, channel, order_type, warehouse, customer_name, payment_terms, currency
  FROM cases WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
),
v AS (
  SELECT 'segment' AS attribute, segment AS value FROM c
  UNION ALL SELECT 'channel', channel FROM c
  UNION ALL SELECT 'order_type', order_type FROM c
  UNION ALL SELECT 'warehouse', unnest(string_split(warehouse, ',')) FROM c
  UNION ALL SELECT 'customer_name', customer_name FROM c
  UNION ALL SELECT 'payment_terms', payment_terms FROM c
  UNION ALL SELECT 'currency', currency FROM c
  UNION ALL
  SELECT j.key, j.value ->> '$'
  FROM objects o
  JOIN c ON o.object_id = c.case_id
  CROSS JOIN json_each(o.attrs) AS j
  WHERE $object_attrs AND o.log_id = $log_id AND o.attrs IS NOT NULL AND j.type IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
),
counted AS (
  SELECT attribute, value, count(*)::BIGINT AS cases FROM v WHERE value IS NOT NULL AND value <> '' GROUP BY ALL
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY attribute ORDER BY cases DESC, value) AS rn,
         count(*) OVER (PARTITION BY attribute)::BIGINT AS distinct_values
  FROM counted
)
SELECT attribute, value, cases, distinct_values FROM ranked WHERE rn <= $top ORDER BY attribute, rn
