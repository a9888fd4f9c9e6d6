'use client';
// Light or dark: the layout's script sets <html data-theme> before the first paint (from the
// remembered choice, else the system's); this hook reads it and remembers a change.
import { useCallback, useSyncExternalStore } from 'react';
import type { Theme } from '../../components/Header';

const KEY = 'tl-theme';
const listeners = new Set<() => void>();

function current(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const theme = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    current,
    () => 'light' as Theme,
  );
  const set = useCallback((t: Theme) => {
    document.documentElement.dataset.theme = t;
    try {
      localStorage.setItem(KEY, t);
    } catch {
      // private mode: the choice lasts for this page only
    }
    for (const l of listeners) l();
  }, []);
  return [theme, set];
}
