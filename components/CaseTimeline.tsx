'use client';
// A case's events in time order, one lane per source system (ERP, WMS, billing…): each event's dot
// sits in its system's lane, and the row names the source record it was read from
// (system · file · key) and the objects it touches.
import { useState } from 'react';
import type { CaseEvent } from '../mining/types';
import { formatDateTime, formatMoney, systemLabel } from './case-format';
import { categorical, palette } from './palette';
import styles from './CaseTimeline.module.css';

const LANE = 22;
const ORDER = ['sap', 'odoo', 'wms-legacy', 'wms-events', 'billing'];
/** Rows drawn before "show all" (a big OCEL case can have thousands of events). */
const FIRST_ROWS = 300;

export function laneOrder(events: readonly CaseEvent[]): string[] {
  const seen = [...new Set(events.map((e) => e.sourceSystem))];
  const rank = (s: string) => (ORDER.includes(s) ? ORDER.indexOf(s) : ORDER.length);
  return seen.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const [all, setAll] = useState(false);
  const lanes = laneOrder(events);
  const colour = (s: string) => categorical[lanes.indexOf(s) % categorical.length];
  const width = lanes.length * LANE;
  const shown = all ? events : events.slice(0, FIRST_ROWS);
  return (
    <div className={styles.timeline}>
      <ul className={styles.legend} aria-label="Source systems">
        {lanes.map((s) => (
          <li key={s} className={styles.legendItem}>
            <svg width="10" height="10" aria-hidden>
              <circle cx="5" cy="5" r="5" fill={colour(s)} />
            </svg>
            {systemLabel(s)} <span className={styles.muted}>({events.filter((e) => e.sourceSystem === s).length})</span>
          </li>
        ))}
      </ul>
      <ol className={styles.list} aria-label={`${events.length} events in time order`}>
        {shown.map((e, i) => (
          <li key={e.eventSeq} className={styles.event} data-testid="case-event">
            <time className={styles.time} dateTime={e.ts}>
              {formatDateTime(e.ts)}
              {e.tsPrecision === 'day' && <span className={styles.muted}> (day)</span>}
            </time>
            <div className={styles.laneCell} style={{ width }}>
              <svg className={styles.lanes} width={width} height="100%" aria-hidden>
                {lanes.map((s, k) => (
                  <line key={s} x1={k * LANE + LANE / 2} x2={k * LANE + LANE / 2} y1={i === 0 ? 18 : 0} y2={i === shown.length - 1 ? 18 : 400} stroke={palette.border} strokeWidth="2" />
                ))}
                <circle cx={lanes.indexOf(e.sourceSystem) * LANE + LANE / 2} cy="18" r="6" fill={colour(e.sourceSystem)} stroke={palette.text} strokeOpacity="0.15" />
              </svg>
            </div>
            <div className={styles.body}>
              <div className={styles.head}>
                <span className={styles.activity}>{e.activity}</span>
                <span className={styles.system} data-testid="event-system">
                  {systemLabel(e.sourceSystem)}
                </span>
                {e.user && (
                  <span className={styles.muted}>
                    by {e.user}
                    {e.userType ? ` (${e.userType})` : ''}
                  </span>
                )}
                {e.amount !== null && <span className={styles.amount}>{formatMoney(e.amount, e.currency)}</span>}
              </div>
              <div className={styles.source} data-testid="event-source" title={`ingest run ${e.runId}`}>
                {e.sourceSystem} · {e.sourceFile ?? '—'} · {e.sourceKey}
              </div>
              {e.objects.length > 0 && (
                <ul className={styles.objects} aria-label="Objects this event touches">
                  {e.objects.map((o) => (
                    <li key={`${o.objectId}|${o.qualifier}`} className={styles.object}>
                      {o.objectId}
                      {o.qualifier !== o.objectType && <span className={styles.muted}> · {o.qualifier}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ol>
      {!all && events.length > FIRST_ROWS && (
        <button type="button" className={styles.more} onClick={() => setAll(true)}>
          Show all {events.length} events
        </button>
      )}
    </div>
  );
}
