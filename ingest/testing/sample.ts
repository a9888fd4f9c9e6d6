// A small hand-written source folder in the simulator's layout (fixtures/FORMATS.md): two real
// orders through every source, plus one planted bad record of each kind. Times are chosen around
// the 2025 DST change (9 March) so the UTC conversion is visible in expectations.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const csv = (header: string, rows: string[]): string => [header, ...rows].join('\n') + '\n';
const json = (xs: unknown[]): string => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';

export const SAP_FILES: Record<string, string> = {
  'USR02.csv': csv('BNAME,USTYP', ['ALICE,A', 'EDI_INBOUND,B', 'CREDIT_JOB,B', 'WMS_RFC,S', 'BOB,A', 'BATCH_SD,B']),
  'KNA1.csv': csv('KUNNR,NAME1,ORT01,REGIO,LAND1,KUKLA,ERDAT', [
    '0000100001,Great Lakes Supply,Chicago,IL,US,KA,20120105',
    '0000100002,"Baker, Lee & Sons",Dallas,TX,US,SM,20130220',
    '0000100003,"Walsh\'s ""Best"" Tool Co.",Peoria,IL,US,MM,20120230', // row 4: bad_date (planted)
  ]),
  'VBAK.csv': csv(
    'VBELN,ERDAT,ERZET,ERNAM,AUART,VKORG,VTWEG,KUNNR,BSTNK,VDATU,NETWR,WAERK,CMGST,LIFSK,FAKSK,ZTERM',
    [
      '0010000001,20250310,093015,ALICE,ZOR,1000,40,0000100001,PO-1,20250320,150.00,USD,D,,,NT30',
      '0010000002,20250115,080000,EDI_INBOUND,ZOR,1000,20,0000100002,PO-2,20250125,40.00,USD,A,,,2N30',
      '0010000003,20250116,080000,EDI_INBOUND,ZOR,1000,20,0000999999,PO-3,20250125,10.00,USD,A,,,NT30', // row 4: unknown_customer
      '0010000004,20250231,080000,EDI_INBOUND,ZOR,1000,20,0000100001,PO-4,20250125,10.00,USD,A,,,NT30', // row 5: bad_date
      ',20250117,080000,EDI_INBOUND,ZOR,1000,20,0000100001,PO-5,20250125,10.00,USD,A,,,NT30', // row 6: missing_key
    ],
  ),
  'VBAP.csv': csv('VBELN,POSNR,MATNR,ARKTX,KWMENG,VRKME,NETPR,NETWR,WERKS,ABGRU,ZZPRSTAT,ERDAT,ERZET', [
    '0010000001,000010,MAT-1,"Hex bolt M8x40, zinc plated",5,BOX,20.00,100.00,1000,,A,20250310,093015',
    '0010000001,000020,MAT-2,Safety glasses,10,EA,5.00,50.00,1000,,,20250310,093015',
    '0010000002,000010,MAT-3,Nitrile gloves L,4,BOX,10.00,40.00,2000,,,20250115,080000',
  ]),
  'CDHDR.csv': csv('OBJECTCLAS,OBJECTID,CHANGENR,USERNAME,UDATE,UTIME,TCODE', [
    'VERKBELEG,0010000001,0000000001,ALICE,20250310,093016,VA01',
    'VERKBELEG,0010000001,0000000002,CREDIT_JOB,20250311,020000,VKM3',
    'VERKBELEG,0010000001,0000000003,BOB,20250310,110000,VA02',
  ]),
  'CDPOS.csv': csv('OBJECTCLAS,OBJECTID,CHANGENR,TABNAME,TABKEY,FNAME,CHNGIND,VALUE_OLD,VALUE_NEW', [
    'VERKBELEG,0010000001,0000000001,VBAK,1000010000001,CMGST,U,,B',
    'VERKBELEG,0010000001,0000000002,VBAK,1000010000001,CMGST,U,B,D',
    'VERKBELEG,0010000001,0000000003,VBAP,1000010000001000010,NETPR,U,22.00,20.00',
    'VERKBELEG,0010000001,0000000003,VBAP,1000010000001000010,ZZPRSTAT,U,P,A',
  ]),
  'LIKP.csv': csv('VBELN,ERDAT,ERZET,ERNAM,VSTEL,KUNNR,LFDAT,WADAT,WADAT_IST,PODAT,POTIM', [
    '0080000001,20250312,100000,WMS_RFC,1000,0000100001,20250314,20250313,20250313,20250314,000000',
    '0080000002,20250116,090000,WMS_RFC,2000,0000100002,20250118,20250117,20250117,00000000,000000',
  ]),
  'LIPS.csv': csv('VBELN,POSNR,MATNR,LFIMG,VRKME,VGBEL,VGPOS,WERKS', [
    '0080000001,000010,MAT-1,5,BOX,0010000001,000010,1000',
    '0080000001,000020,MAT-2,10,EA,0010000001,000020,1000',
    '0080000002,000010,MAT-3,4,BOX,0010000002,000010,2000',
  ]),
  'VBFA.csv': csv('VBELV,POSNV,VBELN,POSNN,VBTYP_V,VBTYP_N,RFMNG,ERDAT,ERZET', [
    '0010000001,000010,0080000001,000010,C,J,5,20250312,100000',
    '0010000001,000020,0080000001,000020,C,J,10,20250312,100000',
    '0010000002,000010,0080000002,000010,C,J,4,20250116,090000',
    '0080000001,000010,4900000001,000001,J,R,5,20250313,161500',
    '0080000001,000020,4900000001,000002,J,R,10,20250313,161500',
    '0080000002,000010,4900000002,000001,J,R,4,20250117,123000',
    '0080000001,000010,0090000001,000010,J,M,5,20250314,020000',
    '0080000002,000010,0090000002,000010,J,M,4,20250118,020000',
    '0090000002,000010,0090000003,000010,M,N,4,20250120,100000',
    '0080000002,000010,0090000004,000010,J,M,4,20250120,100500',
    '0090000001,000010,0090000005,000010,M,O,1,20250401,090000',
  ]),
  'VBRK.csv': csv('VBELN,FKART,FKDAT,ERDAT,ERZET,ERNAM,KUNAG,NETWR,MWSBK,WAERK,ZTERM,FKSTO,SFAKN', [
    '0090000001,F2,20250314,20250314,020000,BATCH_SD,0000100001,150.00,12.00,USD,NT30,,',
    '0090000002,F2,20250118,20250118,020000,BATCH_SD,0000100002,40.00,3.20,USD,2N30,X,',
    '0090000003,S1,20250120,20250120,100000,BOB,0000100002,40.00,3.20,USD,2N30,,0090000002',
    '0090000004,F2,20250120,20250120,100500,BOB,0000100002,40.00,3.20,USD,2N30,,',
    '0090000005,G2,20250401,20250401,090000,BOB,0000100001,10.00,0.80,USD,NT30,,',
  ]),
  'VBRP.csv': csv('VBELN,POSNR,FKIMG,NETWR,AUBEL,AUPOS,VGBEL,VGPOS,MATNR', [
    '0090000001,000010,5,100.00,0010000001,000010,0080000001,000010,MAT-1',
    '0090000001,000020,10,50.00,0010000001,000020,0080000001,000020,MAT-2',
    '0090000002,000010,4,40.00,0010000002,000010,0080000002,000010,MAT-3',
    '0090000003,000010,4,40.00,0010000002,000010,0090000002,000010,MAT-3',
    '0090000004,000010,4,40.00,0010000002,000010,0080000002,000010,MAT-3',
    '0090000005,000010,1,10.00,0010000001,000010,0090000001,000010,MAT-1',
  ]),
  'BSID.csv': csv('BUKRS,KUNNR,BELNR,GJAHR,BUZEI,BLART,BLDAT,BUDAT,ZFBDT,ZBD1T,ZTERM,DMBTR,WAERS,SHKZG,VBELN,XBLNR,REBZG,RSTGR', [
    '1000,0000100002,1400000002,2025,001,RV,20250120,20250120,20250120,30,2N30,43.20,USD,S,0090000004,,,',
  ]),
  'BSAD.csv': csv(
    'BUKRS,KUNNR,BELNR,GJAHR,BUZEI,BLART,BLDAT,BUDAT,ZFBDT,ZBD1T,ZTERM,DMBTR,WAERS,SHKZG,VBELN,XBLNR,REBZG,RSTGR,AUGDT,AUGBL',
    [
      '1000,0000100001,1400000001,2025,001,RV,20250314,20250314,20250314,30,NT30,162.00,USD,S,0090000001,,,,20250420,1500000002',
      '1000,0000100001,1500000001,2025,001,DZ,20250401,20250401,20250401,0,NT30,100.00,USD,H,,py_000000000001,1400000001,,20250420,1500000002',
      '1000,0000100001,1500000002,2025,001,DZ,20250420,20250420,20250420,0,NT30,51.20,USD,H,,py_000000000002,,,20250420,1500000002',
      '1000,0000100001,1600000001,2025,001,DG,20250401,20250401,20250401,0,NT30,10.80,USD,H,0090000005,,1400000001,,20250420,1500000002',
    ],
  ),
};

