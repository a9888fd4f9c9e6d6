DROP TABLE IF EXISTS ocel_stg_chunks;
DROP TABLE IF EXISTS ocel_stg_events;
DROP TABLE IF EXISTS ocel_stg_objects;
DROP TABLE IF EXISTS ocel_stg_changes;
DROP TABLE IF EXISTS ocel_stg_eo;
DROP TABLE IF EXISTS ocel_stg_oo;
DROP TABLE IF EXISTS ocel_stg_run;
