-- XES fast path: its temp tables.
DROP VIEW IF EXISTS xes_ev_raw;
DROP TABLE IF EXISTS xes_rej_raw;
DROP TABLE IF EXISTS xes_tr_raw;
DROP TABLE IF EXISTS xes_cases;
DROP TABLE IF EXISTS xes_rej;
DROP TABLE IF EXISTS xes_present;
DROP TABLE IF EXISTS xes_obj;
DROP TABLE IF EXISTS xes_obj_existing;
DROP TABLE IF EXISTS xes_files;
DROP TABLE IF EXISTS xes_run;
DROP TABLE IF EXISTS xes_seq_base;
DROP TABLE IF EXISTS xes_ai_ev;
