/** The Prometheus HTTP API, as the command line uses it: range queries with a timeout. */
import type { PromResponse } from './promToFrames';

export interface PrometheusTarget {
  url: string;
  /** Sent with every request (e.g. Authorization), never printed. */
  headers?: Record<string, string>;
  timeoutMs: number;
}

export async function queryRange(
  target: PrometheusTarget,
  expr: string,
  start: number,
  end: number,
  step: number
): Promise<PromResponse> {
  const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
  const url = `${target.url.replace(/\/+$/, '')}/api/v1/query_range?${params}`;
  const res = await fetch(url, { headers: target.headers, signal: AbortSignal.timeout(target.timeoutMs) });
  const text = await res.text();
  try {
    return JSON.parse(text) as PromResponse;
  } catch {
    // A proxy or a wrong URL answers HTML: say what came back, briefly.
    throw new Error(
      `${res.status} ${res.statusText} from ${target.url}: not the Prometheus API (${text.slice(0, 80)})`
    );
  }
}
