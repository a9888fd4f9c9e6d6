-- Mining: the case page looks up a case's few related objects by id (mining/cases/detail.ts,
-- sql/queries/mining/cases/objects.sql). Without an index that read every object's row: 1–2 s at
-- 1M orders (6.2M objects), for about ten rows. A single-column ART index, because DuckDB serves
-- an IN list of constants from an index only on one column (bench/README.md, Dashboard speed).
-- Cost at 1M orders: built in about 20–27 s of CPU, 280 MB of file; the ingest's object merge
-- updates attributes only (not the key), so the index changes on new objects alone.
CREATE INDEX objects_object_id ON objects (object_id);
