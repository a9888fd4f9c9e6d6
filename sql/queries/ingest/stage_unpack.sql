-- Unpacks the collector's batches (ingest/pipeline/collector.ts): rows joined by U+001E, fields
-- by U+001F, '' = NULL except where '' is a value (change old/new values, JSON attributes).
INSERT INTO stg_events
SELECT f[1]::INTEGER, f[2]::INTEGER, f[3], f[4], nullif(f[5], '')::DOUBLE, f[6], nullif(f[7], ''), nullif(f[8], ''), nullif(f[9], ''), nullif(f[10], '')::DOUBLE, nullif(f[11], ''), f[12], f[13], f[14]
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'events'));
INSERT INTO stg_objects
SELECT f[1]::INTEGER, f[2], f[3], f[4], f[5], f[6]::UINTEGER
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'objects'));
INSERT INTO stg_changes
SELECT f[1]::INTEGER, f[2], nullif(f[3], '')::DOUBLE, nullif(f[4], ''), f[5], f[6], f[7], nullif(f[8], '')
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'changes'));
INSERT INTO stg_event_object
SELECT f[1]::INTEGER, f[2], f[3], f[4], f[5] = '1'
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'event_object'));
INSERT INTO stg_object_object
SELECT f[1]::INTEGER, f[2], f[3], f[4], f[5] = '1'
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'object_object'));
INSERT INTO stg_aliases
SELECT f[1]::INTEGER, f[2], f[3]
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'aliases'));
INSERT INTO stg_headers
SELECT f[1]::INTEGER, f[2], nullif(f[3], '')::DOUBLE, nullif(f[4], ''), nullif(f[5], ''), f[6]
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'headers'));
INSERT INTO stg_requires
SELECT f[1]::INTEGER, f[2], f[3], f[4], f[5], f[6], f[7]::INTEGER, nullif(f[8], ''), f[9]
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'requires'));
INSERT INTO stg_rejects
SELECT f[1]::INTEGER, f[2], f[3]::INTEGER, nullif(f[4], ''), nullif(f[5], ''), f[6], f[7]
FROM (SELECT string_split(line, chr(31)) AS f FROM (SELECT unnest(string_split(chunk, chr(30))) AS line FROM stg_chunks WHERE tbl = 'rejects'));
DELETE FROM stg_chunks;
