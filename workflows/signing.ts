// Request signing shared by the HTTP connectors: HMAC-SHA256 over method, path, timestamp and body,
// so a source system can check that the call came from Throughline, unchanged and recent.
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-throughline-signature';
export const TIMESTAMP_HEADER = 'x-throughline-timestamp';
export const KEY_ID_HEADER = 'x-throughline-key-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** `v1=<hex>` of HMAC-SHA256(secret, METHOD \n path \n timestamp \n body). */
export function signature(secret: string, method: string, path: string, timestamp: string, body: string): string {
  const mac = createHmac('sha256', secret).update(`${method.toUpperCase()}\n${path}\n${timestamp}\n${body}`, 'utf8').digest('hex');
  return `v1=${mac}`;
}

/** The Idempotency-Key of every call of a run: stable across retries and restarts. */
export const idempotencyKey = (runId: string): string => `throughline-run-${runId}`;
