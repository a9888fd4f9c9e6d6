-- XES fast path (ingest/xes/import.ts): the events TSV written by ingest/xes/tsv.ts, as a view:
-- each statement that needs the events reads the file again (cheaper than materialising it).
-- Columns are given, nothing is sniffed; no quoting (text fields holding a TAB or newline come
-- escaped, see tsv.ts), `\N` is NULL.
CREATE OR REPLACE TEMP VIEW xes_ev_raw AS
SELECT * FROM read_csv({{path}}, delim = '\t', quote = '', escape = '', header = false, auto_detect = false,
                       nullstr = '\N', max_line_size = {{max_line}}, null_padding = false,
                       columns = {'ord': 'BIGINT', 'file_no': 'INTEGER', 'trace_no': 'BIGINT', 'event_no': 'BIGINT',
                                  'line': 'BIGINT', 'activity': 'VARCHAR', 'ts_ms': 'BIGINT', 'user_id': 'VARCHAR',
                                  'attrs': 'VARCHAR'});
