-- XES fast path: case objects. One the log already has gets the trace attributes merged in (and
-- keeps its type and lineage); a new one is inserted.
UPDATE objects SET attrs = json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs::JSON)
FROM xes_obj s
WHERE s.attrs IS NOT NULL AND s.object_id IN (SELECT object_id FROM xes_obj_existing)
  AND objects.log_id = (SELECT log_id FROM xes_run) AND objects.object_id = s.object_id
  AND json_merge_patch(coalesce(objects.attrs, '{}'::JSON), s.attrs::JSON)::VARCHAR IS DISTINCT FROM objects.attrs::VARCHAR;

INSERT INTO objects (log_id, object_id, object_type, attrs, source_system, source_key, run_id)
SELECT run.log_id, s.object_id, 'case', coalesce(s.attrs, '{}')::JSON, 'xes', s.source_key, run.run_id
FROM xes_obj s CROSS JOIN xes_run run
WHERE s.object_id NOT IN (SELECT object_id FROM xes_obj_existing);
