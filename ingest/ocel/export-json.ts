// Writes a log of the store as OCEL 2.0 JSON (objectTypes, eventTypes, objects, events); gzip if
// the path ends in .gz. Mapping: export-common.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Store } from '../../sql';
import { countsOf, readLogForExport, type ExportCounts } from './export-common';
import type { OcelAttrType } from './model';

function types(map: Map<string, Map<string, OcelAttrType>>): string {
  const out = [...map].map(([name, attrs]) => ({ name, attributes: [...attrs].map(([n, type]) => ({ name: n, type })) }));
  return JSON.stringify(out);
}

const iso = (ms: number): string => new Date(ms).toISOString();

export async function exportOcelJson(store: Store, logId: string, outPath: string): Promise<ExportCounts & { path: string }> {
  const log = await readLogForExport(store, logId);
  const parts: string[] = [`{"objectTypes":${types(log.objectTypes)},"eventTypes":${types(log.eventTypes)},"objects":[`];
  log.objects.forEach((o, i) => {
    const doc = {
      id: o.id,
      type: o.type,
      attributes: o.attrs.map((a) => ({ name: a.name, time: iso(a.time), value: a.value })),
      relationships: o.rels.map(([objectId, qualifier]) => ({ objectId, qualifier })),
    };
    parts.push(`${i ? ',' : ''}\n${JSON.stringify(doc)}`);
  });
  parts.push('],"events":[');
  log.events.forEach((e, i) => {
    const doc = {
      id: e.id,
      type: e.type,
      time: iso(e.time),
      attributes: Object.entries(e.attrs).map(([name, value]) => ({ name, value })),
      relationships: e.rels.map(([objectId, qualifier]) => ({ objectId, qualifier })),
    };
    parts.push(`${i ? ',' : ''}\n${JSON.stringify(doc)}`);
  });
  parts.push(']}\n');
  const text = Buffer.from(parts.join(''), 'utf8');
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, /\.gz$/i.test(outPath) ? gzipSync(text) : text);
  return { path: outPath, ...countsOf(log) };
}
