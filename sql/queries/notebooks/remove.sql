DELETE FROM notebooks WHERE id = $id RETURNING id;
