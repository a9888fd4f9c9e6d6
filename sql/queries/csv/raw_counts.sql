-- Rows read into csv_raw and lines the reader rejected.
SELECT (SELECT count(*) FROM csv_raw)::BIGINT AS rows, (SELECT count(*) FROM csv_read_rejects)::BIGINT AS read_rejects;
