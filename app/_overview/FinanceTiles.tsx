'use client';
// The overview's tiles: each KPI of the month against the month before, its definition, and where
// it leads (the cases behind it, or the panel that explains it).
import { formatCount, formatKpiText } from '../../components/format';
import { KpiTile } from '../../components/KpiTile';
import { Sparkline } from '../../components/Sparkline';
import type { DsoImpact, KpiSeries, KpiValues, OpenDisputes, StageId } from '../../mining/types';
import type { AgingBucketId } from '../../mining/filter/types';

export interface FinanceTilesProps {
  kpis: KpiValues;
  /** Month ids of the kpis' periods, oldest first; the last is the selected month. */
  months: string[];
  previousLabel: string;
  impact: DsoImpact | null;
  previousImpact: DsoImpact | null;
  /** [previous month, month]. */
  disputes: OpenDisputes[] | null;
  agingTotal: [number, number] | null;
  causeHref: (stage: StageId) => string | null;
  /** The orders with invoices open at the month's end in those aging buckets. */
  receivableHref: (buckets: readonly AgingBucketId[] | 'all') => string | null;
  disputesHref?: string;
}

const cashTiedUp = (i: DsoImpact | null) => (i ? i.inDso.cashTiedUp + i.beforeInvoice.cashTiedUp : null);
const CASH_DEFINITION =
  'Σ (invoice amount × days beyond the stage’s target) ÷ days in the period, over the invoices created in the period: the average cash held back by delays. Before the invoice: credit holds, pricing approvals, warehouse, invoice latency (DSO cannot see these). After it: disputes and late payment (counted in DSO).';
const OPEN_DISPUTES_DEFINITION =
  'Disputes opened (Open Dispute) before the end of the period and not resolved (Resolve Dispute) by then; their age is the time from the first Open Dispute to the period end.';

export function FinanceTiles(p: FinanceTilesProps) {
  const last = p.months.length - 1;
  const s = (id: string): KpiSeries => {
    const k = p.kpis.kpis.find((x) => x.id === id);
    if (!k) throw new Error(`finance.kpis did not return ${id}`);
    return k;
  };
  const at = (k: KpiSeries, i: number) => k.points[i]?.value ?? null;
  const tile = (id: string, extra: Partial<Parameters<typeof KpiTile>[0]> = {}) => {
    const k = s(id);
    return <KpiTile key={id} id={id} label={k.label} unit={k.unit} value={at(k, last)} previous={at(k, last - 1)} higherIsBetter={k.higherIsBetter} definition={k.definition} previousLabel={p.previousLabel} {...extra} />;
  };
  const dso = s('dsoSimple');
  const countback = s('dsoCountback');
  const spark = (k: KpiSeries) => ({ name: k.label, points: k.points.map((pt, i) => ({ month: p.months[i], value: pt.value })) });
  const cash = cashTiedUp(p.impact);
  const disputes = p.disputes?.[1] ?? null;
  const resolution = s('disputeResolutionDays');

  return (
    <>
      {tile('dsoSimple', {
        testId: 'dso-tile',
        label: 'DSO',
        definition: (
          <>
            {dso.definition}
            <br />
            <br />
            <strong>Countback:</strong> {countback.definition}
          </>
        ),
        secondary: (
          <>
            Countback <strong data-testid="dso-countback">{formatKpiText(at(countback, last), 'days')}</strong>
          </>
        ),
        children: <Sparkline series={[spark(dso), spark(countback)]} label="DSO simple and countback, the last 12 months" format={(v) => formatKpiText(v, 'days')} />,
        href: '#causes',
        linkLabel: 'What drives it',
        linkTestId: 'dso-causes-link',
      })}
      {tile('bestPossibleDso', { href: p.receivableHref(['current']) ?? undefined, linkLabel: 'Orders not yet due' })}
      {tile('averageDaysDelinquent', { href: p.receivableHref(['d1_30', 'd31_60', 'd61_90', 'd90_plus']) ?? undefined, linkLabel: 'Orders past due' })}
      <KpiTile
        id="cashTiedUp"
        testId="cash-tile"
        label="Cash tied up by delays"
        unit="usd"
        value={cash}
        previous={cashTiedUp(p.previousImpact)}
        higherIsBetter={false}
        definition={CASH_DEFINITION}
        previousLabel={p.previousLabel}
        secondary={
          p.impact ? (
            <>
              In DSO <strong>{formatKpiText(p.impact.inDso.cashTiedUp, 'usd')}</strong> · before the invoice <strong>{formatKpiText(p.impact.beforeInvoice.cashTiedUp, 'usd')}</strong>
            </>
          ) : undefined
        }
        href="#causes"
        linkLabel="By cause"
      >
        {p.impact && (
          <span>
            Top: {[...p.impact.stages].sort((a, b) => b.cashTiedUp - a.cashTiedUp).slice(0, 2).map((x) => `${x.label} ${formatKpiText(x.cashTiedUp, 'usd')}`).join(' · ')}
          </span>
        )}
      </KpiTile>
      {tile('invoiceLatencyHours', { href: p.causeHref('invoiceLatency') ?? undefined, linkLabel: 'Invoices late after goods issue' })}
      {tile('latePaymentRate', { href: p.causeHref('latePayment') ?? undefined, linkLabel: 'Orders paid late' })}
      <KpiTile
        id="openDisputes"
        testId="disputes-tile"
        label="Open disputes"
        unit="count"
        value={disputes?.openAtEnd ?? null}
        previous={p.disputes?.[0].openAtEnd ?? null}
        higherIsBetter={false}
        definition={OPEN_DISPUTES_DEFINITION}
        previousLabel={p.previousLabel}
        secondary={
          disputes ? (
            <>
              Median age <strong data-testid="dispute-age">{formatKpiText(disputes.medianAgeDays, 'days')}</strong> · {formatCount(disputes.opened)} opened this month
            </>
          ) : undefined
        }
        href={p.disputesHref}
        linkLabel="Disputed orders"
      />
      {tile('disputeRate', {
        secondary: (
          <>
            {resolution.label}: <strong>{formatKpiText(at(resolution, last), 'days')}</strong>
          </>
        ),
        definition: (
          <>
            {s('disputeRate').definition}
            <br />
            <br />
            <strong>{resolution.label}:</strong> {resolution.definition}
          </>
        ),
        href: p.causeHref('dispute') ?? undefined,
        linkLabel: 'Disputed orders',
      })}
    </>
  );
}
