// The KPI library as data: every KPI of ../shared/docs/domain.md §5 with the definition users see
// (the formula in plain words, naming the dates it uses). `source` says which query computes it
// (sql/queries/mining/kpi/lib-*.sql); the DSO family is computed in TypeScript from receivables.
import type { KpiUnit } from '../types';

export type KpiSource = 'orders' | 'credit' | 'invoices' | 'fulfilment' | 'receivables';

export interface KpiDefinition {
  id: string;
  label: string;
  unit: KpiUnit;
  higherIsBetter: boolean;
  /** Shown to users: the formula in plain words, with the dates it uses. */
  definition: string;
  source: KpiSource;
  /** A count (0 where nothing happened) rather than a ratio or a median (null there). */
  additive?: boolean;
}

const TOUCH_SCOPE =
  'Office work counts (order entry, blocks, price approvals, changes, delivery and invoice creation, credit memos, cash application); warehouse floor work (picking, packing, shipping, proof of delivery) and the billing platform\'s messages to the customer do not.';

export const KPIS: readonly KpiDefinition[] = [
  { id: 'orders', label: 'Orders', unit: 'count', higherIsBetter: true, source: 'orders', additive: true,
    definition: 'Sales orders created in the period (time of Create Sales Order).' },
  { id: 'dsoSimple', label: 'DSO', unit: 'days', higherIsBetter: false, source: 'receivables',
    definition: 'Days sales outstanding: receivables open at the end of the period ÷ credit sales in the period × days in the period. Receivables are gross invoices created by the period end less cash applied, deductions, credit memos and cancellations booked by then; credit sales are gross invoices created in the period less cancellations booked in it.' },
  { id: 'dsoCountback', label: 'DSO (countback)', unit: 'days', higherIsBetter: false, source: 'receivables',
    definition: "Days sales outstanding by the countback method: receivables open at the end of the period are matched against each calendar month's credit sales, newest month first; every month fully covered adds all its days, the month where the receivables run out adds the share it covers." },
  { id: 'bestPossibleDso', label: 'Best-possible DSO', unit: 'days', higherIsBetter: false, source: 'receivables',
    definition: 'Receivables not yet due at the end of the period (due date after the period\'s last day, or no due date) ÷ credit sales in the period × days in the period: the DSO if every customer paid exactly on its due date.' },
  { id: 'averageDaysDelinquent', label: 'Average days delinquent', unit: 'days', higherIsBetter: false, source: 'receivables',
    definition: 'DSO − best-possible DSO: the days of sales outstanding because invoices are past their due date.' },
  { id: 'orderToShipHours', label: 'Order to ship (median)', unit: 'hours', higherIsBetter: false, source: 'orders',
    definition: "Median time from an order's Create Sales Order to its first Post Goods Issue, over the orders whose first goods issue happened in the period." },
  { id: 'orderCycleDays', label: 'Order cycle time (median)', unit: 'days', higherIsBetter: false, source: 'orders',
    definition: "Median time from an order's Create Sales Order to the last proof of delivery (Deliver) of its deliveries, over the orders last delivered in the period." },
  { id: 'invoiceLatencyHours', label: 'Invoice latency (median)', unit: 'hours', higherIsBetter: false, source: 'invoices',
    definition: 'Median time from the Post Goods Issue of the invoiced delivery (the latest, if it bills several) to Create Invoice, over the invoices created in the period.' },
  { id: 'invoicedSameDayRate', label: 'Invoiced on the day of goods issue', unit: 'percent', higherIsBetter: true, source: 'invoices',
    definition: "Invoices created on the same local calendar day as the Post Goods Issue of the invoiced delivery ÷ invoices with a known goods issue, over the invoices created in the period (domain.md §6: about a third of firms manage it)." },
  { id: 'invoicedAfterFiveDaysRate', label: 'Invoiced more than 5 days after goods issue', unit: 'percent', higherIsBetter: false, source: 'invoices',
    definition: 'Invoices created more than five local calendar days after the Post Goods Issue of the invoiced delivery ÷ invoices with a known goods issue, over the invoices created in the period.' },
  { id: 'invoiceToCashDays', label: 'Invoice to cash (median)', unit: 'days', higherIsBetter: false, source: 'invoices',
    definition: 'Median time from Create Invoice to the Apply Cash (or deduction, or credit memo) that brought its receivable to zero, over the invoices cleared in the period; cancelled invoices are left out.' },
  { id: 'latePaymentRate', label: 'Late payments', unit: 'percent', higherIsBetter: false, source: 'invoices',
    definition: "Invoices cleared after their due date ÷ invoices cleared, over the invoices cleared in the period (the clearing Apply Cash) that have a due date. The clearing date is the ERP's local calendar date; the due date is the FI item's baseline date + payment-term days (Odoo: invoice_date_due; else the billing platform's)." },
  { id: 'otifRate', label: 'OTIF', unit: 'percent', higherIsBetter: true, source: 'fulfilment',
    definition: "Order lines delivered on time and in full ÷ order lines delivered, over the lines whose last proof of delivery (Deliver) is in the period; rejected lines are left out. On time: delivered on or before the committed date, the order's requested delivery date as last changed (SAP VBAK.VDATU, Odoo commitment_date), as a local calendar date. In full: no pick of the line was short." },
  { id: 'perfectOrderRate', label: 'Perfect orders', unit: 'percent', higherIsBetter: true, source: 'fulfilment',
    definition: 'Orders that were perfect ÷ orders, over the invoiced orders last delivered (Deliver) in the period. Perfect: every delivered line on time and in full (as for OTIF) and every invoice first time right. Judged order by order, not by multiplying rates. Damage is not recorded by the sources, so it cannot fail an order.' },
  { id: 'firstTimeRightRate', label: 'First-time-right invoices', unit: 'percent', higherIsBetter: true, source: 'invoices',
    definition: 'Invoices never cancelled (and so re-issued), credited (Create Credit Memo) or disputed (Open Dispute) ÷ invoices, over the invoices created in the period. Recent invoices have had less time to go wrong.' },
  { id: 'touchlessRate', label: 'Touchless orders', unit: 'percent', higherIsBetter: true, source: 'orders',
    definition: `Orders none of whose events was done by a person (user type human) ÷ orders, over the orders created in the period. ${TOUCH_SCOPE}` },
  { id: 'reworkRate', label: 'Rework', unit: 'percent', higherIsBetter: false, source: 'orders',
    definition: 'Orders with any Change … (Change Price, Change Quantity, Change Requested Date) after Create Sales Order ÷ orders, over the orders created in the period.' },
  { id: 'creditBlockRate', label: 'Credit-blocked orders', unit: 'percent', higherIsBetter: false, source: 'orders',
    definition: 'Orders with a Set Credit Block ÷ orders, over the orders created in the period.' },
  { id: 'creditBlockReleaseHours', label: 'Credit-block release time (median)', unit: 'hours', higherIsBetter: false, source: 'credit',
    definition: 'Median time from Set Credit Block to the Release Credit Block that follows it, over the blocks released in the period.' },
  { id: 'disputeRate', label: 'Disputed invoices', unit: 'percent', higherIsBetter: false, source: 'invoices',
    definition: 'Invoices with an Open Dispute ÷ invoices, over the invoices created in the period (whenever the dispute was opened).' },
  { id: 'disputeValueRate', label: 'Disputed invoice value', unit: 'percent', higherIsBetter: false, source: 'invoices',
    definition: 'Gross amount of the invoices with an Open Dispute ÷ gross amount of all invoices, over the invoices created in the period.' },
  { id: 'disputeResolutionDays', label: 'Days to resolve a dispute (median)', unit: 'days', higherIsBetter: false, source: 'invoices',
    definition: "Median time from an invoice's first Open Dispute to the last Resolve Dispute, over the invoices whose disputes were all resolved in the period." },
];

export const KPI_BY_ID: ReadonlyMap<string, KpiDefinition> = new Map(KPIS.map((k) => [k.id, k]));

export function kpiDefinition(id: string): KpiDefinition {
  const k = KPI_BY_ID.get(id);
  if (!k) throw new Error(`unknown KPI "${id}": expected one of ${KPIS.map((x) => x.id).join(', ')}`);
  return k;
}
