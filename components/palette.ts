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
