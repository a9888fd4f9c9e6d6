INSERT INTO notebooks (id, title, owner, cells, cell_count, created_at, updated_at, version)
VALUES ($id, $title, $owner, $cells, $cell_count, now()::TIMESTAMP, now()::TIMESTAMP, 1);
