// Calendar months (UTC) covered by a log's data, for the period selector. Pure; no database.
import type { Period } from '../mining/types';

export interface MonthOption {
  /** YYYY-MM, the value kept in the URL (`?period=2025-11`). */
  id: string;
  period: Period;
  /** The data does not cover the whole month (it starts or ends inside it). */
  partial: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m0: number) => `${y}-${pad(m0 + 1)}`;
const firstDay = (y: number, m0: number) => {
  const d = new Date(Date.UTC(y, m0, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};

/** The month `2025-11` as the half-open period [2025-11-01, 2025-12-01). */
export function monthPeriod(id: string): Period {
  const [y, m] = id.split('-').map(Number);
  return { from: firstDay(y, m - 1), to: firstDay(y, m) };
}

/** Every month from the first to the last event, oldest first. */
export function monthsCovered(firstEvent: string | null, lastEvent: string | null): MonthOption[] {
  if (!firstEvent || !lastEvent) return [];
  const a = new Date(firstEvent);
  const b = new Date(lastEvent);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || a > b) return [];
  const out: MonthOption[] = [];
  let y = a.getUTCFullYear();
  let m = a.getUTCMonth();
  while (y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth())) {
    const id = ym(y, m);
    const period = monthPeriod(id);
    const startsInside = a.getTime() > Date.parse(`${period.from}T00:00:00Z`) + 86_400_000;
    const endsInside = b.getTime() < Date.parse(`${period.to}T00:00:00Z`) - 86_400_000;
    out.push({ id, period, partial: startsInside || endsInside });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

/** The month to open with: the newest complete month, else the newest month. */
export function defaultMonth(months: readonly MonthOption[]): string | null {
  for (let i = months.length - 1; i >= 0; i--) if (!months[i].partial) return months[i].id;
  return months.length ? months[months.length - 1].id : null;
}

/** The trend window: the twelve months ending with the selected one. */
export function trailingYear(id: string): Period {
  const [y, m] = id.split('-').map(Number);
  return { from: firstDay(y, m - 12), to: monthPeriod(id).to };
}
