// The O2C overview, the first page an order-to-cash owner opens. The server render asks the tRPC
// routers (in-process) for everything the first paint needs; the browser then takes over through
// /api/trpc for period and map changes.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { Overview } from './_overview/Overview';
import { chooseLog, resolveInputs, searchOf } from './_overview/inputs';
import { getQueryClient, trpcServer } from './_trpc/server';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchOf(await searchParams);
  const qc = getQueryClient();
  try {
    const logs = await qc.fetchQuery(trpcServer.logs.list.queryOptions());
    const log = chooseLog(logs, search.get('log'));
    if (log && log.events > 0) {
      const range = await qc.fetchQuery(trpcServer.logs.dataRange.queryOptions({ logId: log.logId }));
      const inputs = resolveInputs(log.logId, range, search);
      if (inputs) {
        await Promise.all([
          qc.prefetchQuery(trpcServer.kpi.overview.queryOptions(inputs.overview)),
          qc.prefetchQuery(trpcServer.kpi.trend.queryOptions(inputs.trend)),
          qc.prefetchQuery(trpcServer.map.process.queryOptions(inputs.map)),
        ]);
      }
    }
  } catch {
    // A failed prefetch is not dehydrated: the browser asks again and shows what failed.
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Overview />
    </HydrationBoundary>
  );
}
