-- Notebooks, newest change first.
SELECT id, title, owner,
       strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at,
       strftime(updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at,
       cell_count, version
FROM notebooks
ORDER BY notebooks.updated_at DESC, notebooks.created_at DESC, title, id;
