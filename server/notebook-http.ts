// The notebook routes' shared answers: a failed call → the contract's JSON error body and status.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import type { RunErrorBody, RunErrorCode } from '../notebooks/types';
import { NotebookRunError } from './notebook-run';

const CODES: Partial<Record<TRPCError['code'], RunErrorCode>> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  TIMEOUT: 'TIMEOUT',
  CLIENT_CLOSED_REQUEST: 'CANCELLED',
};

export function errorResponse(status: number, code: RunErrorCode, message: string): Response {
  const body: RunErrorBody = { error: { code, message } };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

/** What a notebook route answers for an error of its procedure call. */
export function failureResponse(err: unknown, what: string): Response {
  if (err instanceof TRPCError) {
    const cause = err.cause;
    if (cause instanceof NotebookRunError) return errorResponse(cause.code === 'TIMEOUT' ? 408 : 400, cause.code, cause.message);
    const code = CODES[err.code];
    if (code) {
      const message = cause instanceof z.ZodError ? `The request is not valid: ${z.prettifyError(cause)}` : err.message;
      return errorResponse(getHTTPStatusCodeFromError(err), code, message);
    }
  }
  console.error(`${what} failed:`, err instanceof TRPCError ? (err.cause ?? err) : err);
  return errorResponse(500, 'INTERNAL', `${what} failed on the server; the server log has the details.`);
}
