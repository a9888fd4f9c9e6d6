SELECT state, count(*)::INTEGER AS runs, sum(attempts)::INTEGER AS attempts FROM workflow_runs GROUP BY state ORDER BY state
