// Formatting for the Ingest page: run durations and the age of a source's newest event in words.
import { formatDistanceStrict } from 'date-fns';
import { formatHours } from './format';

const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "0.6 s", "12 s", "3 min 05 s", "1 h 04 min"; "—" when the run has not finished. */
export function formatRunDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 10_000) return `${one.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "11 months ago": how old an instant is at `now` (both ISO UTC, so server and browser agree). */
export const formatAge = (iso: string, now: string): string => formatDistanceStrict(new Date(iso), new Date(now), { addSuffix: true });

/** "1.4 d behind" (the freshest source), or null for the freshest source itself. */
export function formatLag(hours: number | null): string | null {
  if (hours === null || hours < 1 / 60) return null;
  return `${formatHours(hours)} behind`;
}
