-- Per exception queue (the rows of rows.sql over all queues): rows, amount at stake and the
-- oldest age, per currency (dim 'currency'), and row counts per value of each grouping dimension
-- (dim warehouse, segment, order_type, channel, team; NULL values as value NULL). dim '' = the
-- queue's total.
SELECT queue,
       CASE WHEN grouping(currency) = 0 THEN 'currency' WHEN grouping(warehouse) = 0 THEN 'warehouse'
            WHEN grouping(segment) = 0 THEN 'segment' WHEN grouping(order_type) = 0 THEN 'order_type'
            WHEN grouping(channel) = 0 THEN 'channel' WHEN grouping(team) = 0 THEN 'team' ELSE '' END AS dim,
       CASE WHEN grouping(currency) = 0 THEN currency WHEN grouping(warehouse) = 0 THEN warehouse
            WHEN grouping(segment) = 0 THEN segment WHEN grouping(order_type) = 0 THEN order_type
            WHEN grouping(channel) = 0 THEN channel WHEN grouping(team) = 0 THEN team END AS value,
       count(*)::INTEGER AS n, coalesce(sum(amount), 0)::DOUBLE AS amount, max(age_s)::DOUBLE AS oldest_s
FROM (__ROWS__)
GROUP BY GROUPING SETS ((queue), (queue, currency), (queue, warehouse), (queue, segment), (queue, order_type), (queue, channel), (queue, team))
