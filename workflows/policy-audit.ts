// Policy and playbook changes on the audit trail (issue 7). Policies are files (policies/: playbooks,
// rules, SLA, targets, the reference model) edited on disk, never through a procedure. So the folder
// is compared with what was seen last (table policy_files) when the server opens the store (where
// playbooks are loaded), before the rules run after each ingest (where rules are read), and when
// an admin reads the audit trail; each added, changed or removed file is one entry. The file
// system does not say who edited a file, so the actor is `system` and the entry carries the old
// and new content hashes. (No timer: a check is due when a policy is used or the trail is read.)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { append } from '../audit';
import type { Store } from '../sql';
import { policiesDir } from '../mining';

export interface PolicyFileState {
  /** Relative to the policies folder, with `/` separators. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface PolicyChange {
  action: 'policy.add' | 'policy.change' | 'policy.remove';
  path: string;
  from: string | null;
  to: string | null;
}

const POLICY_FILE = /\.(json|ya?ml)$/i;

/** Every policy file under `dir` (hidden entries skipped), sorted by path. A missing folder has none. */
export function readPolicyFolder(dir: string): PolicyFileState[] {
  const out: PolicyFileState[] = [];
  const walk = (at: string) => {
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(at, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && POLICY_FILE.test(name)) {
        const bytes = readFileSync(full);
        out.push({ path: relative(dir, full).split(sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What differs between the files last seen and the folder now. */
export function diffPolicies(seen: readonly PolicyFileState[], now: readonly PolicyFileState[]): PolicyChange[] {
  const before = new Map(seen.map((f) => [f.path, f.sha256]));
  const after = new Map(now.map((f) => [f.path, f.sha256]));
  const changes: PolicyChange[] = [];
  for (const [path, sha] of after) {
    const old = before.get(path);
    if (old === undefined) changes.push({ action: 'policy.add', path, from: null, to: sha });
    else if (old !== sha) changes.push({ action: 'policy.change', path, from: old, to: sha });
  }
  for (const [path, sha] of before) if (!after.has(path)) changes.push({ action: 'policy.remove', path, from: sha, to: null });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Records the policy folder's changes since the last check: the audit entries and the new
 * `policy_files` rows commit together, so a crash between them cannot lose or repeat an entry.
 * Answers what it recorded. Read-only stores record nothing.
 */
export async function auditPolicyChanges(store: Store, dir = policiesDir()): Promise<PolicyChange[]> {
  if (store.readOnly) return [];
  const now = readPolicyFolder(dir);
  // Cheap pre-check outside the writer: most calls find nothing to do.
  const seen = await store.query<PolicyFileState>('policy/files');
  if (diffPolicies(seen.map(asState), now).length === 0) return [];
  return store.transaction(async (tx) => {
    const current = (await tx.query<PolicyFileState>('policy/files')).map(asState);
    const changes = diffPolicies(current, now);
    const at = new Date();
    const byPath = new Map(now.map((f) => [f.path, f]));
    for (const c of changes) {
      const file = byPath.get(c.path);
      if (file) await tx.query('policy/upsert', { path: file.path, sha256: file.sha256, bytes: file.bytes, seen_at: at.toISOString() });
      else await tx.query('policy/remove', { path: c.path });
      await append(tx, { actor: 'system', action: c.action, target: c.path, detail: { from: c.from, to: c.to, bytes: file?.bytes ?? null }, at });
    }
    return changes;
  });
}

const asState = (r: PolicyFileState): PolicyFileState => ({ path: r.path, sha256: r.sha256, bytes: Number(r.bytes) });

/** The check, with a failure logged rather than thrown: a policy audit must not stop the work it precedes. */
export async function auditPolicyChangesSafely(store: Store): Promise<void> {
  await auditPolicyChanges(store).catch((err: unknown) => console.error(`policy audit: ${err instanceof Error ? err.message : String(err)}`));
}
