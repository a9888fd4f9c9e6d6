'use client';
// Autosave: about a second after the last change, the notebook is saved with the version this
// page last got; a save answered CONFLICT (saved elsewhere since) stops autosaving and says so.
// Leaving the page (closing the tab, navigating away) sends what is unsaved with a keepalive
// request, so the last keystrokes are not lost.
//
// "Unsaved changes" is derived from the revision (save-state.ts), never set from an effect: a
// keystroke must be ONE update. A keystroke's update is urgent (React renders it at once); an
// effect's setState after it is a second, normal-priority update that waits for a turn of the
// event loop. When keys arrive faster than that turn comes (a loaded machine, Playwright typing),
// every keystroke commits with that update still waiting, React counts each as a nested update,
// and after 50 it throws "Maximum update depth exceeded" (#185) from the editor's change listener.
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cell } from '../../notebooks/types';
import { useTRPC } from '../_trpc/client';
import { shownSaveState, type HeldSaveState } from './save-state';

export const AUTOSAVE_DELAY_MS = 1000;

export interface Draft {
  title: string;
  cells: Cell[];
}

export function useAutosave(id: string, loaded: { version: number; updatedAt: string } | null, draft: Draft | null, revision: number) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notebooks.save.mutationOptions());
  const [held, setHeld] = useState<HeldSaveState>(() => ({ state: { status: 'saved', at: loaded?.updatedAt ?? new Date().toISOString() }, revision }));
  const version = useRef<number | null>(loaded?.version ?? null);
  const savedRevision = useRef(revision);
  const latest = useRef({ draft, revision });
  latest.current = { draft, revision };
  const inFlight = useRef(false);
  const stopped = useRef(false); // after a CONFLICT nothing more is sent
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mutate = useRef(save.mutateAsync);
  mutate.current = save.mutateAsync;

  // The version arrives with the loaded notebook (and again after a reload).
  useEffect(() => {
    if (!loaded) return;
    version.current = loaded.version;
    setHeld((h) => (h.state.status === 'saved' && h.state.at === loaded.updatedAt ? h : { state: { status: 'saved', at: loaded.updatedAt }, revision: latest.current.revision }));
  }, [loaded]);

  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { draft: d, revision: rev } = latest.current;
    if (!d || version.current === null || stopped.current || rev === savedRevision.current) return;
    if (inFlight.current) return; // the save under way reschedules when it ends
    inFlight.current = true;
    setHeld({ state: { status: 'saving' }, revision: rev });
    try {
      const out = await mutate.current({ id, version: version.current, title: d.title, cells: d.cells });
      version.current = out.version;
      savedRevision.current = rev;
      setHeld({ state: { status: 'saved', at: out.updatedAt }, revision: rev });
    } catch (err) {
      if (err instanceof TRPCClientError && (err.data as { code?: string } | undefined)?.code === 'CONFLICT') {
        stopped.current = true;
        setHeld({ state: { status: 'conflict' }, revision: rev });
      } else {
        // About every edit so far: it stays shown until the next edit (which schedules a new try).
        setHeld({ state: { status: 'error', message: err instanceof Error ? err.message : String(err) }, revision: latest.current.revision });
      }
      return;
    } finally {
      inFlight.current = false;
    }
    if (latest.current.revision !== savedRevision.current) timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [id]);

  // Every change restarts the clock (a timer only: the status shown follows from the revision).
  useEffect(() => {
    if (revision === savedRevision.current || stopped.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [revision, saveNow]);

  // Leaving: send what is not saved yet, with keepalive so it outlives the page.
  useEffect(() => {
    const flush = () => {
      const { draft: d, revision: rev } = latest.current;
      if (!d || version.current === null || stopped.current || rev === savedRevision.current) return;
      if (timer.current) clearTimeout(timer.current);
      savedRevision.current = rev;
      void fetch('/api/trpc/notebooks.save', {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, version: version.current, title: d.title, cells: d.cells }),
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush(); // navigating within the app unmounts the page
    };
  }, [id]);

  const retry = useCallback(() => void saveNow(), [saveNow]);
  return { state: shownSaveState(held, revision), retry, saveNow, hasUnsaved: () => latest.current.revision !== savedRevision.current || inFlight.current };
}
