-- Staging for one OCEL import (ingest/ocel/load.ts), TEMP, created and dropped inside the run's
-- transaction. load.ts appends rows as JSON arrays of up to a few thousand rows per chunk (one
-- appender row per chunk instead of one call per value; JSON keeps every character intact);
-- stage_unpack.sql turns them into the typed ocel_stg_* tables that merge.sql reads.
CREATE OR REPLACE TEMP TABLE ocel_stg_chunks (tbl VARCHAR, chunk VARCHAR);
