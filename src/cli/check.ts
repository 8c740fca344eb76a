/**
 * One check: the health queries over the range, each response turned into the frames Grafana's
 * Prometheus backend would build, and the panel's analysis judging now.
 */
import { analyze, HealthOptionsInput, HealthReport, MetricRole } from '../analysis';
import { healthQueries, QuerySource, stepFor } from './queries';
import { AuthenticationFailed, PrometheusTarget, queryRange } from './prometheus';
import { toFrames } from './promToFrames';

export interface CheckRequest {
  target: PrometheusTarget;
  rangeSeconds: number;
  /**
   * The query step; by default the range over ~300 points (stepFor). 100k series at a fine step
   * exceed what Prometheus loads for one query (`--query.max-samples`).
   */
  stepSeconds?: number;
  source: QuerySource;
  options: HealthOptionsInput;
  /** The clock (ms): the moment judged. */
  now: number;
}

export interface QueryRun {
  refId: string;
  expr: string;
  status: 'success' | 'error';
  series: number;
  error?: string;
  ms: number;
}

export interface CheckResult {
  report: HealthReport;
  queries: QueryRun[];
  range: { start: number; end: number; step: number };
  ms: number;
}

/** Thrown when no query could be run at all (Prometheus unreachable, a wrong URL). */
export class CannotCheck extends Error {}

export async function runCheck(req: CheckRequest): Promise<CheckResult> {
  const started = Date.now();
  const step = req.stepSeconds ?? stepFor(req.rangeSeconds);
  // Grafana aligns a range's end to its step; so does the command.
  const end = Math.floor(req.now / 1000 / step) * step;
  const start = end - req.rangeSeconds;
  const queries = healthQueries(req.source);
  const frames: unknown[] = [];
  const runs: QueryRun[] = [];
  const failures: string[] = [];
  for (const q of queries) {
    const t0 = Date.now();
    try {
      const body = await queryRange(req.target, q.expr, start, end, step);
      const got = toFrames(body, { refId: q.refId, range: true, expr: q.expr, step });
      frames.push(...got);
      runs.push({
        refId: q.refId,
        expr: q.expr,
        status: body.status,
        series: got.filter((f) => f.schema.fields.length > 0).length,
        error: body.status === 'error' ? `${body.errorType ?? 'error'}: ${body.error ?? ''}` : undefined,
        ms: Date.now() - t0,
      });
    } catch (e) {
      if (e instanceof AuthenticationFailed) {
        throw new CannotCheck(e.message);
      }
      const error = e instanceof Error ? e.message : String(e);
      failures.push(error);
      runs.push({ refId: q.refId, expr: q.expr, status: 'error', series: 0, error, ms: Date.now() - t0 });
    }
  }
  if (failures.length === queries.length) {
    throw new CannotCheck(`no query reached Prometheus at ${req.target.url}: ${failures[0]}`);
  }
  const roles: Record<string, MetricRole> = Object.fromEntries(queries.map((q) => [q.refId, q.role]));
  const report = analyze(frames, {
    ...req.options,
    roles: { ...roles, ...req.options.roles },
    timeRange: { from: start * 1000, to: end * 1000 },
    now: req.now,
  });
  return { report, queries: runs, range: { start, end, step }, ms: Date.now() - started };
}
