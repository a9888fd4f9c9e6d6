// The reference model: the intended process as data (policies/reference-model.json), its schema
// check, and saving an edited copy under a new version. The file is the source of truth; each
// conformance refresh records the model it used in `conformance_runs` (sql/schema/014_conformance.sql).
// Semantics of every field: mining/README.md, section Conformance.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policiesDir } from '../policies-dir';
import { z } from 'zod';

const activity = z.string().trim().min(1, 'an activity name is required');

const stepSchema = z.strictObject({
  activity,
  /** The case is expected to contain it (else: a skipped step). */
  mandatory: z.boolean(),
  /** It may occur more than once (else: a repeated step). */
  repeatable: z.boolean(),
  /** Its first occurrence must not come before the first occurrence of this step (an earlier step of the list). */
  after: activity.optional(),
  /** Its first occurrence must not come after the first occurrence of this step (a later step of the list). */
  before: activity.optional(),
  /** Once it occurred, the case is complete: mandatory steps listed after it are no longer expected. */
  ends: z.boolean().optional(),
  /** A label grouping optional steps into a detour (credit block, change order, …), for display. */
  detour: z.string().optional(),
});

const ruleBase = { id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'), description: z.string().min(1) };
const activities = z.array(activity).min(1);

const ruleSchema = z.discriminatedUnion('kind', [
  /** Every `then` event has a `first` event earlier in the case. */
  z.strictObject({ ...ruleBase, kind: z.literal('precedence'), first: activity, then: activities }),
  /** After each `set`, no `before` event until the next `release` (reported once per set). */
  z.strictObject({ ...ruleBase, kind: z.literal('released-before'), set: activity, release: activity, before: activities }),
  /** No `forbidden` event between an `open` and the next `close` (each such event reported). */
  z.strictObject({ ...ruleBase, kind: z.literal('not-while'), open: activity, close: activity, forbidden: activities }),
  /** Each `trigger` is followed later by one of `response`; finished cases only. */
  z.strictObject({ ...ruleBase, kind: z.literal('response'), trigger: activity, response: activities }),
]);

export const referenceModelSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The case perspective it applies to (order for O2C). */
  perspective: z.string().min(1),
  /** A case whose last event is younger than this many days before the log's last event is open. */
  openCaseDays: z.number().nonnegative(),
  savedAt: z.string().optional(),
  /** What changed in this version and why (policies/README.md asks every file for one). */
  changeNote: z.string().optional(),
  steps: z.array(stepSchema).min(1),
  rules: z.array(ruleSchema).default([]),
});

export type ReferenceModel = z.infer<typeof referenceModelSchema>;
export type ModelStep = z.infer<typeof stepSchema>;
export type ModelRule = z.infer<typeof ruleSchema>;
export type RuleKind = ModelRule['kind'];

export class ReferenceModelError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: invalid reference model:\n  ${problems.join('\n  ')}`);
    this.name = 'ReferenceModelError';
  }
}

/** The default model file: reference-model.json in $THROUGHLINE_POLICIES, else <THROUGHLINE_ROOT or working directory>/policies. */
export function defaultModelPath(): string {
  return join(policiesDir(), 'reference-model.json');
}

type Path = readonly PropertyKey[];

/** "steps[3] (Set Credit Block).after" for a path into the raw document. */
function where(raw: unknown, path: Path): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      out += `[${key}]`;
      const n = node as { activity?: unknown; id?: unknown } | undefined;
      const name = typeof n?.activity === 'string' ? n.activity : typeof n?.id === 'string' ? n.id : null;
      if (name) out += ` (${name})`;
    } else out += `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(document)';
}

