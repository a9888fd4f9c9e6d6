-- The kind of a log (o2c | xes | ocel | csv); empty when the log is not registered.
SELECT kind FROM logs WHERE log_id = $log_id
