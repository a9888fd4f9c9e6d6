-- SQL notebooks (issue 6): one row per notebook, its cells as the JSON text of notebooks/types.ts
-- `Cell[]` (VARCHAR: the json extension is not loaded, and only the server reads it). `version`
-- increases with every save; a save names the version it read (optimistic concurrency).
-- Deleting a notebook removes its row.
CREATE TABLE notebooks (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  owner VARCHAR NOT NULL,
  cells VARCHAR NOT NULL,
  cell_count INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  version INTEGER NOT NULL
);
