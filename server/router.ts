// The root router: one sub-router per domain.
import { importsRouter } from './routers/imports';
import { ingestRouter } from './routers/ingest';
import { kpiRouter } from './routers/kpi';
import { logsRouter } from './routers/logs';
import { mapRouter } from './routers/map';
import { runsRouter } from './routers/runs';
import { viewsRouter } from './routers/views';
import { router } from './trpc';

export const appRouter = router({
  logs: logsRouter,
  kpi: kpiRouter,
  map: mapRouter,
  ingest: ingestRouter,
  imports: importsRouter,
  runs: runsRouter,
  views: viewsRouter,
});

export type AppRouter = typeof appRouter;
