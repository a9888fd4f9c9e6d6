// The exception queues: what each holds (its SQL file), who owns it, and the next step of a row in
// plain words. Owner teams of SLA rules come from what ends the rule's clock.
import type { SlaRule } from '../sla/policy';
import type { ExceptionQueueId, ExceptionQueueInfo } from './types';

export interface QueueDef extends ExceptionQueueInfo {
  /** Query name under sql/queries/. */
  query: string;
}

export const QUEUES: readonly QueueDef[] = [
  {
    id: 'sla',
    label: 'SLA breaches and at risk',
    definition: 'SLA clocks still running that are past their due time (breached) or have used the at-risk share of their allowance (policies/sla.json).',
    ageBasis: 'since the clock started',
    query: 'mining/exceptions/sla',
  },
  {
    id: 'creditHolds',
    label: 'Credit holds',
    definition: 'Orders whose credit block was set and not released since, and that are not cancelled.',
    ageBasis: 'since the credit block was set',
    query: 'mining/exceptions/credit-holds',
  },
  {
    id: 'shippedNotInvoiced',
    label: 'Shipped, not invoiced',
    definition: 'Deliveries with a goods issue that no invoice bills (cancelled invoices do not count).',
    ageBasis: 'since goods issue',
    query: 'mining/exceptions/shipped-not-invoiced',
  },
  {
    id: 'pricingApprovals',
    label: 'Pricing approvals',
    definition: 'Order lines with a price approval requested and neither approved nor rejected since, on orders that are not cancelled.',
    ageBasis: 'since approval was requested',
    query: 'mining/exceptions/pricing-approvals',
  },
  {
    id: 'disputesAging',
    label: 'Disputes open',
    definition: 'Disputes opened and not resolved.',
    ageBasis: 'since the dispute was opened',
    query: 'mining/exceptions/disputes-aging',
  },
  {
    id: 'latePayments',
    label: 'Late payments',
    definition: 'Invoices (not cancelled) past their due date whose receivable is still open (cash, deductions and credit memos do not cover it).',
    ageBasis: 'past the due date',
    query: 'mining/exceptions/late-payments',
  },
];

export const QUEUE_IDS = QUEUES.map((q) => q.id) as ExceptionQueueId[];

export function queueDef(id: ExceptionQueueId): QueueDef {
  const q = QUEUES.find((x) => x.id === id);
  if (!q) throw new Error(`unknown exception queue ${id}`);
  return q;
}

/** The team that owns an SLA rule's clock: whoever does what ends it. */
export function ruleTeam(rule: Pick<SlaRule, 'end'>): string {
  const ends = new Set(rule.end);
  if (ends.has('Release Credit Block')) return 'Credit';
  if (ends.has('Post Goods Issue') || ends.has('Deliver')) return 'Warehouse';
  if (ends.has('Create Invoice') || ends.has('Send Invoice')) return 'Billing';
  if (ends.has('Resolve Dispute')) return 'Disputes';
  if (ends.has('Approve Price Exception') || ends.has('Reject Price Exception')) return 'Pricing';
  if (ends.has('Apply Cash') || ends.has('Receive Payment')) return 'Collections';
  return 'Operations';
}

/** The key of an object id ('delivery:80001234' → '80001234'). */
export const objectKey = (id: string): string => id.slice(id.indexOf(':') + 1);

interface StepInput {
  queue: ExceptionQueueId;
  objectId: string | null;
  team: string;
  warehouse: string | null;
  detail: string | null;
  rule?: Pick<SlaRule, 'end' | 'label'> | null;
}

const CREDIT_STEP = 'Release the credit hold or ask Credit to review';

/** What to do next about one row, in plain words. */
export function nextStep(r: StepInput): string {
  const key = r.objectId ? objectKey(r.objectId) : null;
  switch (r.queue) {
    case 'creditHolds':
      return CREDIT_STEP;
    case 'shippedNotInvoiced':
      return `Create the invoice for delivery ${key ?? ''}`.trim();
    case 'pricingApprovals':
      return key ? `Approve or reject the price of order line ${key}` : 'Approve or reject the price exception';
    case 'disputesAging':
      return `Resolve dispute ${key ?? ''} with the customer${r.detail ? ` (${r.detail.replaceAll('_', ' ')})` : ''}`.replace('  ', ' ');
    case 'latePayments':
      return `Remind the customer to pay invoice ${key ?? ''}${r.detail ? ` (due ${r.detail})` : ''}`.replace('  ', ' ');
    case 'sla': {
      const team = r.team.startsWith('Warehouse') ? 'Warehouse' : r.team;
      if (team === 'Credit') return CREDIT_STEP;
      if (team === 'Warehouse') return `Pick, pack and post goods issue${r.warehouse ? ` at ${r.warehouse}` : ''}`;
      if (team === 'Billing') return key ? `Create the invoice for delivery ${key}` : 'Create the invoice';
      if (team === 'Disputes') return key ? `Resolve dispute ${key} with the customer` : 'Resolve the dispute with the customer';
      if (team === 'Pricing') return 'Approve or reject the price exception';
      if (team === 'Collections') return 'Remind the customer to pay';
      return r.rule ? `Record ${r.rule.end.join(' or ')}` : 'Follow up';
    }
  }
}
