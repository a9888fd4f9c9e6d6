-- Enabled accounts holding the admin role, other than $id: zero means $id is the last admin.
SELECT count(*)::INTEGER AS n FROM users
WHERE id <> $id AND NOT disabled AND list_contains(string_split(roles, ','), 'admin');
