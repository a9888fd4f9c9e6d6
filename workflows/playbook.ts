// Playbooks as code: policies/playbooks/*.json, one playbook per file, checked on load. An error
// names the file and the field, e.g. `policies/playbooks/x.json: approval.roles[0]: …`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { EXCEPTION_QUEUE_IDS } from '../mining';
import { parsePolicyFile, policiesSubdir } from './policy-file';

/** Roles that may be named as approvers (the sign-in module's roles; admin always implied by none). */
export const APPROVER_ROLES = ['admin', 'finance_leader', 'process_owner', 'analyst'] as const;
export const CONNECTORS = ['erp', 'wms', 'billing', 'notify'] as const;
export type ConnectorId = (typeof CONNECTORS)[number];

const queueId = z.enum(EXCEPTION_QUEUE_IDS as [string, ...string[]]);

const httpAction = z.object({
  connector: z.enum(['erp', 'wms', 'billing']),
  method: z.enum(['POST', 'PUT', 'PATCH']),
  /** Path with {{placeholders}} (workflows/template.ts), e.g. /credit-holds/{{orderKey}}/release */
  path: z.string().regex(/^\/[A-Za-z0-9_\-/{}.]*$/, 'a path starts with / and holds letters, digits, _ - . / and {{placeholders}}'),
  payload: z.record(z.string(), z.unknown()),
  /** Business days from the request to the due date put in {{dueDate}}. */
  dueInDays: z.number().int().min(1).max(60).optional(),
});

const notifyAction = z.object({
  connector: z.literal('notify'),
  channel: z.string().min(1),
  subject: z.string().min(1),
  body: z.string().min(1),
});

export const playbookSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and dashes'),
    version: z.string().min(1),
    changeNote: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    appliesTo: z.object({
      queues: z.array(queueId).min(1),
      /** Only rows of this owner team (e.g. SLA rows owned by Warehouse). */
      team: z.string().min(1).optional(),
    }),
    action: z.union([httpAction, notifyAction]),
    approval: z.object({
      /** Approval needed when the target's amount is at least this (in its currency). */
      amountAtLeast: z.number().min(0).optional(),
      /** Approval needed when the target's risk score (0–1) is at least this. */
      riskAtLeast: z.number().min(0).max(1).optional(),
      /** Always ask (amount and risk ignored). */
      always: z.boolean().optional(),
      roles: z.array(z.enum(APPROVER_ROLES)).min(1),
      ttlHours: z.number().positive().max(24 * 30),
    }),
    limits: z.object({
      /** Requests above this amount are refused (ask a person to do it in the source system). */
      maxAmount: z.number().positive().optional(),
      maxAttempts: z.number().int().min(1).max(50),
      timeoutMs: z.number().int().min(50).max(120_000),
    }),
  })
  .strict();

export type Playbook = z.infer<typeof playbookSchema>;
export type HttpAction = z.infer<typeof httpAction>;
export type NotifyAction = z.infer<typeof notifyAction>;

export class PlaybookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaybookError';
  }
}

/** $THROUGHLINE_POLICIES/playbooks, else <THROUGHLINE_ROOT or working directory>/policies/playbooks. */
export const playbooksDir = (): string => policiesSubdir('playbooks');

/** Parses one playbook file's text; `name` is how errors refer to the file. */
export function parsePlaybook(text: string, name: string): Playbook {
  return parsePolicyFile(text, name, playbookSchema, (m) => new PlaybookError(m));
}

/** Every playbook in the folder, sorted by id. */
export function loadPlaybooks(dir = playbooksDir()): Playbook[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const root = process.env.THROUGHLINE_ROOT ?? process.cwd();
  return files.map((f) => parsePlaybook(readFileSync(join(dir, f), 'utf8'), relative(root, join(dir, f)) || f));
}

export function playbookById(playbooks: readonly Playbook[], id: string): Playbook {
  const pb = playbooks.find((p) => p.id === id);
  if (!pb) throw new PlaybookError(`no playbook "${id}" (have: ${playbooks.map((p) => p.id).join(', ')})`);
  return pb;
}
