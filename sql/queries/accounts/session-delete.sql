DELETE FROM sessions WHERE id_hash = $id_hash RETURNING user_id;
