-- XES fast path: did the log have no events before this run?
SELECT fresh FROM xes_seq_base
