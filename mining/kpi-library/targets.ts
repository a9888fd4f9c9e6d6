// policies/targets.json: stage targets, cost of capital and the ERP's local time zone, versioned
// with the code. Read by the KPI library (time zone), the DSO impact and the root cause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policiesDir } from '../policies-dir';

export type StageId = 'creditHold' | 'pricingApproval' | 'warehouse' | 'invoiceLatency' | 'dispute' | 'latePayment';
export const STAGE_IDS: readonly StageId[] = ['creditHold', 'pricingApproval', 'warehouse', 'invoiceLatency', 'dispute', 'latePayment'];

export interface Targets {
  version: number;
  /** IANA zone of the ERP: due dates and committed dates are its calendar dates. */
  localTimeZone: string;
  /** Annual cost of capital, e.g. 0.08 for 8 %. */
  costOfCapital: number;
  stages: Record<StageId, { targetHours: number; source?: string }>;
  /** Order-to-ship target for the root-cause outcome "shipped late". */
  orderToShipTargetHours: number;
}

/** targets.json in $THROUGHLINE_POLICIES, else <THROUGHLINE_ROOT or working directory>/policies. */
export function targetsPath(): string {
  return join(policiesDir(), 'targets.json');
}

function check(t: Targets): Targets {
  const bad = (what: string) => new Error(`policies/targets.json: ${what}`);
  if (!Number.isInteger(t.version)) throw bad('version must be an integer');
  if (typeof t.localTimeZone !== 'string' || !t.localTimeZone) throw bad('localTimeZone must be an IANA zone name');
  if (!(t.costOfCapital >= 0 && t.costOfCapital < 1)) throw bad('costOfCapital must be a yearly rate in [0, 1)');
  for (const s of STAGE_IDS) if (!(t.stages?.[s]?.targetHours >= 0)) throw bad(`stages.${s}.targetHours must be a number ≥ 0`);
  if (!(t.orderToShipTargetHours > 0)) throw bad('orderToShipTargetHours must be > 0');
  return t;
}

let cached: Targets | null = null;
/** The targets in policies/targets.json (read once per process). */
export function loadTargets(): Targets {
  cached ??= check(JSON.parse(readFileSync(targetsPath(), 'utf8')) as Targets);
  return cached;
}

/** The targets with some values replaced (tests, what-if screens). */
export function withTargets(base: Targets, change: { costOfCapital?: number; stages?: Partial<Record<StageId, number>>; orderToShipTargetHours?: number; localTimeZone?: string }): Targets {
  const stages = { ...base.stages };
  for (const [k, h] of Object.entries(change.stages ?? {})) stages[k as StageId] = { ...stages[k as StageId], targetHours: h as number };
  return check({ ...base, ...change, stages });
}
