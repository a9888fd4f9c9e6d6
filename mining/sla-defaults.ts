// The default SLA rules, kept as data. Each rule is a clock: it starts at an event, stops at the
// first of its end events at or after the start, and is breached when it has run longer than the
// limit. An *open* breach as of time T: the start happened before T, no end event by T, and
// T − start > limit. Elapsed calendar time for now (business calendars come later).
// Suggested defaults: ../shared/docs/domain.md §6.

export interface SlaRule {
  id: string;
  label: string;
  /** Plain-language statement of the rule, shown to users. */
  description: string;
  /**
   * Where start and end events are paired: 'case' = within one order's trace (order perspective);
   * 'object' = within one object of `objectType` (events related to it directly).
   */
  scope: 'case' | 'object';
  objectType?: string;
  start: string;
  end: string[];
  limitHours: number;
  /** Activities that restart the clock (the clock runs from the latest of them, if later). */
  restartOn?: string[];
  /** While one of these is open (set and not yet cleared) in the order, the rule does not count. */
  exemptWhileOpen?: { set: string; clear: string }[];
}

const BLOCKS = [
  { set: 'Set Credit Block', clear: 'Release Credit Block' },
  { set: 'Set Delivery Block', clear: 'Remove Delivery Block' },
];

export const DEFAULT_SLA_RULES: readonly SlaRule[] = [
  {
    id: 'credit-block-release',
    label: 'Credit block released within 24 h',
    description:
      'A credit block must be released within 24 hours of being set. Open breach: the block is still set, the order is not cancelled, and it was set more than 24 hours ago.',
    scope: 'case',
    start: 'Set Credit Block',
    end: ['Release Credit Block', 'Cancel Order'],
    limitHours: 24,
  },
  {
    id: 'ship-within-72h',
    label: 'Shipped within 72 h of order',
    description:
      'An order must have its first goods issue within 72 hours of creation. Time spent under a credit or delivery block does not count: the clock restarts when the last block is lifted, and an order that is blocked right now is not counted. Cancelled orders stop the clock.',
    scope: 'case',
    start: 'Create Sales Order',
    end: ['Post Goods Issue', 'Cancel Order'],
    limitHours: 72,
    restartOn: ['Release Credit Block', 'Remove Delivery Block'],
    exemptWhileOpen: BLOCKS,
  },
  {
    id: 'invoice-within-24h',
    label: 'Invoiced within 24 h of goods issue',
    description:
      'Each delivery must be invoiced within 24 hours of its goods issue. Orders under a billing block are not counted while the block is set.',
    scope: 'object',
    objectType: 'delivery',
    start: 'Post Goods Issue',
    end: ['Create Invoice'],
    limitHours: 24,
    exemptWhileOpen: [{ set: 'Set Billing Block', clear: 'Remove Billing Block' }],
  },
  {
    id: 'dispute-resolution',
    label: 'Dispute resolved within 7 days',
    description:
      'A dispute must be resolved within 7 calendar days of being opened (5 business days, until business calendars exist).',
    scope: 'object',
    objectType: 'dispute',
    start: 'Open Dispute',
    end: ['Resolve Dispute'],
    limitHours: 168,
  },
];
