// The root router: one sub-router per domain.
import { ingestRouter } from './routers/ingest';
import { kpiRouter } from './routers/kpi';
import { logsRouter } from './routers/logs';
import { mapRouter } from './routers/map';
import { router } from './trpc';

export const appRouter = router({
  logs: logsRouter,
  kpi: kpiRouter,
  map: mapRouter,
  ingest: ingestRouter,
});

export type AppRouter = typeof appRouter;