export const LEGACY_FILES: Record<string, string> = {
  'WH1_20250313.csv': csv('REC_TYPE,DELIVERY_NO,LINE_NO,SKU,QTY_ORDERED,QTY_DONE,USER_ID,TS_LOCAL', [
    'PICK,80000001,10,MAT-1,5,4,wh1.jdoe,03/13/2025 08:05:00',
    'PICK,80000001,20,MAT-2,10,10,wh1.jdoe,03/13/2025 08:09:30',
    'PICK,80009999,10,MAT-9,3,-2,wh1.jdoe,03/13/2025 08:10:00', // row 4: negative_quantity
    'PACK,80000001,,,,,wh1.kim,03/13/2025 10:00:00',
    'SHIP,80000001,,,,,wh1.kim,03/13/2025 15:45:00',
  ]),
  'WH1_20250314.csv': csv('REC_TYPE,DELIVERY_NO,LINE_NO,SKU,QTY_ORDERED,QTY_DONE,USER_ID,TS_LOCAL', [
    'PACK,80009998,,,,,wh1.kim,02/30/2025 10:00:00', // row 2: bad_date
    'SHIP,,,,,,wh1.kim,03/14/2025 10:00:00', // row 3: missing_key
  ]),
};

const hook = (id: number, type: string, at: string, extra: Record<string, unknown> = {}, attempt = 1) => ({
  event_id: `whe_${String(id).padStart(12, '0')}`,
  event_type: type,
  occurred_at: at,
  warehouse: 'WH2',
  delivery_ref: '0080000002',
  actor: type === 'pick.confirmed' || type === 'pack.completed' || type === 'shipment.shipped' ? { type: 'user', id: 'wh2-amy' } : { type: 'system', id: 'wms' },
  attempt,
  ...extra,
});

