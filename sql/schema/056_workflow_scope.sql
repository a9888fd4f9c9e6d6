-- The warehouse and segment of a run's exception row: a scoped process owner may request, approve
-- and see only runs inside their scope (workflows/scope.ts).
ALTER TABLE workflow_runs ADD COLUMN warehouse VARCHAR;
ALTER TABLE workflow_runs ADD COLUMN segment VARCHAR;
