-- A save: only when the stored version is the one the editor read (the caller checked it in the
-- same transaction; the WHERE keeps the rule in the statement too).
UPDATE notebooks
SET title = $title, cells = $cells, cell_count = $cell_count, updated_at = now()::TIMESTAMP, version = version + 1
WHERE id = $id AND version = $version
RETURNING version, strftime(updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at;
