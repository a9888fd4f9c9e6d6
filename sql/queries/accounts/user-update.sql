-- Roles, scope and the disabled flag of an account; a NULL parameter keeps the stored value
-- ($set_scope false keeps the scope, true writes $scope, which may be NULL = unscoped).
UPDATE users SET
  roles = coalesce($roles::VARCHAR, roles),
  scope = CASE WHEN $set_scope::BOOLEAN THEN $scope::VARCHAR ELSE scope END,
  disabled = coalesce($disabled::BOOLEAN, disabled)
WHERE id = $id
RETURNING id, roles, scope, disabled;
