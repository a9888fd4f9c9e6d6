SELECT version FROM notebooks WHERE id = $id;
