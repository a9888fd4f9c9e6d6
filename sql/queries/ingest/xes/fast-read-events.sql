-- XES fast path (ingest/xes/import.ts): the events TSV written by ingest/xes/tsv.ts, in file order.
-- Columns are given, nothing is sniffed; no quoting (text fields holding a TAB or newline come
-- escaped, see tsv.ts), `\N` is NULL. A rejected event has ord NULL and says why.
CREATE OR REPLACE TEMP TABLE xes_ev_raw AS
SELECT * FROM read_csv($path, delim = '\t', quote = '', escape = '', header = false, auto_detect = false,
                       nullstr = '\N', max_line_size = $max_line, null_padding = false,
                       columns = {'ord': 'BIGINT', 'file_no': 'INTEGER', 'trace_no': 'BIGINT', 'event_no': 'BIGINT',
                                  'line': 'BIGINT', 'activity': 'VARCHAR', 'ts_ms': 'BIGINT', 'user_id': 'VARCHAR',
                                  'attrs': 'VARCHAR', 'reject_field': 'VARCHAR', 'reject_reason': 'VARCHAR'})
