-- The policy files (playbooks, rules, SLA, targets, reference model) as the server last saw them:
-- server/policy-audit.ts compares the folder with these rows and writes policy.add / policy.change /
-- policy.remove audit entries for the difference, so an edited playbook or threshold is on the trail.
CREATE TABLE IF NOT EXISTS policy_files (
  path VARCHAR PRIMARY KEY,
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  seen_at VARCHAR NOT NULL           -- ISO-8601 UTC, as audit entries write time
);
