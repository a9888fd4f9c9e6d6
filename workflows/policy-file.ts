// Reading one policy file (a playbook, a rule): the folder under policies/, JSON, the schema with
// the failing field named, and the id that must match the file name. Errors name the file.
import { join } from 'node:path';
import type { z } from 'zod';
import { policiesDir } from '../mining';

/** $THROUGHLINE_POLICIES/<sub>, else <THROUGHLINE_ROOT or working directory>/policies/<sub>. */
export function policiesSubdir(sub: string): string {
  return join(policiesDir(), sub);
}

/** `a.b[0].c` for a schema issue's path; `(file)` for the whole file. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '(file)';
}

/** The file's content checked by `schema`, its `id` equal to the file's name; `fail` makes the error. */
export function parsePolicyFile<S extends z.ZodType<{ id: string }>>(text: string, name: string, schema: S, fail: (message: string) => Error): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw fail(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail(`${name}: ${fieldPath(issue.path)}: ${issue.message}`);
  }
  const doc = r.data as z.infer<S>;
  if (name.split('/').pop() !== `${doc.id}.json`) throw fail(`${name}: id: "${doc.id}" must match the file name (${doc.id}.json)`);
  return doc;
}
