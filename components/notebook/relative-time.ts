// "just now", "5 min ago", "3 h ago", "yesterday", "12 days ago", then the date: how long ago a
// notebook changed. `now` is passed in, so a test (and the server render) gets the same words.
import { formatUtc } from '../format';

export function relativeTime(iso: string, now: number): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  const days = Math.floor(s / 86_400);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return formatUtc(iso, 'd MMM yyyy');
}
