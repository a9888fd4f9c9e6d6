'use client';
// The audit trail page: the chain check on top, then the entries newest first, narrowed by actor
// and action (URL keys `actor`, `action`, `page`), and the CSV export of what is shown.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formatCount, formatUtc } from '../../components/format';
import { ErrorState, Placeholder } from '../../components/States';
import { AppHeader } from '../_shared/AppHeader';
import { useTRPC } from '../_trpc/client';
import styles from './AuditTrail.module.css';

const PAGE = 50;

export function AuditTrail() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const actor = params.get('actor') || undefined;
  const action = params.get('action') || undefined;
  const page = Math.max(0, Number(params.get('page')) || 0);
  const [draft, setDraft] = useState({ actor: actor ?? '', action: action ?? '' });

  const verifyQ = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 0 }));
  const listQ = useQuery(trpc.audit.list.queryOptions({ actor, action, limit: PAGE, offset: page * PAGE }, { placeholderData: keepPreviousData }));

  const go = (next: { actor?: string; action?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (next.actor) q.set('actor', next.actor);
    if (next.action) q.set('action', next.action);
    if (next.page) q.set('page', String(next.page));
    router.replace(`/audit${q.size ? `?${q}` : ''}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ actor: draft.actor.trim(), action: draft.action.trim() });
  };
  const exportHref = `/api/audit/export${actor || action ? `?${new URLSearchParams({ ...(actor ? { actor } : {}), ...(action ? { action } : {}) })}` : ''}`;
  const total = listQ.data?.total ?? 0;

  return (
    <>
      <AppHeader asOf={undefined} logName="Audit trail" active="audit" />
      <main className={styles.page}>
        <h1 className={styles.title}>Audit trail</h1>
        <p className={styles.subtitle}>Sign-ins, tokens, accounts, ingests, notebook runs and remediation requests and approvals, each entry chained to the one before by its hash.</p>

        <div className={styles.chain} data-testid="audit-chain" role="status">
          {verifyQ.isPending ? (
            'Checking the chain…'
          ) : verifyQ.error ? (
            <span className={styles.bad}>Could not check the chain: {verifyQ.error.message}</span>
          ) : verifyQ.data.ok ? (
            <span className={styles.good}>Chain intact: {formatCount(verifyQ.data.entries)} entries verified.</span>
          ) : (
            <span className={styles.bad}>
              Chain broken at entry {verifyQ.data.brokenSeq}: {verifyQ.data.reason}.
            </span>
          )}
        </div>

        <form className={styles.filters} onSubmit={submit}>
          <label>
            <span>Actor</span>
            <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} placeholder="user id" />
          </label>
          <label>
            <span>Action starts with</span>
            <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="auth. / ingest. / workflow." />
          </label>
          <button type="submit">Show</button>
          <a className={styles.export} href={exportHref}>
            Export CSV
          </a>
        </form>

        {listQ.error ? (
          <ErrorState what="the audit trail" message={listQ.error.message} onRetry={() => void listQ.refetch()} />
        ) : !listQ.data ? (
          <Placeholder height={480} label="Loading the audit trail" />
        ) : listQ.data.entries.length === 0 ? (
          <p className={styles.empty}>No entries{actor || action ? ' match these filters: clear them to see everything' : ' yet: sign-ins and ingests are recorded as they happen'}.</p>
        ) : (
          <>
            <table className={styles.table} data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {listQ.data.entries.map((e) => (
                  <tr key={e.seq}>
                    <td className={styles.num}>{e.seq}</td>
                    <td className={styles.when}>{formatUtc(e.at, 'd MMM yyyy, HH:mm:ss')}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{e.target ?? '—'}</td>
                    <td className={styles.detail} title={JSON.stringify(e.detail)}>
                      {JSON.stringify(e.detail)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className={styles.pager} aria-label="Pages of entries">
              <span>
                {formatCount(page * PAGE + 1)}–{formatCount(page * PAGE + listQ.data.entries.length)} of {formatCount(total)}
              </span>
              <button type="button" disabled={page === 0} onClick={() => go({ actor, action, page: page - 1 })}>
                Newer
              </button>
              <button type="button" disabled={(page + 1) * PAGE >= total} onClick={() => go({ actor, action, page: page + 1 })}>
                Older
              </button>
            </nav>
          </>
        )}
      </main>
    </>
  );
}
