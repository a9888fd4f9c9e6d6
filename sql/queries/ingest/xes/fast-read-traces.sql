-- XES fast path: the traces TSV (one line per trace: its position, concept:name and attributes).
CREATE OR REPLACE TEMP TABLE xes_tr_raw AS
SELECT * FROM read_csv($path, delim = '\t', quote = '', escape = '', header = false, auto_detect = false,
                       nullstr = '\N', max_line_size = $max_line, null_padding = false,
                       columns = {'file_no': 'INTEGER', 'trace_no': 'BIGINT', 'line': 'BIGINT', 'name': 'VARCHAR', 'attrs': 'VARCHAR'})
