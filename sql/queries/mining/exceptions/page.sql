-- One page of one exception queue (the rows of rows.sql) passing the group filters ('' = any;
-- $g_wh matches each warehouse of a multi-warehouse row), sorted by a whitelisted column and
-- direction from mining/exceptions/read.ts (case id and object break ties), with the total before
-- paging. $limit, $offset.
SELECT queue, case_id, object_id, detail, status,
       strftime(since_ts, '%Y-%m-%dT%H:%M:%SZ') AS since,
       strftime(due_ts, '%Y-%m-%dT%H:%M:%SZ') AS due,
       age_s::DOUBLE AS age_s, amount::DOUBLE AS amount, currency, warehouse, segment, order_type, channel, team,
       count(*) OVER ()::INTEGER AS total
FROM (__ROWS__) r
WHERE ($g_wh = '' OR list_contains(string_split(coalesce(r.warehouse, ''), ','), $g_wh))
  AND ($g_seg = '' OR r.segment = $g_seg)
  AND ($g_type = '' OR r.order_type = $g_type)
  AND ($g_ch = '' OR r.channel = $g_ch)
  AND ($g_team = '' OR r.team = $g_team)
ORDER BY __ORDER__, case_id, object_id NULLS FIRST, detail NULLS FIRST
LIMIT $limit OFFSET $offset
