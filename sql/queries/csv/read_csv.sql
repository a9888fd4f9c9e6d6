-- A CSV file into csv_raw, every column VARCHAR, in file order (rowid = data row - 1). The columns
-- are given ({{columns}}, from the header line read in TypeScript), so DuckDB's sniffer does not
-- run: it fails on a bad line, where this reader stores the line in csv_rej_errors and goes on.
CREATE OR REPLACE TEMP TABLE csv_raw AS
SELECT * FROM read_csv($path, delim = $delim, header = true, auto_detect = false, columns = {{columns}},
                       quote = '"', escape = '"', null_padding = false, max_line_size = $max_line,
                       store_rejects = true, rejects_table = 'csv_rej_errors', rejects_scan = 'csv_rej_scans');
