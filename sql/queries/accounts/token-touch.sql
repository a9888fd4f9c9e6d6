UPDATE api_tokens SET last_used_at = now()::TIMESTAMP WHERE id = $id;
