-- Rows read and lines the reader rejected.
SELECT (SELECT count(*) FROM csv_source)::BIGINT AS rows, (SELECT count(*) FROM csv_read_rejects)::BIGINT AS read_rejects;
