UPDATE sessions SET last_seen_at = now()::TIMESTAMP, expires_at = now()::TIMESTAMP + to_seconds($ttl_seconds::BIGINT)
WHERE id_hash = $id_hash;
