'use client';
// The notebooks list (`/notebooks`): every notebook with owner, last change and cell count; New
// (blank or from a starter), Import of a `.tlnb.json` file (errors in the server's words), and per
// row open, rename, duplicate, export and delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { NotebookList } from '../../components/notebook/NotebookList';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import { AppHeader } from '../_shared/AppHeader';
import { useTRPC } from '../_trpc/client';
import { downloadDoc } from './download';
import styles from './Notebooks.module.css';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function NotebookListPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const listQ = useQuery(trpc.notebooks.list.queryOptions(undefined, { staleTime: 0 }));
  const startersQ = useQuery(trpc.notebooks.starters.queryOptions(undefined, { staleTime: 300_000 }));
  const [problem, setProblem] = useState<{ what: string; message: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);

  const refresh = () => qc.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() });
  const open = (id: string) => router.push(`/notebooks/${encodeURIComponent(id)}`);
  const fail = (what: string) => (err: unknown) => setProblem({ what, message: messageOf(err) });

  const create = useMutation(trpc.notebooks.create.mutationOptions({ onSuccess: (nb) => open(nb.id), onError: fail('Creating the notebook') }));
  const importDoc = useMutation(trpc.notebooks.importDoc.mutationOptions({ onSuccess: (nb) => open(nb.id), onError: fail('Importing the file') }));
  const rename = useMutation(trpc.notebooks.rename.mutationOptions({ onSettled: () => void refresh(), onError: fail('Renaming') }));
  const duplicate = useMutation(trpc.notebooks.duplicate.mutationOptions({ onSettled: () => void refresh(), onError: fail('Duplicating') }));
  const remove = useMutation(trpc.notebooks.remove.mutationOptions({ onSettled: () => void refresh(), onError: fail('Deleting') }));

  const withBusy = async (id: string, fn: () => Promise<unknown>) => {
    setBusyId(id);
    setProblem(null);
    try {
      await fn();
    } catch {
      // the mutation's onError shows it
    } finally {
      setBusyId(null);
    }
  };

  const exportOne = async (id: string) => {
    setBusyId(id);
    try {
      const doc = await qc.fetchQuery(trpc.notebooks.exportDoc.queryOptions({ id }, { staleTime: 0 }));
      downloadDoc(doc.title, doc);
    } catch (err) {
      fail('Exporting')(err);
    } finally {
      setBusyId(null);
    }
  };

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setProblem(null);
    const text = await f.text();
    importDoc.mutate({ doc: text });
    if (file.current) file.current.value = '';
  };

  const creating = create.isPending || importDoc.isPending;
  const notebooks = listQ.data;
  const starters = startersQ.data ?? [];

  return (
    <>
      <AppHeader asOf={undefined} logName="SQL notebooks" active="notebooks" />
      <main className={styles.page}>
        <div className={styles.titleRow}>
          <div className={styles.titleBlock}>
            <h1 className={styles.title}>Notebooks</h1>
            <p className={styles.subtitle}>Ask the store your own questions in SQL, chart the answers, and share the notebook as a file.</p>
          </div>
          <div className={styles.actions}>
            <input ref={file} id="notebook-file" type="file" accept=".json,.tlnb.json,application/json" className={styles.fileInput} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="import-file" />
            <label htmlFor="notebook-file" className={styles.button} role="button" tabIndex={0} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && file.current?.click()}>
              Import…
            </label>
            <button type="button" className={styles.primary} onClick={() => create.mutate({})} disabled={creating} data-testid="new-notebook">
              {create.isPending ? 'Creating…' : 'New notebook'}
            </button>
          </div>
        </div>
        {problem && (
          <p className={styles.notice} role="alert" data-testid="list-problem">
            <span>
              <strong>{problem.what} failed.</strong> {problem.message}
            </span>
            <button type="button" className={styles.dismiss} onClick={() => setProblem(null)} aria-label="Dismiss the message">
              ✕
            </button>
          </p>
        )}
        {listQ.error ? (
          <ErrorState what="the notebooks" message={listQ.error.message} onRetry={() => void listQ.refetch()} />
        ) : !notebooks ? (
          <Placeholder height={240} label="Loading notebooks…" />
        ) : notebooks.length === 0 ? (
          <EmptyState title="No notebooks yet">
            <p>Create a blank notebook with New notebook, start from one of the starters below, or import a .tlnb.json file someone shared with you.</p>
          </EmptyState>
        ) : (
          <NotebookList
            notebooks={notebooks}
            hrefFor={(id) => `/notebooks/${encodeURIComponent(id)}`}
            now={now}
            busyId={busyId}
            onRename={(id, title) => void withBusy(id, () => rename.mutateAsync({ id, title }))}
            onDuplicate={(id) => void withBusy(id, () => duplicate.mutateAsync({ id }))}
            onExport={(id) => void exportOne(id)}
            onDelete={(id) => void withBusy(id, () => remove.mutateAsync({ id }))}
          />
        )}
        {starters.length > 0 && (
          <section aria-labelledby="starters-title">
            <h2 id="starters-title" className={styles.sectionTitle}>
              Start from an example
            </h2>
            <p className={styles.subtitle}>A copy of a starter notebook on the demo data, using the process operators; yours to change.</p>
            <div className={styles.starters}>
              {starters.map((s) => (
                <button key={s.id} type="button" className={styles.starter} disabled={creating} onClick={() => create.mutate({ starter: s.id })} data-testid="starter">
                  <strong>{s.title}</strong>
                  <span>{s.description}</span>
                </button>
              ))}
            </div>
          </section>
        )}
      </main>
    </>
  );
}
