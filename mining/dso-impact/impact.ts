// DSO impact of stage delays (../shared/docs/domain.md §5): for each stage, the days beyond its
// target on each invoice of the period times the invoice's amount, turned into cash tied up, ΔDSO
// and the DSO if the stage had met its target; and which order paths (variants) and attribute
// values carry it. SQL: sql/queries/mining/dso/impact.sql over invoice-stages.sql (which the `stage`
// filter shares); targets: policies/targets.json.
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { dataRange } from '../logs';
import { daysIn, validatePeriod } from '../periods';
import type { Period } from '../types';
import type { CaseSelection } from '../filter/selection';
import { composedQuery } from '../kpi-library/compose';
import { kpiValues } from '../kpi-library/values';
import { loadTargets, STAGE_IDS, type StageId, type Targets } from '../kpi-library/targets';

export const STAGES: Record<StageId, { label: string; beforeInvoice: boolean; definition: string }> = {
  creditHold: {
    label: 'Credit holds',
    beforeInvoice: true,
    definition: "Hours from each Set Credit Block to the Release Credit Block that follows it, summed over the order; beyond target, every invoice of the order waits that much longer.",
  },
  pricingApproval: {
    label: 'Pricing approvals',
    beforeInvoice: true,
    definition: "From the order's first Request Price Approval to its last Approve or Reject Price Exception.",
  },
  warehouse: {
    label: 'Warehouse (release to goods issue)',
    beforeInvoice: true,
    definition:
      'From the moment the order was free to ship (its creation, or the last release of a credit hold, price approval or delivery block before the first goods issue) to the Post Goods Issue of the invoiced delivery. Holds are their own stages, so they are not counted twice.',
  },
  invoiceLatency: {
    label: 'Invoice latency',
    beforeInvoice: true,
    definition: 'From the Post Goods Issue of the invoiced delivery to Create Invoice.',
  },
  dispute: {
    label: 'Disputes',
    beforeInvoice: false,
    definition: "From the invoice's first Open Dispute to its last Resolve Dispute; a dispute still open counts up to the newest event of the log.",
  },
  latePayment: {
    label: 'Late payment',
    beforeInvoice: false,
    definition:
      "Calendar days from the due date to the local clearing date (still open: to the newest event's date), less what the dispute stage already explains.",
  },
};

export interface Contribution {
  /** variant, segment, channel, order_type, warehouse, customer_name or payment_terms. */
  dimension: string;
  value: string;
  invoices: number;
  /** Σ amount × excess days of the invoices over target with this value. */
  amountDays: number;
  /** Its share of the stage's ΔDSO, in days: amountDays ÷ the period's Σ amount. */
  deltaDays: number;
}

export interface StageImpact {
  stage: StageId;
  label: string;
  definition: string;
  targetHours: number;
  /** False for stages before the invoice exists: they do not move DSO but delay cash all the same. */
  visibleInDso: boolean;
  invoicesOverTarget: number;
  amountOverTarget: number;
  /** Σ Aᵢ·dᵢ (currency × days). */
  amountDays: number;
  /** Σ Aᵢ·dᵢ / T: the average cash held back over the period. */
  cashTiedUp: number;
  /** Σ Aᵢ·dᵢ / Σ A: ΔDSO for stages visible in DSO; for the others, the days cash arrives later on average (a DSO-equivalent that DSO does not show). */
  deltaDays: number;
  /** cashTiedUp × cost of capital: the yearly cost of carrying it. */
  carryingCostPerYear: number;
  /** The same over the period's days. */
  carryingCostInPeriod: number;
  /** DSO if the stage had met its target (DSO − ΔDSO); DSO itself for stages before the invoice, which it cannot see. */
  whatIfDso: number | null;
  topVariants: Contribution[];
  topValues: Contribution[];
}

export interface DsoImpact {
  logId: string;
  period: Period;
  /** Running delays (open disputes, unpaid invoices past due) are counted up to this time. */
  asOf: string | null;
  targetsVersion: number;
  costOfCapital: number;
  days: number;
  /** Invoices created in the period (not cancelled) and their gross amount Σ A. */
  invoices: number;
  amount: number;
  /** Simple DSO of the period over the same selection. */
  dso: number | null;
  stages: StageImpact[];
  /** Stages after the invoice: what DSO shows. */
  inDso: { deltaDays: number; cashTiedUp: number; carryingCostPerYear: number; whatIfDso: number | null };
  /** Stages before the invoice: invisible in DSO, cash later all the same. */
  beforeInvoice: { deltaDays: number; cashTiedUp: number; carryingCostPerYear: number };
}

