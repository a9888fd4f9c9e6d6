// Page state lives in the URL (a link shows a colleague the same view). Pages write only the keys
// the user chose; `null` removes a key.

/** Writes URL keys without a navigation; 'push' adds a history entry so Back undoes the change. */
export function writeSearch(patch: Record<string, string | null>, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const qs = params.toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** The message of a failed query, for the error states. */
export const messageOf = (err: { message: string } | null): string => err?.message ?? 'Unknown error';

/** Read access to the URL's keys, the same on the server render and in the browser. */
export type Search = { get(key: string): string | null };

export function searchOf(params: Record<string, string | string[] | undefined>): Search {
  return { get: (key) => { const v = params[key]; return Array.isArray(v) ? (v[0] ?? null) : (v ?? null); } };
}

