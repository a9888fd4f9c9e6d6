// One colour per activity, the same on the map and in the variants: picked from the activity's
// name (not its rank), so it does not change with filters, sliders or the page. Pure.
import { categorical } from './palette';

/** FNV-1a over the UTF-16 code units: stable, fast, spreads similar names apart. */
export function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const activityColour = (activity: string): string => categorical[nameHash(activity) % categorical.length];
