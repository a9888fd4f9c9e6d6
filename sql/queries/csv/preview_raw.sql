-- The first $limit rows as read, with their position __tl_k.
SELECT * EXCLUDE (__tl_skip) FROM csv_numbered ORDER BY __tl_k LIMIT $limit;
