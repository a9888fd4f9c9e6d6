// The root router: one sub-router per domain.
import { importsRouter } from './routers/imports';
import { ingestRouter } from './routers/ingest';
import { kpiRouter } from './routers/kpi';
import { logsRouter } from './routers/logs';
import { mapRouter } from './routers/map';
import { runsRouter } from './routers/runs';
import { viewsRouter } from './routers/views';
import { processRouter } from './routers/process';
import { financeRouter } from './routers/finance';
import { exceptionsRouter } from './routers/exceptions';
import { casesRouter } from './routers/cases';
import { notebooksRouter } from './routers/notebooks';
import { authRouter } from './routers/auth';
import { auditRouter } from './routers/audit';
import { workflowsRouter } from './routers/workflows';
import { router } from './trpc';

export const appRouter = router({
  logs: logsRouter,
  kpi: kpiRouter,
  map: mapRouter,
  ingest: ingestRouter,
  imports: importsRouter,
  runs: runsRouter,
  views: viewsRouter,
  process: processRouter,
  finance: financeRouter,
  exceptions: exceptionsRouter,
  cases: casesRouter,
  notebooks: notebooksRouter,
  auth: authRouter,
  audit: auditRouter,
  workflows: workflowsRouter,
});

export type AppRouter = typeof appRouter;
