'use client';
// Upload → mapping + detected settings → preview and problems → import → result. Talks to the
// imports router with the admin token (kept for the browser session only).
import { createTRPCClient, httpLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { formatCount } from '../../components/format';
import { Panel } from '../../components/Panel';
import { TIMESTAMP_FORMATS, TIMESTAMP_FORMAT_LABELS, type NamedTimestampFormat, type PartialMapping } from '../../ingest/csv/types';
import type { AppRouter } from '../../server/router';
import { AppHeader } from '../_shared/AppHeader';
import styles from './ImportForm.module.css';

type Out = inferRouterOutputs<AppRouter>;
type Preview = Out['imports']['preview'];
type Result = Out['imports']['run'];
type Upload = Out['imports']['upload'];

const TOKEN_KEY = 'throughline.adminToken';
const DELIMS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];
const ROLES = [
  { key: 'case', label: 'Case id', required: true },
  { key: 'activity', label: 'Activity', required: true },
  { key: 'timestamp', label: 'Timestamp', required: true },
  { key: 'startTimestamp', label: 'Start timestamp', required: false },
  { key: 'resource', label: 'Resource', required: false },
] as const;

const delimLabel = (d: string | null) => DELIMS.find((x) => x.value === d)?.label ?? (d === null ? '—' : JSON.stringify(d));
const formatLabel = (f: string | null) => (f === null ? '—' : (TIMESTAMP_FORMAT_LABELS[f as NamedTimestampFormat] ?? f));
const slug = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'imported';

