// What SAP's next extract carries when a credit hold is released or set again: a sap/ folder with
// only CDHDR + CDPOS (fixtures/FORMATS.md: VKM3 releases B → D, VA02 sets '' / D → B). Loaded with
// `ingest(store, 'sap', dir)` or the server's `ingest.run`, it is an ordinary incremental ingest,
// so tests of closing the loop go through the same path as production.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CreditChange {
  /** The order number (VBELN, leading zeros or not). */
  order: string;
  change: 'release' | 'block';
  /** A change number no extract has used (the simulator numbers from 1; pick from 900000 up). */
  changeNo: number;
  /** Local (America/Chicago) date and time: YYYYMMDD, HHMMSS. */
  date: string;
  time: string;
}

const pad = (s: string | number, n: number) => String(s).padStart(n, '0');

/** Writes `<new temp folder>/sap/{CDHDR,CDPOS}.csv` and answers the sap/ folder. */
export function writeCreditChanges(changes: readonly CreditChange[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tl-credit-changes-')), 'sap');
  mkdirSync(dir);
  const hdr = ['OBJECTCLAS,OBJECTID,CHANGENR,USERNAME,UDATE,UTIME,TCODE'];
  const pos = ['OBJECTCLAS,OBJECTID,CHANGENR,TABNAME,TABKEY,FNAME,CHNGIND,VALUE_OLD,VALUE_NEW'];
  for (const c of changes) {
    const order = pad(c.order, 10);
    const nr = pad(c.changeNo, 10);
    const release = c.change === 'release';
    hdr.push(`VERKBELEG,${order},${nr},${release ? 'CREDIT_JOB' : 'EDI_INBOUND'},${c.date},${c.time},${release ? 'VKM3' : 'VA02'}`);
    pos.push(`VERKBELEG,${order},${nr},VBAK,100${order},CMGST,U,${release ? 'B,A' : 'A,B'}`);
  }
  writeFileSync(join(dir, 'CDHDR.csv'), hdr.join('\n') + '\n');
  writeFileSync(join(dir, 'CDPOS.csv'), pos.join('\n') + '\n');
  return dir;
}
