// Colours used inside SVG (presentation attributes cannot read CSS variables). Keep in step with
// the variables in app/globals.css.
export const palette = {
  text: '#111827',
  muted: '#6b7280',
  border: '#d5dae1',
  highlight: '#eef3fd',
  chartStrong: '#2f5fd0',
  chartSoft: '#b9c9ee',
  chartLine: '#d9622b',
  chartAlt: '#7c3aed',
  edge: '#7c8799',
  edgeHot: '#334155',
  start: '#12805c',
  end: '#334155',
  /** Node fill from light (rare) to dark (frequent). */
  nodeLow: [225, 234, 250] as const,
  nodeHigh: [31, 66, 140] as const,
};

export function nodeFill(weight: number): string {
  const t = Math.max(0, Math.min(1, weight));
  const [a, b] = [palette.nodeLow, palette.nodeHigh];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export const nodeText = (weight: number): string => (weight > 0.55 ? '#ffffff' : '#13213d');

/**
 * Colours that tell activities apart (the map's node stripe and the variants' chips). Mid-tones
 * that read on light and dark surfaces; an activity keeps its colour on every page (activity-colour.ts).
 */
export const categorical = [
  '#2f6fde', '#e0702b', '#179c74', '#c2418f', '#8757d8', '#c79a12', '#1a9bb5', '#d44848', '#5f8d2c', '#7d6a58', '#8fb31d', '#5b7083',
] as const;

/** AR aging buckets, current to over 90 days past due (calm to alarming). */
export const agingColours = ['#179c74', '#c79a12', '#e0702b', '#d44848', '#8f2424'] as const;

/** Cost causes: visible in DSO (after the invoice) vs before the invoice exists. */
export const causeColours = { inDso: '#d9622b', beforeInvoice: '#7c8fb3' } as const;
