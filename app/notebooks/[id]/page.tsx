// One notebook (`/notebooks/<id>`): its cells, runs, charts and autosave.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotebookPage } from '../../_notebooks/NotebookPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Notebook' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={null}>
      <NotebookPage id={decodeURIComponent(id)} />
    </Suspense>
  );
}
