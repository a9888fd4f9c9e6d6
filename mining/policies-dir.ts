// Where the policy files live (SLA, calendars, targets, the reference model, playbooks, rules): one
// answer for every reader, so THROUGHLINE_POLICIES moves all of them together.
import { join } from 'node:path';

/** $THROUGHLINE_POLICIES, else <THROUGHLINE_ROOT or working directory>/policies. */
export function policiesDir(): string {
  return process.env.THROUGHLINE_POLICIES ?? join(process.env.THROUGHLINE_ROOT ?? process.cwd(), 'policies');
}