/** Cross-field checks the schema cannot express: names refer to steps, `after` earlier, `before` later. */
function crossCheck(m: ReferenceModel): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const index = new Map<string, number>();
  m.steps.forEach((s, i) => {
    if (index.has(s.activity)) problems.push({ path: ['steps', i, 'activity'], message: `"${s.activity}" is already step ${index.get(s.activity)}` });
    else index.set(s.activity, i);
  });
  m.steps.forEach((s, i) => {
    if (s.after !== undefined) {
      const j = index.get(s.after);
      if (j === undefined) problems.push({ path: ['steps', i, 'after'], message: `"${s.after}" is not a step of the model` });
      else if (j >= i) problems.push({ path: ['steps', i, 'after'], message: `"${s.after}" must be listed before "${s.activity}"` });
    }
    if (s.before !== undefined) {
      const j = index.get(s.before);
      if (j === undefined) problems.push({ path: ['steps', i, 'before'], message: `"${s.before}" is not a step of the model` });
      else if (j <= i) problems.push({ path: ['steps', i, 'before'], message: `"${s.before}" must be listed after "${s.activity}"` });
    }
  });
  const ids = new Set<string>();
  m.rules.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ path: ['rules', i, 'id'], message: `rule id "${r.id}" is used twice` });
    ids.add(r.id);
  });
  return problems;
}

/** Validates a parsed document; errors name the file, the step or rule and the field. */
export function parseReferenceModel(raw: unknown, file = '(reference model)'): ReferenceModel {
  const parsed = referenceModelSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ReferenceModelError(file, parsed.error.issues.map((i) => `${where(raw, i.path)}: ${i.message}`));
  }
  const problems = crossCheck(parsed.data);
  if (problems.length) throw new ReferenceModelError(file, problems.map((p) => `${where(raw, p.path)}: ${p.message}`));
  return parsed.data;
}

/** Reads and validates the model file (default: policies/reference-model.json). */
export function loadReferenceModel(file = defaultModelPath()): ReferenceModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ReferenceModelError(file, [`cannot read the file: ${(err as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ReferenceModelError(file, [`not JSON: ${(err as Error).message}`]);
  }
  return parseReferenceModel(raw, file);
}

/**
 * Saves an edited model as the next version: validates it, refuses a stale edit (the file's
 * version must still be `edited.version`, the one the edit started from), writes version + 1
 * through a temporary file and a rename, and returns what was written.
 */
export function saveReferenceModel(edited: unknown, file = defaultModelPath(), now = new Date()): ReferenceModel {
  const model = parseReferenceModel(edited, file);
  let current: ReferenceModel | null = null;
  try {
    current = loadReferenceModel(file);
  } catch (err) {
    if (!(err instanceof ReferenceModelError) || !/cannot read/.test(err.problems[0] ?? '')) throw err;
  }
  if (current && current.version !== model.version) {
    throw new ReferenceModelError(file, [`version: the edit started from version ${model.version} but the file is at version ${current.version}; reload and edit again`]);
  }
  const next: ReferenceModel = { ...model, version: (current?.version ?? model.version - 1) + 1, savedAt: now.toISOString() };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, file);
  return next;
}

/**
 * A generic model for a log without a reference model (optional fallback): the activities of
 * the most frequent variant, in their order of first occurrence, all mandatory, each after the
 * previous one; an activity that occurs more than once in that variant is repeatable. No rules.
 */
export function modelFromVariant(variant: readonly string[], perspective: string, logId: string): ReferenceModel {
  if (variant.length === 0) throw new Error('modelFromVariant: the variant is empty');
  const counts = new Map<string, number>();
  for (const a of variant) counts.set(a, (counts.get(a) ?? 0) + 1);
  const order = [...counts.keys()];
  return {
    id: `variant:${logId}`,
    version: 1,
    name: `Most frequent variant of ${logId}`,
    description: 'Derived: the most frequent variant as a happy path (no reference model for this perspective).',
    perspective,
    openCaseDays: 0,
    steps: order.map((a, i) => ({ activity: a, mandatory: true, repeatable: (counts.get(a) ?? 0) > 1, ...(i > 0 ? { after: order[i - 1] } : {}) })),
    rules: [],
  };
}
