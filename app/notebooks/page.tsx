// The notebooks list (`/notebooks`): SQL notebooks over the store, not tied to one log.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotebookListPage } from '../_notebooks/NotebookListPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Notebooks' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <NotebookListPage />
    </Suspense>
  );
}
