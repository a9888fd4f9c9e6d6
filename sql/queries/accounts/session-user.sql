-- The signed-in user of a live session; nothing for an expired session or a disabled account.
SELECT u.id, u.roles, u.scope,
       date_diff('second', s.last_seen_at, now()::TIMESTAMP)::INTEGER AS idle_seconds
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id_hash = $id_hash AND s.expires_at > now()::TIMESTAMP AND NOT u.disabled;
