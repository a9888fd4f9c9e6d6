-- Per exception queue (the rows of rows.sql over all queues): rows passing every group filter,
-- their amount at stake and oldest age (dim ''), the same per currency (dim 'currency'), and row
-- counts per value of each grouping dimension (dim warehouse, segment, order_type, channel, team)
-- over the rows passing the *other* group filters, so a dimension's choices stay visible while one
-- of them is chosen. Group filters: '' = any; $g_wh matches each warehouse of a multi-warehouse row.
WITH r AS MATERIALIZED (
  SELECT queue, amount, age_s, currency, warehouse, segment, order_type, channel, team,
         ($g_wh = '' OR list_contains(string_split(coalesce(warehouse, ''), ','), $g_wh)) AS ok_wh,
         ($g_seg = '' OR segment = $g_seg) AS ok_seg,
         ($g_type = '' OR order_type = $g_type) AS ok_type,
         ($g_ch = '' OR channel = $g_ch) AS ok_ch,
         ($g_team = '' OR team = $g_team) AS ok_team
  FROM (__ROWS__)
),
t AS (SELECT * FROM r WHERE ok_wh AND ok_seg AND ok_type AND ok_ch AND ok_team)
SELECT queue, '' AS dim, NULL::VARCHAR AS value, count(*)::INTEGER AS n, coalesce(sum(amount), 0)::DOUBLE AS amount, max(age_s)::DOUBLE AS oldest_s
FROM t GROUP BY queue
UNION ALL
SELECT queue, 'currency', currency, count(*)::INTEGER, coalesce(sum(amount), 0)::DOUBLE, max(age_s)::DOUBLE FROM t GROUP BY queue, currency
UNION ALL
SELECT queue, 'warehouse', warehouse, count(*)::INTEGER, 0, NULL FROM r WHERE ok_seg AND ok_type AND ok_ch AND ok_team GROUP BY queue, warehouse
UNION ALL
SELECT queue, 'segment', segment, count(*)::INTEGER, 0, NULL FROM r WHERE ok_wh AND ok_type AND ok_ch AND ok_team GROUP BY queue, segment
UNION ALL
SELECT queue, 'order_type', order_type, count(*)::INTEGER, 0, NULL FROM r WHERE ok_wh AND ok_seg AND ok_ch AND ok_team GROUP BY queue, order_type
UNION ALL
SELECT queue, 'channel', channel, count(*)::INTEGER, 0, NULL FROM r WHERE ok_wh AND ok_seg AND ok_type AND ok_team GROUP BY queue, channel
UNION ALL
SELECT queue, 'team', team, count(*)::INTEGER, 0, NULL FROM r WHERE ok_wh AND ok_seg AND ok_type AND ok_ch GROUP BY queue, team
