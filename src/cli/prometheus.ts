/**
 * The Prometheus HTTP API as the command line uses it: range queries, with the access people put
 * in front of Prometheus (bearer token, basic auth, extra headers such as a tenant id, a private
 * CA). Prometheus-compatible stores (Mimir, Thanos, VictoriaMetrics) answer the same API under a
 * path prefix, which the URL carries (`https://mimir.example.com/prometheus`).
 */
import type { PromResponse } from './promToFrames';
import { httpCall } from './http';

export interface PrometheusTarget {
  url: string;
  /** Sent with every request (Authorization, X-Scope-OrgID, …), never printed. */
  headers?: Record<string, string>;
  timeoutMs: number;
  ca?: string;
}

/** The store refused who we are: no query will do better. */
export class AuthenticationFailed extends Error {}

export async function queryRange(
  target: PrometheusTarget,
  expr: string,
  start: number,
  end: number,
  step: number
): Promise<PromResponse> {
  const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
  const base = target.url.replace(/\/+$/, '');
  const res = await httpCall(`${base}/api/v1/query_range?${params}`, {
    headers: target.headers,
    timeoutMs: target.timeoutMs,
    ca: target.ca,
  });
  if (res.status === 401 || res.status === 403) {
    throw new AuthenticationFailed(
      `authentication failed (HTTP ${res.status}): give a token (--bearer-token-file, KAFKALENS_BEARER_TOKEN) or a user (KAFKALENS_BASIC_AUTH=user:password)`
    );
  }
  try {
    // Prometheus answers errors (a bad query: 400, a timeout: 503) with its own JSON.
    return JSON.parse(res.text) as PromResponse;
  } catch {
    throw new Error(`HTTP ${res.status}: not the Prometheus API (${res.text.slice(0, 80).replace(/\s+/g, ' ')})`);
  }
}