export const EVENT_FILES: Record<string, string> = {
  '2025-01-17.ndjson': json([
    hook(1, 'wave.released', '2025-01-17T15:00:00.000Z'),
    // arrives before the pick it follows (out of order), and is delivered twice
    hook(3, 'pack.completed', '2025-01-17T16:10:00.000Z'),
    hook(2, 'pick.confirmed', '2025-01-17T15:40:00.000Z', { line_ref: '000010', sku: 'MAT-3', qty_expected: 4, qty_confirmed: 4 }),
    hook(3, 'pack.completed', '2025-01-17T16:10:00.000Z', {}, 2), // line 4: duplicate delivery
    hook(4, 'shipment.shipped', '2025-01-17T18:20:00.000Z'),
  ]),
  '2025-01-18.ndjson': json([
    hook(5, 'carrier.picked_up', '2025-01-17T22:00:00.000Z', { carrier: 'UPS', tracking: '1Z999' }),
    hook(6, 'shipment.delivered', '2025-01-18T17:30:00.000Z', { carrier: 'UPS', tracking: '1Z999' }),
    { ...hook(7, 'pack.completed', '2025-01-18T10:00:00.000Z'), delivery_ref: '' }, // line 3: missing_key
    { ...hook(8, 'pack.completed', '2025-01-18T25:00:00.000Z'), delivery_ref: '0080000077' }, // line 4: bad_date
  ]),
};

const inv = (id: string, erp: string, order: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: 'invoice',
  customer: 'cus_100001',
  amount_due: 16200,
  amount_paid: 0,
  amount_remaining: 16200,
  currency: 'usd',
  due_date: 1744606800,
  status,
  metadata: { erp_billing_doc: `INV-${erp}`, erp_order: `SO ${order}` },
  ...extra,
});
const evt = (n: number, type: string, created: number, object: unknown, more: Record<string, unknown> = {}) => ({
  id: `evt_${String(n).padStart(13, '0')}`,
  type,
  created,
  data: { object },
  request: { id: null },
  ...more,
});

