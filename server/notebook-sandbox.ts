// TEMPORARY until sql/sandbox/index.ts is committed by the sandbox helper: then this file becomes
// a re-export of '../sql'. The types and errors are the sandbox's own.
import type { Store } from '../sql';
import type { Sandbox } from '../sql/sandbox/types';
export { SqlRefusedError, SqlTimeoutError } from '../sql/sandbox/errors';
export type { Sandbox, SandboxSchema, SandboxResult, SandboxColumn } from '../sql/sandbox/types';

export function sandboxFor(store: Store): Sandbox {
  void store;
  throw new Error('not yet: the SQL sandbox (sql/sandbox) is being built');
}
