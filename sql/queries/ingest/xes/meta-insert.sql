INSERT INTO log_attributes (log_id, scope, ord, key, value) VALUES ($log_id, $scope, $ord, $key, $value::JSON)
