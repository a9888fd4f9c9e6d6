-- The lines read_csv could not split or decode, one per line (its first error), for rejects.
CREATE OR REPLACE TEMP TABLE csv_read_rejects AS
SELECT line::INTEGER AS line, column_name AS field,
       CASE error_type WHEN 'INVALID ENCODING' THEN 'not UTF-8 text (convert the file to UTF-8)'
                       WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than ' || $max_line || ' bytes'
                       ELSE error_message END AS reason,
       left(csv_line, 2000) AS raw
FROM csv_rej_errors QUALIFY row_number() OVER (PARTITION BY line ORDER BY byte_position) = 1;
