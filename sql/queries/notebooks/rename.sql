UPDATE notebooks
SET title = $title, updated_at = now()::TIMESTAMP, version = version + 1
WHERE id = $id
RETURNING version, strftime(updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at;
