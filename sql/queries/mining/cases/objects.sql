-- The given objects with their type, current attributes and source record. {{ids}}: one bound
-- parameter per id ($id_0, $id_1, …), so DuckDB sees a list of constants and reads them through
-- the objects_object_id index (sql/schema/015) instead of every object. The log is checked outside
-- the MATERIALIZED lookup: a second condition on the scan makes DuckDB scan the table instead.
WITH o AS MATERIALIZED (
  SELECT log_id, object_id, object_type, attrs, source_system, source_key
  FROM objects WHERE object_id IN ({{ids}})
)
SELECT object_id, object_type, attrs::VARCHAR AS attrs, source_system, source_key
FROM o
WHERE log_id = $log_id
ORDER BY object_type, object_id