// 2025-03-14T08:00:00Z = 1741939200
export const BILLING_FILES: Record<string, string> = {
  '2025-03-14.ndjson': json([
    evt(1, 'invoice.created', 1741939200, inv('in_000000000001', '90000001', '10000001', 'draft')),
    evt(2, 'invoice.finalized', 1741939260, inv('in_000000000001', '90000001', '10000001', 'open')),
    evt(3, 'invoice.sent', 1741939320, inv('in_000000000001', '90000001', '10000001', 'open')),
    evt(4, 'invoice.sent', 1741939400, inv('in_000000000009', '', '10000001', 'open')), // line 4: missing_key
  ]),
  '2025-04-01.ndjson': json([
    // 2025-04-01T15:00:00Z = 1743519600
    {
      ...evt(5, 'invoice.payment_succeeded', 1743519600, inv('in_000000000001', '90000001', '10000001', 'open', { amount_paid: 10000, amount_remaining: 6200 })),
      data: {
        object: inv('in_000000000001', '90000001', '10000001', 'open', { amount_paid: 10000, amount_remaining: 6200 }),
        payment: { id: 'py_000000000001', amount: 10000 },
      },
    },
    evt(6, 'charge.dispute.created', 1743523200, { id: 'dp_000000000001', object: 'dispute', invoice: 'in_000000000001', amount: 1080, reason: 'product_not_received', currency: 'usd' }),
    evt(7, 'credit_note.created', 1743523300, { id: 'cn_000000000001', object: 'credit_note', invoice: 'in_000000000001', amount: 1080, currency: 'usd', metadata: { erp_credit_memo: 'CM-90000005' } }),
    evt(8, 'charge.dispute.closed', 1743526800, { id: 'dp_000000000001', object: 'dispute', invoice: 'in_000000000001', amount: 1080, reason: 'product_not_received', status: 'won', currency: 'usd' }, { request: { id: 'req_1', user: 'ar.clerk1' } }),
    evt(9, 'invoice.sent', 'yesterday' as unknown as number, inv('in_000000000001', '90000001', '10000001', 'open')), // line 5: bad_date
  ]),
  '2025-04-20.ndjson': json([
    // 2025-04-20T14:00:00Z = 1745157600
    {
      ...evt(10, 'invoice.payment_succeeded', 1745157600, {}),
      data: {
        object: inv('in_000000000001', '90000001', '10000001', 'paid', { amount_paid: 15120, amount_remaining: 0 }),
        payment: { id: 'py_000000000002', amount: 5120 },
      },
    },
    evt(11, 'invoice.paid', 1745157601, inv('in_000000000001', '90000001', '10000001', 'paid', { amount_paid: 15120, amount_remaining: 0 })),
  ]),
};

/** The planted bad records of the sample, as ground-truth.json lists them. */
export const SAMPLE_BAD_RECORDS = [
  { file: 'sap/KNA1.csv', row: 4, field: 'ERDAT', kind: 'bad_date' },
  { file: 'sap/VBAK.csv', row: 4, field: 'KUNNR', kind: 'unknown_customer' },
  { file: 'sap/VBAK.csv', row: 5, field: 'ERDAT', kind: 'bad_date' },
  { file: 'sap/VBAK.csv', row: 6, field: 'VBELN', kind: 'missing_key' },
  { file: 'wms-legacy/WH1_20250313.csv', row: 4, field: 'QTY_DONE', kind: 'negative_quantity' },
  { file: 'wms-legacy/WH1_20250314.csv', row: 2, field: 'TS_LOCAL', kind: 'bad_date' },
  { file: 'wms-legacy/WH1_20250314.csv', row: 3, field: 'DELIVERY_NO', kind: 'missing_key' },
  { file: 'wms-events/2025-01-18.ndjson', row: 3, field: 'delivery_ref', kind: 'missing_key' },
  { file: 'wms-events/2025-01-18.ndjson', row: 4, field: 'occurred_at', kind: 'bad_date' },
  { file: 'billing/2025-03-14.ndjson', row: 4, field: 'data.object.metadata.erp_billing_doc', kind: 'missing_key' },
  { file: 'billing/2025-04-01.ndjson', row: 5, field: 'created', kind: 'bad_date' },
];

export function writeFolder(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Writes the whole sample into a new temp folder and returns it. */
export function writeSample(overrides: Partial<Record<'sap' | 'wms-legacy' | 'wms-events' | 'billing', Record<string, string>>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-ingest-'));
  writeFolder(join(root, 'sap'), overrides.sap ?? SAP_FILES);
  writeFolder(join(root, 'wms-legacy'), overrides['wms-legacy'] ?? LEGACY_FILES);
  writeFolder(join(root, 'wms-events'), overrides['wms-events'] ?? EVENT_FILES);
  writeFolder(join(root, 'billing'), overrides.billing ?? BILLING_FILES);
  return root;
}
