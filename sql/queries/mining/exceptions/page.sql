-- One page of one exception queue (the rows of rows.sql), sorted by a whitelisted
-- column and direction from mining/exceptions/read.ts; case id and object break ties), with the
-- total before paging. $limit, $offset.
SELECT queue, case_id, object_id, detail, status,
       strftime(since_ts, '%Y-%m-%dT%H:%M:%SZ') AS since,
       strftime(due_ts, '%Y-%m-%dT%H:%M:%SZ') AS due,
       age_s::DOUBLE AS age_s, amount::DOUBLE AS amount, currency, warehouse, segment, order_type, channel, team,
       count(*) OVER ()::INTEGER AS total
FROM (__ROWS__)
ORDER BY __ORDER__, case_id, object_id NULLS FIRST, detail NULLS FIRST
LIMIT $limit OFFSET $offset
