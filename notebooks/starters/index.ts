// The starter notebooks: files in notebooks/starters/ (the same format as an exported notebook),
// checked on load like an import. `notebooks.create({ starter })` copies one; the demo seeds them.
import deviations from './common-deviations.tlnb.json';
import dso from './dso-by-segment.tlnb.json';
import latency from './invoice-latency-by-warehouse.tlnb.json';
import type { NotebookDoc, StarterInfo } from '../types';
import { parseDoc } from '../validate';

interface Starter extends StarterInfo {
  doc: NotebookDoc;
}

const FILES: { id: string; description: string; raw: unknown }[] = [
  { id: 'dso-by-segment', description: 'Days sales outstanding per customer segment, month by month, from the receivables ledger.', raw: dso },
  {
    id: 'invoice-latency-by-warehouse',
    description: 'Hours from goods issue to invoice per warehouse: median, 90th percentile and the share over 48 hours.',
    raw: latency,
  },
  { id: 'common-deviations', description: 'The most common deviations from the reference process, and the variants and paths behind them (tl_variants, tl_dfg).', raw: deviations },
];

let loaded: Starter[] | null = null;

export function starters(): Starter[] {
  loaded ??= FILES.map((f) => {
    const doc = parseDoc(f.raw);
    return { id: f.id, title: doc.title, description: f.description, doc };
  });
  return loaded;
}

export function starterInfos(): StarterInfo[] {
  return starters().map(({ id, title, description }) => ({ id, title, description }));
}

export function starter(id: string): Starter | undefined {
  return starters().find((s) => s.id === id);
}
