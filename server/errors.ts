// Domain errors → tRPC errors, in one place. The `mapErrors` middleware in trpc.ts calls this for
// every failed procedure, so routers just throw what the domain throws.
import { TRPCError } from '@trpc/server';
import { IngestError } from '../ingest/types';
import { MiningInputError, MiningNotFoundError } from '../mining/errors';
import { isCancelled } from '../sql';
import { ApprovalRefusedError, OutOfScopeError, RunNotFoundError, WorkflowInputError } from '../workflows/errors';

/** Something the caller named does not exist (a log, a path). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request is well-formed but cannot be served as asked (e.g. a period outside the data). */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

function hasCode(err: unknown): err is Error & { code: string; path?: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** Returns the tRPC error for a domain error, or null when the error is already right as it is. */
export function toTRPCError(err: unknown): TRPCError | null {
  if (err instanceof TRPCError) return null;
  if (err instanceof IngestError) {
    const where = [err.file, err.row !== null ? `row ${err.row}` : null, err.field ? `field ${err.field}` : null]
      .filter(Boolean)
      .join(', ');
    return new TRPCError({ code: 'BAD_REQUEST', message: `${err.message} (${where})`, cause: err });
  }
  if (isCancelled(err)) return new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', message: 'Cancelled: the request was abandoned.', cause: err });
  if (err instanceof NotFoundError || err instanceof MiningNotFoundError) return new TRPCError({ code: 'NOT_FOUND', message: err.message, cause: err });
  if (err instanceof MiningInputError) return new TRPCError({ code: 'BAD_REQUEST', message: err.message, cause: err });
  if (err instanceof InvalidRequestError) return new TRPCError({ code: 'BAD_REQUEST', message: err.message, cause: err });
  if (err instanceof WorkflowInputError) return new TRPCError({ code: 'BAD_REQUEST', message: err.message, cause: err });
  if (err instanceof RunNotFoundError) return new TRPCError({ code: 'NOT_FOUND', message: err.message, cause: err });
  if (err instanceof OutOfScopeError) return new TRPCError({ code: 'FORBIDDEN', message: err.message, cause: err });
  // A run no longer awaiting approval is a conflict; the requester, a role or scope not allowed, or an expiry are refusals.
  if (err instanceof ApprovalRefusedError) return new TRPCError({ code: err.reason === 'state' ? 'CONFLICT' : 'FORBIDDEN', message: err.message, cause: err });
  if (hasCode(err) && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
    return new TRPCError({ code: 'NOT_FOUND', message: `No such file or folder on the server: ${err.path ?? err.message}`, cause: err });
  }
  if (err instanceof Error && /in use by another process/.test(err.message)) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: err.message, cause: err });
  }
  // Anything else stays a 500; tRPC keeps its message, which says what failed.
  return null;
}
