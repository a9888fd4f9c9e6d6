-- How many rows the checks reject, and the first $limit of them (preview).
SELECT row_no, reject_field, reject_reason, count(*) OVER ()::BIGINT AS total
FROM csv_rows WHERE reject_field IS NOT NULL ORDER BY row_no LIMIT $limit;
