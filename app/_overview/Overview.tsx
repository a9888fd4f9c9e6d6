'use client';
// The finance overview (issue 5), for a finance leader on Monday morning: DSO and what moves it,
// cash tied up by cause, AR aging and disputes for the month in the URL against the month before.
// O2C logs only; the filter bar's filters apply to every number.
import { formatMonth, formatPeriod } from '../../components/format';
import { PeriodSelector } from '../../components/PeriodSelector';
import { ErrorState } from '../../components/States';
import { PageShell, type ResolvedView } from '../_shared/PageShell';
import { messageOf } from '../_shared/url-state';
import { useTRPC } from '../_trpc/client';
import { useQuery } from '@tanstack/react-query';
import { FinanceBody } from './FinanceBody';
import { useMonth } from './use-month';
import styles from './Overview.module.css';

export function Overview() {
  return (
    <PageShell page="overview" title="Finance overview" requires="o2c" subtitle={(v) => <Subtitle view={v} />} actions={(v) => <MonthPicker view={v} />}>
      {(view) => <Content view={view} />}
    </PageShell>
  );
}

function Subtitle({ view }: { view: ResolvedView }) {
  const { inputs } = useMonth(view.logId);
  if (!inputs) return <span className="skeleton-line" style={{ display: 'inline-block', width: 320 }} />;
  return (
    <span data-testid="period-label">
      {formatPeriod(inputs.month.period)}
      {inputs.month.partial && <span className={styles.partial}>partial month</span>}
      <span className={styles.sep}>·</span>compared with {formatPeriod(inputs.previous.period)}
    </span>
  );
}

function MonthPicker({ view }: { view: ResolvedView }) {
  const { rangeQ, inputs, setMonth } = useMonth(view.logId);
  if (!rangeQ.data || !inputs) return <div className={styles.selectorSkeleton} />;
  return <PeriodSelector months={rangeQ.data.months} value={inputs.month.id} onChange={setMonth} />;
}

// Mirrors server/auth.ts GRANTS: the roles with the `finance` permission (the server decides).
const FINANCE_ROLES = ['admin', 'finance_leader', 'analyst'];

function Content({ view }: { view: ResolvedView }) {
  const trpc = useTRPC();
  const meQ = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 300_000 }));
  if (meQ.data && !meQ.data.roles.some((r) => FINANCE_ROLES.includes(r))) {
    return (
      <p className={styles.notice} role="status" data-testid="no-finance">
        The finance overview is for finance leaders, analysts and admins. Your work is on{' '}
        <a href={view.linkTo('/exceptions')}>Exceptions</a> (the queues in your area) and <a href={view.linkTo('/runs')}>Runs</a>.
      </p>
    );
  }
  return <FinanceContent view={view} />;
}

function FinanceContent({ view }: { view: ResolvedView }) {
  const { rangeQ, inputs } = useMonth(view.logId);
  if (rangeQ.isError) return <ErrorState what="the log's date range" message={messageOf(rangeQ.error)} onRetry={() => void rangeQ.refetch()} />;
  if (rangeQ.data && !inputs) return <p className={styles.notice}>This log has no dated events yet.</p>;
  return (
    <>
      {inputs?.unknownMonth && (
        <p className={styles.notice} role="status">
          There is no data for {inputs.unknownMonth}; showing {formatMonth(inputs.month.id)} instead.
        </p>
      )}
      <FinanceBody view={view} inputs={inputs} />
    </>
  );
}