export interface DsoImpactOptions {
  logId?: string;
  period: Period;
  selection?: CaseSelection;
  targets?: Targets;
  /** How many variants / values per dimension to list per stage. */
  top?: number;
}

interface Row {
  kind: 'total' | 'top';
  stage: StageId;
  dimension: string | null;
  value: string | null;
  invoices: number;
  amount: number;
  amount_days: number;
  all_invoices: number;
  all_amount: number;
}

export async function dsoImpact(store: Store, opts: DsoImpactOptions): Promise<DsoImpact> {
  const logId = opts.logId ?? 'o2c';
  const period = validatePeriod(opts.period);
  const targets = opts.targets ?? loadTargets();
  const top = opts.top ?? 5;
  await ensureCaseViews(store, logId);
  const asOf = (await dataRange(store, logId)).lastEvent;
  const h = (s: StageId) => targets.stages[s].targetHours;
  const rows = await composedQuery<Row>(
    store,
    'mining/dso/impact',
    {
      log_id: logId,
      tz: targets.localTimeZone,
      from: period.from,
      to: period.to,
      t_credit: h('creditHold'),
      t_price: h('pricingApproval'),
      t_wh: h('warehouse'),
      t_inv: h('invoiceLatency'),
      t_dispute: h('dispute'),
      t_late: h('latePayment'),
      top,
    },
    { selection: opts.selection },
  );
  const dsoRes = await kpiValues(store, { logId, periods: [period], kpis: ['dsoSimple'], selection: opts.selection, timeZone: targets.localTimeZone });
  const dso = dsoRes.kpis[0].points[0]?.value ?? null;
  const days = daysIn(period);
  const amount = rows[0]?.all_amount ?? 0;
  const invoices = rows[0]?.all_invoices ?? 0;
  const perDay = (ad: number) => (amount > 0 ? ad / amount : 0);
  const rate = targets.costOfCapital;

  const stages: StageImpact[] = STAGE_IDS.map((stage) => {
    const t = rows.find((r) => r.kind === 'total' && r.stage === stage);
    const ad = t?.amount_days ?? 0;
    const visible = !STAGES[stage].beforeInvoice;
    const delta = perDay(ad);
    const contributions = rows
      .filter((r) => r.kind === 'top' && r.stage === stage)
      .map((r) => ({ dimension: r.dimension as string, value: r.value as string, invoices: r.invoices, amountDays: r.amount_days, deltaDays: perDay(r.amount_days) }))
      .sort((a, b) => b.amountDays - a.amountDays || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
    return {
      stage,
      label: STAGES[stage].label,
      definition: STAGES[stage].definition,
      targetHours: targets.stages[stage].targetHours,
      visibleInDso: visible,
      invoicesOverTarget: t?.invoices ?? 0,
      amountOverTarget: t?.amount ?? 0,
      amountDays: ad,
      cashTiedUp: ad / days,
      deltaDays: delta,
      carryingCostPerYear: (ad / days) * rate,
      carryingCostInPeriod: (ad / days) * rate * (days / 365),
      whatIfDso: dso === null ? null : visible ? dso - delta : dso,
      topVariants: contributions.filter((c) => c.dimension === 'variant'),
      topValues: contributions.filter((c) => c.dimension !== 'variant').slice(0, top * 2),
    };
  });
  const sum = (visible: boolean) => {
    const ad = stages.filter((s) => s.visibleInDso === visible).reduce((x, s) => x + s.amountDays, 0);
    return { deltaDays: perDay(ad), cashTiedUp: ad / days, carryingCostPerYear: (ad / days) * rate };
  };
  const inDso = sum(true);
  return {
    logId,
    period,
    asOf,
    targetsVersion: targets.version,
    costOfCapital: rate,
    days,
    invoices,
    amount,
    dso,
    stages,
    inDso: { ...inDso, whatIfDso: dso === null ? null : dso - inDso.deltaDays },
    beforeInvoice: sum(false),
  };
}
