// Outcomes the root cause can explain: each a population (which orders it is judged over) and the
// outcome itself, as SQL predicates over one order's row in sql/queries/mining/root-cause/lift.sql:
//   c  cases (attributes, milestones)
//   o  the order facts (sql/queries/mining/kpi/facts-orders.sql): touched, reworked, credit_blocks,
//      credit_hold_hours, price_requested_ts, price_decided_ts, released_ts, first/last_deliver_ts
//   i  its invoices: invoices, cleared (cleared by payment, with a due date), late (of those, after
//      the due date), disputed
// Predicates are code, never user input; their own parameters are bound (names prefixed `o_`).
// Add an outcome by adding an entry here (or pass one to rootCause).
import { loadTargets } from '../kpi-library/targets';

export interface Outcome {
  id: string;
  label: string;
  /** What it means, in words (shown to users). */
  definition: string;
  /** The orders it is judged over. */
  population: string;
  /** True when the order has the outcome. */
  outcome: string;
  /** Bound parameters of the predicates (names start with o_). */
  params?: Record<string, string | number | boolean>;
  /** A table the predicates need; the outcome is unavailable without it. */
  needsTable?: string;
}

export function builtInOutcomes(): Outcome[] {
  const shipTarget = loadTargets().orderToShipTargetHours;
  return [
    {
      id: 'latePayment',
      label: 'Late payment',
      definition: 'The order has an invoice cleared after its due date; over the orders with an invoice cleared by payment.',
      population: 'i.cleared > 0',
      outcome: 'i.late > 0',
    },
    {
      id: 'dispute',
      label: 'Dispute',
      definition: 'An invoice of the order was disputed (Open Dispute); over the invoiced orders.',
      population: 'i.invoices > 0',
      outcome: 'i.disputed > 0',
    },
    {
      id: 'creditHold',
      label: 'Credit hold',
      definition: 'The order was credit-blocked (Set Credit Block); over all orders.',
      population: 'true',
      outcome: 'o.credit_blocks > 0',
    },
    {
      id: 'slowShipping',
      label: `Order to ship over ${shipTarget} h`,
      definition: `More than ${shipTarget} hours (policies/targets.json orderToShipTargetHours) from Create Sales Order to the first Post Goods Issue; over the shipped orders.`,
      population: 'o.first_pgi_ts IS NOT NULL AND o.created_ts IS NOT NULL',
      outcome: '(epoch(o.first_pgi_ts) - epoch(o.created_ts)) / 3600.0 > $o_ship_hours',
      params: { o_ship_hours: shipTarget },
    },
    {
      id: 'rework',
      label: 'Rework',
      definition: 'The order was changed after creation (Change Price, Change Quantity, Change Requested Date); over all orders.',
      population: 'true',
      outcome: 'o.reworked',
    },
    {
      id: 'touched',
      label: 'Manual touch',
      definition: 'A person did one of the order\'s office events (the touchless KPI\'s opposite); over all orders.',
      population: 'true',
      outcome: 'o.touched',
    },
  ];
}

/** Any SLA breach of a rule (or of any rule) recorded in sla_clocks (mining/sla), by status. */
export function slaBreachOutcome(ruleId?: string, statuses: string[] = ['breached', 'open_breached']): Outcome {
  const rule = ruleId === undefined ? '' : ' AND s.rule_id = $o_rule';
  return {
    id: ruleId ? `sla:${ruleId}` : 'sla',
    label: ruleId ? `SLA breach: ${ruleId}` : 'Any SLA breach',
    definition: `The order has an SLA clock${ruleId ? ` of rule ${ruleId}` : ''} with status ${statuses.join(' or ')}; over all orders.`,
    population: 'true',
    outcome: `EXISTS (SELECT 1 FROM sla_clocks s WHERE s.log_id = $log_id AND s.perspective = 'order' AND s.case_no = c.case_no${rule} AND list_contains($o_statuses::VARCHAR[], s.status))`,
    params: { o_statuses: JSON.stringify(statuses), ...(ruleId === undefined ? {} : { o_rule: ruleId }) },
    needsTable: 'sla_clocks',
  };
}
