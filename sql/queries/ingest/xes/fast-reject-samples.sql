-- XES fast path: the first rejects of the run, in file order.
SELECT file, row_no, field, reason FROM xes_rej ORDER BY file_no, trace_no, event_no LIMIT 20
