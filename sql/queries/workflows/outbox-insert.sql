-- One notification per run: a retried run never writes a second one.
INSERT INTO workflow_outbox (run_id, channel, team, subject, body, created_at, delivered_at)
VALUES ($run_id, $channel, $team, $subject, $body, $created_at::TIMESTAMP, $delivered_at::TIMESTAMP)
ON CONFLICT DO NOTHING
