// Remediation (issue 7, workflows/): the playbooks with their definitions, runs with their attempts
// and responses, and the people-side actions — request a playbook on exception rows, approve,
// cancel, retry a dead-lettered run, override by hand. Every rule (approval by role, never by the
// requester, expiry, owner scope, amount limits) is enforced by the engine, so it holds however
// the engine is reached; the rows' amounts are read from the store, never from the request.
import { z } from 'zod';
import { EXCEPTION_QUEUE_IDS, loadSlaPolicy, type ExceptionQueueId } from '../../mining';
import { MAX_PICKS, RUN_OUTCOME_FILTERS, RUN_STATES, outOfScope, resolveTargets, rulesOverview, savings, workflowEngine } from '../../workflows';
import type { User } from '../auth';
import { NotFoundError } from '../errors';
import { isoDate, logId } from '../schemas';
import { procedure, readProcedure, router } from '../trpc';

const requestProcedure = procedure.meta({ permission: 'workflow:request' });
const approveProcedure = procedure.meta({ permission: 'workflow:approve' });

const runId = z.string().regex(/^[0-9a-f-]{36}$/, 'a run id');
const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);
const playbookId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a playbook id');

// authorize (trpc.ts) lets no anonymous caller reach these permissions.
const callerOf = (ctx: { user: User | null }): User => ctx.user!;

export const workflowsRouter = router({
  /** Every playbook with its definition (what, on which queue, who approves, limits). */
  playbooks: readProcedure.query(async ({ ctx }) => workflowEngine(await ctx.store()).listPlaybooks()),

  /**
   * Newest runs first, narrowed to the caller's scope, filtered by state, log, case, playbook and
   * outcome (`unchecked`: succeeded, not checked after an ingest yet). `more`: runs beyond `limit`.
   */
  runs: readProcedure
    .input(
      z
        .object({
          state: z.enum(RUN_STATES).optional(),
          logId: logId.optional(),
          caseId: z.string().min(1).max(200).optional(),
          playbookId: playbookId.optional(),
          outcome: z.enum(RUN_OUTCOME_FILTERS).optional(),
          /** A user id, or `rule:<id>` for the runs a rule requested. */
          requestedBy: z.string().min(1).max(200).optional(),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const { limit = 100, ...filter } = input ?? {};
      // One more than asked says whether there are more, without a count query.
      const runs = await workflowEngine(await ctx.store()).list({ ...filter, limit: limit + 1, viewer: ctx.user });
      return { runs: runs.slice(0, limit), more: runs.length > limit };
    }),

  /** One run with its attempts (status, body excerpt, error, duration). */
  run: readProcedure.input(z.object({ runId })).query(async ({ ctx, input }) => {
    const engine = workflowEngine(await ctx.store());
    const run = await engine.get(input.runId);
    if (ctx.user && outOfScope(ctx.user, run)) throw new NotFoundError(`no workflow run ${input.runId}`);
    return { run, attempts: await engine.attempts(input.runId) };
  }),

  /**
   * The rule files of policies/rules (read now, as the next ingest will read them), each with its
   * conditions in words, its playbook, or the file's error (file and field); and what each rule
   * requested on the log (runs by state and outcome, the newest request), within the caller's scope.
   */
  rules: readProcedure.input(z.object({ logId })).query(async ({ ctx, input }) => {
    const store = await ctx.store();
    return rulesOverview(store, { logId: input.logId, viewer: ctx.user, playbooks: workflowEngine(store).listPlaybooks(), calendars: loadSlaPolicy().calendars });
  }),

  /**
   * What the playbooks saved on a log (runs found fixed after an ingest): cases fixed, days removed,
   * cash released, per playbook, with the definitions; from/to (YYYY-MM-DD, half-open) on the run's
   * success time; narrowed to the caller's scope.
   */
  savings: readProcedure
    .input(z.object({ logId, from: isoDate.optional(), to: isoDate.optional() }).refine((i) => !i.from || !i.to || i.from < i.to, { message: 'from must be before to' }))
    .query(async ({ ctx, input }) => savings(await ctx.store(), { ...input, viewer: ctx.user })),

  /** Runs a playbook on exception rows (one or a selection): each runs at once or waits for approval. */
  request: requestProcedure
    .input(
      z.object({
        logId,
        queue: z.enum(EXCEPTION_QUEUE_IDS as [ExceptionQueueId, ...ExceptionQueueId[]]),
        playbookId,
        rows: z
          .array(z.object({ caseId: z.string().min(1).max(200), objectId: z.string().min(1).max(200).nullish() }))
          .min(1)
          .max(MAX_PICKS),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const store = await ctx.store();
      const targets = await resolveTargets(store, input.logId, input.queue, input.rows);
      const runs = await workflowEngine(store).requestMany(input.playbookId, targets, callerOf(ctx));
      return { runs };
    }),

  approve: approveProcedure.input(z.object({ runId })).mutation(async ({ ctx, input }) => workflowEngine(await ctx.store()).approve(input.runId, callerOf(ctx))),

  cancel: requestProcedure
    .input(z.object({ runId, reason }))
    .mutation(async ({ ctx, input }) => workflowEngine(await ctx.store()).cancel(input.runId, callerOf(ctx), input.reason)),

  /** A dead-lettered run, tried again with the playbook's attempts once more. */
  retry: approveProcedure
    .input(z.object({ runId, reason }))
    .mutation(async ({ ctx, input }) => workflowEngine(await ctx.store()).retry(input.runId, callerOf(ctx), input.reason)),

  /** A failed or dead-lettered run closed by hand: done in the source system, or given up. */
  override: approveProcedure
    .input(z.object({ runId, to: z.enum(['succeeded', 'cancelled']), reason }))
    .mutation(async ({ ctx, input }) => workflowEngine(await ctx.store()).override(input.runId, callerOf(ctx), input.to, input.reason)),
});
