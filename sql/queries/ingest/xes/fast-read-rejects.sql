-- XES fast path: the rejected events (no valid timestamp or no concept:name), from their TSV.
CREATE OR REPLACE TEMP TABLE xes_rej_raw AS
SELECT * FROM read_csv($path, delim = '\t', quote = '', escape = '', header = false, auto_detect = false,
                       nullstr = '\N', max_line_size = $max_line, null_padding = false,
                       columns = {'file_no': 'INTEGER', 'trace_no': 'BIGINT', 'event_no': 'BIGINT', 'line': 'BIGINT',
                                  'field': 'VARCHAR', 'reason': 'VARCHAR'})
