INSERT INTO users (id, display_name, roles, scope, password_hash, disabled, created_at, password_changed_at)
VALUES ($id, $display_name, $roles, $scope, $password_hash, false, now()::TIMESTAMP, now()::TIMESTAMP);
