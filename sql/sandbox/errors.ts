// The sandbox's own errors. A cancel through an AbortSignal rejects with sql/cancel.ts's
// QueryCancelledError instead (isCancelled(err) is true), as every other read does.

/** The gate refused the statement; the message names what was refused and why. */
export class SqlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlRefusedError';
  }
}

/** The query ran longer than the sandbox's time limit and was interrupted. */
export class SqlTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`The query was stopped at the time limit of ${formatMs(limitMs)}.`);
    this.name = 'SqlTimeoutError';
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
