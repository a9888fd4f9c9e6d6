// Connectors: how a run reaches a source system. HTTP systems (ERP, WMS, billing) are configured
// per system; their secrets stay in this process (never in the store, never in a response).
import { IDEMPOTENCY_HEADER, KEY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, idempotencyKey, signature } from './signing';

export type HttpSystem = 'erp' | 'wms' | 'billing';

export interface SystemConfig {
  /** Base URL, e.g. https://erp.example.com/api (the operation's path is appended). */
  url: string;
  keyId: string;
  secret: string;
}

export interface ConnectorConfig {
  systems: Partial<Record<HttpSystem, SystemConfig>>;
  /** Where notifications are also POSTed (signed the same way); none = outbox table only. */
  webhook?: SystemConfig;
}

/**
 * THROUGHLINE_<SYSTEM>_URL, _KEY_ID, _SECRET for erp, wms, billing, and THROUGHLINE_NOTIFY_WEBHOOK_*
 * for the notification webhook. A system without a URL is not configured (its runs fail with a
 * message saying so).
 */
export function connectorConfigFromEnv(env: Record<string, string | undefined> = process.env): ConnectorConfig {
  const one = (prefix: string): SystemConfig | undefined => {
    const url = env[`${prefix}_URL`];
    if (!url) return undefined;
    const secret = env[`${prefix}_SECRET`];
    if (!secret) throw new Error(`${prefix}_URL is set but ${prefix}_SECRET is not: calls must be signed`);
    return { url, keyId: env[`${prefix}_KEY_ID`] ?? 'throughline', secret };
  };
  const systems: ConnectorConfig['systems'] = {};
  for (const s of ['erp', 'wms', 'billing'] as const) {
    const c = one(`THROUGHLINE_${s.toUpperCase()}`);
    if (c) systems[s] = c;
  }
  return { systems, webhook: one('THROUGHLINE_NOTIFY_WEBHOOK') };
}

export type CallOutcome = 'ok' | 'http_error' | 'timeout' | 'network_error' | 'refused';

export interface CallResult {
  outcome: CallOutcome;
  status: number | null;
  /** The first 500 characters of the response body, secrets removed. */
  body: string | null;
  error: string | null;
  /** Whether trying again may succeed (5xx, 408, 409, 425, 429, timeouts, network errors). */
  retryable: boolean;
  durationMs: number;
}

const EXCERPT = 500;

function excerpt(text: string, secrets: string[]): string {
  let t = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  for (const s of secrets) if (s) t = t.replaceAll(s, '[redacted]');
  return t;
}

const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export interface HttpCall {
  method: string;
  path: string;
  body: string;
  runId: string;
  timeoutMs: number;
  /** Aborts the call (a worker stopping); reported as a network error. */
  signal?: AbortSignal;
}

/** One signed call with the run's Idempotency-Key; never throws. */
export async function callHttp(sys: SystemConfig | undefined, call: HttpCall, systemName = 'system'): Promise<CallResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  if (!sys) return { outcome: 'refused', status: null, body: null, error: `no connector configured for ${systemName}`, retryable: false, durationMs: 0 };
  const base = new URL(sys.url);
  const url = new URL(base.pathname.replace(/\/$/, '') + call.path, base);
  const ts = String(Date.now());
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  try {
    const res = await fetch(url, {
      method: call.method,
      body: call.body,
      signal,
      headers: {
        'content-type': 'application/json',
        [IDEMPOTENCY_HEADER]: idempotencyKey(call.runId),
        [TIMESTAMP_HEADER]: ts,
        [KEY_ID_HEADER]: sys.keyId,
        [SIGNATURE_HEADER]: signature(sys.secret, call.method, url.pathname, ts, call.body),
      },
    });
    const text = excerpt(await res.text(), [sys.secret]);
    if (res.ok) return { outcome: 'ok', status: res.status, body: text, error: null, retryable: false, durationMs: ms() };
    const retryable = res.status >= 500 || RETRYABLE_4XX.has(res.status);
    return { outcome: 'http_error', status: res.status, body: text, error: `${systemName} answered ${res.status}`, retryable, durationMs: ms() };
  } catch (err) {
    if (timeout.aborted) return { outcome: 'timeout', status: null, body: null, error: `${systemName} did not answer within ${call.timeoutMs} ms`, retryable: true, durationMs: ms() };
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.cause?.code ?? e.cause?.message ?? e.message;
    return { outcome: 'network_error', status: null, body: null, error: `${systemName} unreachable: ${why}`, retryable: true, durationMs: ms() };
  }
}
