-- One notebook with its cells (JSON text).
SELECT id, title, owner, cells,
       strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at,
       strftime(updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at,
       cell_count, version
FROM notebooks
WHERE id = $id;