function toBase64(file: File): Promise<string> {
  return new Promise((done, fail) => {
    const r = new FileReader();
    r.onerror = () => fail(r.error ?? new Error('cannot read the file'));
    r.onload = () => done(String(r.result).replace(/^data:[^,]*,/, ''));
    r.readAsDataURL(file);
  });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ImportForm() {
  const [token, setToken] = useState('');
  const tokenRef = useRef('');
  useEffect(() => {
    const saved = sessionStorage.getItem(TOKEN_KEY) ?? '';
    tokenRef.current = saved;
    setToken(saved);
  }, []);
  const client = useMemo(
    () =>
      createTRPCClient<AppRouter>({
        links: [httpLink({ url: '/api/trpc', headers: () => (tokenRef.current ? { authorization: `Bearer ${tokenRef.current}` } : {}) })],
      }),
    [],
  );

  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<PartialMapping>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'upload' | 'preview' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logId, setLogId] = useState('');
  const [result, setResult] = useState<Result | null>(null);

  const runPreview = useCallback(
    async (id: string, m: PartialMapping) => {
      setBusy('preview');
      setError(null);
      try {
        const p = await client.imports.preview.query({ uploadId: id, mapping: m });
        setPreview(p);
        setMapping((cur) => ({ ...p.mapping, ...cur, ...m, ...(m.attributes ? {} : { attributes: cur.attributes ?? [] }) }));
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(null);
      }
    },
    [client],
  );

  const onToken = (e: ChangeEvent<HTMLInputElement>) => {
    tokenRef.current = e.target.value;
    setToken(e.target.value);
    sessionStorage.setItem(TOKEN_KEY, e.target.value);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy('upload');
    setError(null);
    setResult(null);
    setPreview(null);
    setMapping({});
    try {
      const up = await client.imports.upload.mutate({ fileName: file.name, contentBase64: await toBase64(file) });
      setUpload(up);
      setLogId(slug(up.fileName));
      setBusy(null);
      await runPreview(up.uploadId, {});
    } catch (err) {
      setError(messageOf(err));
      setBusy(null);
    }
  };

  const change = (patch: PartialMapping) => {
    const next = { ...mapping, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === '' || v === undefined) delete next[k as keyof PartialMapping];
    setMapping(next);
    setResult(null);
    if (upload) void runPreview(upload.uploadId, next);
  };

  const onImport = async () => {
    if (!upload || !mapping.case || !mapping.activity || !mapping.timestamp) return;
    setBusy('import');
    setError(null);
    try {
      const r = await client.imports.run.mutate({
        uploadId: upload.uploadId,
        logId,
        name: upload.fileName,
        mapping: { ...mapping, case: mapping.case, activity: mapping.activity, timestamp: mapping.timestamp },
      });
      setResult(r);
      setUpload(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const problems = preview?.problems ?? [];
  const blocking = problems.some((p) => p.severity === 'error' && p.row === null) || problems.some((p) => p.severity === 'error' && p.row === 1);
  const ready = !!upload && !!preview && !!mapping.case && !!mapping.activity && !!mapping.timestamp && !blocking && /^[A-Za-z0-9_.:-]+$/.test(logId);
  const mappedCols = new Set([mapping.case, mapping.activity, mapping.timestamp, mapping.startTimestamp, mapping.resource]);
  const attrChoices = (preview?.columns ?? []).filter((c) => !mappedCols.has(c));

  return (
    <>
      <AppHeader asOf={undefined} logName="Import a table" active="import" />
      <main className={styles.page}>
        <div>
          <h1 className={styles.title}>Import an event log table</h1>
          <p className={styles.subtitle}>CSV or Parquet, one row per event. Nothing is written until you press Import; bad rows are set aside as rejects.</p>
        </div>

        <div className={styles.top}>
          <Panel title="File" subtitle="Upload a .csv, .tsv, .txt or .parquet file (admin only)" testId="file-panel">
            <div className={styles.fields}>
              <label className={styles.field}>
                <span className={styles.label}>Admin token</span>
                <input type="password" value={token} onChange={onToken} placeholder="THROUGHLINE_ADMIN_TOKEN" data-testid="admin-token" autoComplete="off" />
              </label>
              <label className={styles.field}>
                <span className={styles.label}>File</span>
                <input type="file" accept=".csv,.tsv,.txt,.parquet" onChange={(e) => void onFile(e)} data-testid="file-input" />
              </label>
              {upload && (
                <p className={styles.note} data-testid="upload-info">
                  {upload.fileName} · {formatCount(upload.bytes)} bytes
                </p>
              )}
            </div>
          </Panel>

          <Panel
            title="Settings"
            subtitle={preview ? `${preview.format === 'parquet' ? 'Parquet' : 'CSV'} · ${formatCount(preview.totalRows)} rows` : 'Detected from the file; change them if they are wrong'}
            testId="settings-panel"
          >
            <div className={styles.fields}>
              <label className={styles.field}>
                <span className={styles.label}>
                  Delimiter {preview?.delimiterDetected && <em className={styles.detected}>detected: {delimLabel(preview.delimiter)}</em>}
                </span>
                <select value={mapping.delimiter ?? ''} onChange={(e) => change({ delimiter: e.target.value || undefined })} disabled={!upload || preview?.format === 'parquet'} data-testid="delimiter">
                  <option value="">Detect</option>
                  {DELIMS.map((d) => (
                    <option key={d.label} value={d.value}>
                      {d.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.label}>
                  Timestamp format {preview?.timestampFormatDetected && <em className={styles.detected}>detected: {formatLabel(preview.timestampFormat)}</em>}
                </span>
                <select value={mapping.timestampFormat ?? ''} onChange={(e) => change({ timestampFormat: e.target.value || undefined })} disabled={!upload} data-testid="timestamp-format">
                  <option value="">Detect</option>
                  {TIMESTAMP_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {TIMESTAMP_FORMAT_LABELS[f]}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.label}>Time zone of times without offset</span>
                <input
                  defaultValue="UTC"
                  onBlur={(e) => e.target.value !== (mapping.timezone ?? 'UTC') && change({ timezone: e.target.value || undefined })}
                  disabled={!upload}
                  data-testid="timezone"
                />
              </label>
            </div>
          </Panel>

          <Panel title="Columns" subtitle="Which column holds what" testId="mapping-panel">
            <div className={styles.fields}>
              {ROLES.map((r) => (
                <label key={r.key} className={styles.field}>
                  <span className={styles.label}>
                    {r.label}
                    {r.required && <span className={styles.req}> *</span>}
                  </span>
                  <select value={mapping[r.key] ?? ''} onChange={(e) => change({ [r.key]: e.target.value || undefined })} disabled={!preview} data-testid={`map-${r.key}`}>
                    <option value="">{r.required ? 'Choose…' : 'None'}</option>
                    {(preview?.columns ?? []).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              {attrChoices.length > 0 && (
                <fieldset className={styles.attrs}>
                  <legend className={styles.label}>Keep as attributes</legend>
                  {attrChoices.map((c) => (
                    <label key={c} className={styles.check}>
                      <input
                        type="checkbox"
                        checked={mapping.attributes?.includes(c) ?? false}
                        onChange={(e) => change({ attributes: e.target.checked ? [...(mapping.attributes ?? []), c] : (mapping.attributes ?? []).filter((a) => a !== c) })}
                      />
                      {c}
                    </label>
                  ))}
                </fieldset>
              )}
            </div>
          </Panel>
        </div>

        {error && (
          <div className={styles.alert} role="alert" data-testid="import-error">
            {error}
          </div>
        )}

        {preview && (
          <Panel
            title="Problems found"
            subtitle={preview.rejectedRows > 0 ? `${formatCount(preview.rejectedRows)} of ${formatCount(preview.totalRows)} rows would be rejected` : 'Checked over the whole file before anything is written'}
            testId="problems"
          >
            {problems.length === 0 ? (
              <p className={styles.ok} data-testid="no-problems">
                No problems: every row can be read.
              </p>
            ) : (
              <ul className={styles.problems}>
                {problems.map((p, i) => (
                  <li key={i} className={p.severity === 'error' ? styles.err : styles.warn} data-testid="problem">
                    <span className={styles.badge}>{p.severity}</span>
                    <span className={styles.where}>
                      {p.file}
                      {p.row !== null && ` · row ${p.row}`}
                      {p.field && ` · ${p.field}`}
                    </span>
                    <span>{p.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        )}

        {preview && preview.rows.length > 0 && (
          <Panel title="Preview" subtitle={`The first ${preview.rows.length} rows as they will be read (times in UTC)`} busy={busy === 'preview'} testId="preview">
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="preview-table">
                <thead>
                  <tr>
                    <th>Row</th>
                    <th>Case</th>
                    <th>Activity</th>
                    <th>Timestamp</th>
                    {mapping.startTimestamp && <th>Start</th>}
                    <th>Resource</th>
                    {(mapping.attributes ?? []).map((a) => (
                      <th key={a}>{a}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} data-testid="preview-row">
                      <td className={styles.num}>{r.row}</td>
                      <td>{r.case ?? <span className={styles.missing}>—</span>}</td>
                      <td>{r.activity ?? <span className={styles.missing}>—</span>}</td>
                      <td className={styles.mono}>{r.timestamp ? r.timestamp.replace('T', ' ').replace('Z', '') : <span className={styles.missing}>{mapping.timestamp ? (r.values[mapping.timestamp] ?? '—') : '—'}</span>}</td>
                      {mapping.startTimestamp && <td className={styles.mono}>{r.startTimestamp?.replace('T', ' ').replace('Z', '') ?? ''}</td>}
                      <td>{r.resource ?? ''}</td>
                      {(mapping.attributes ?? []).map((a) => (
                        <td key={a}>{r.values[a] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
        )}

        {(upload || result) && (
          <Panel title="Import" subtitle="Into a log of its own; importing the same file again adds nothing" testId="import-panel">
            <div className={styles.importRow}>
              <label className={styles.field}>
                <span className={styles.label}>Log id</span>
                <input value={logId} onChange={(e) => setLogId(e.target.value)} data-testid="log-id" />
              </label>
              <button type="button" className={styles.button} onClick={() => void onImport()} disabled={!ready || busy !== null} data-testid="import-button">
                {busy === 'import' ? 'Importing…' : preview && preview.rejectedRows > 0 ? `Import (${formatCount(preview.rejectedRows)} rows rejected)` : 'Import'}
              </button>
            </div>
            {result && (
              <div className={styles.result} data-testid="import-result">
                <div className={styles.counts}>
                  <Count label="Events" value={result.eventsAdded} testId="result-events" />
                  <Count label="Cases" value={result.objectsAdded} testId="result-cases" />
                  <Count label="Rows read" value={result.rowsRead} />
                  <Count label="Rejected" value={result.rowsRejected} testId="result-rejected" />
                  <Count label="Already loaded" value={result.rowsDuplicate} />
                </div>
                {result.rejectSamples.length > 0 && (
                  <ul className={styles.problems}>
                    {result.rejectSamples.map((s, i) => (
                      <li key={i} className={styles.err}>
                        <span className={styles.where}>
                          {s.file}
                          {s.row !== null && ` · row ${s.row}`}
                          {s.field && ` · ${s.field}`}
                        </span>
                        <span>{s.reason}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <a className={styles.link} href={`/?log=${encodeURIComponent(result.logId)}`}>
                  Open the log “{result.logId}” →
                </a>
              </div>
            )}
          </Panel>
        )}
      </main>
    </>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className={styles.count}>
      <span className={styles.countValue} data-testid={testId}>
        {formatCount(value)}
      </span>
      <span className={styles.countLabel}>{label}</span>
    </div>
  );
}
