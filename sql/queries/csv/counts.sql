-- What the import did: rejected rows, and good rows whose event the log already had.
SELECT (SELECT count(*) FROM csv_rejects)::BIGINT AS rejected, (SELECT count(*) FROM csv_present)::BIGINT AS duplicate;
