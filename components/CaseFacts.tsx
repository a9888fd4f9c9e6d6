// The key facts of a case at the top of the case page: for an order its customer, value, creation
// and status; for any case its span, events and variant. Values come formatted like the table.
import type { CaseDetail } from '../mining/types';
import { formatCell } from './case-format';
import styles from './CaseFacts.module.css';

const ORDER_FACTS = ['customer_name', 'net_value', 'created_ts', 'segment', 'channel', 'order_type', 'warehouse', 'payment_terms', 'n_events', 'duration'];
const CASE_FACTS = ['start_ts', 'end_ts', 'n_events', 'duration', 'variant_no'];

const STATUS_LABEL: Record<string, string> = {
  created: 'Open, not shipped',
  shipped: 'Shipped, not invoiced',
  invoiced: 'Invoiced',
  cancelled: 'Cancelled',
  open: 'Open',
  finished: 'Finished',
};

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const byId = new Map(detail.columns.map((c) => [c.id, c]));
  const ids = detail.isOrder ? ORDER_FACTS : [...CASE_FACTS, ...detail.columns.filter((c) => c.id.startsWith('attr:')).slice(0, 4).map((c) => c.id)];
  return (
    <dl className={styles.facts} data-testid="case-facts">
      <div className={styles.fact}>
        <dt>Status</dt>
        <dd>
          <span className={styles.status} data-status={detail.status}>
            {STATUS_LABEL[detail.status] ?? detail.status}
          </span>
        </dd>
      </div>
      {ids.map((id) => {
        const col = byId.get(id);
        if (!col) return null;
        return (
          <div key={id} className={styles.fact}>
            <dt>
              {col.label}
              {col.type === 'datetime' && ' (UTC)'}
            </dt>
            <dd>{formatCell(col, detail.row[id], detail.row)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
