SELECT * FROM workflow_runs WHERE id = $id
