// The Ingest page: each source's freshness, the ingest runs with their counts, and the rejected
// records of the run chosen (`?run=`). The server render prefetches what the first paint needs.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Ingest } from '../_ingest/Ingest';
import { ingestInputs } from '../_ingest/inputs';
import { searchOf } from '../_shared/url-state';
import { getQueryClient, trpcServer } from '../_trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Ingest' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const inputs = ingestInputs(searchOf(await searchParams));
  const qc = getQueryClient();
  try {
    await Promise.all([
      qc.prefetchQuery(trpcServer.runs.freshness.queryOptions()),
      qc.prefetchQuery(trpcServer.runs.list.queryOptions(inputs.runs)),
      inputs.rejects && qc.prefetchQuery(trpcServer.runs.rejects.queryOptions(inputs.rejects)),
    ]);
  } catch {
    // A failed prefetch is not dehydrated: the browser asks again and shows what failed.
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Ingest />
    </HydrationBoundary>
  );
}
