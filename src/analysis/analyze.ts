/**
 * The analysis: frames and options in, a report out. Per cluster: read the series, build the one
 * model (model/build.ts), run the registered checks (checks/run.ts), assemble the report (report.ts).
 */
import type { DataFrame, DataFrameJSON } from '@grafana/data';
import type { Finding, HealthOptions, HealthOptionsInput, HealthReport } from './types';
import { resolveOptions } from './options';
import { ExtractedSeries, extractSeries } from './read/extractSeries';
import { mergeClusterReports, splitClusters } from './clusters';
import { buildModel } from './model/build';
import { runChecks } from './checks/run';
import { emptyCluster, reportOf, summary } from './report';
import { emptySignals } from './signals/signalModel';
import { say } from './messages';
import { beginAnalysis, releaseShapes } from './shapes';

function analyzeUnsafe(frames: readonly unknown[], input?: HealthOptionsInput | null): HealthReport {
  const options = resolveOptions(input);
  const extracted = extractSeries(frames, options.roles, options.topicLabel);
  const clusters = splitClusters(extracted, options);
  if (clusters) {
    return mergeClusterReports(
      clusters.label,
      clusters.parts.map((p) => ({ name: p.name, report: analyzeOne(p.extracted, options) }))
    );
  }
  return analyzeOne(extracted, options);
}

/** One cluster: read → one model → the registered checks → the report. */
function analyzeOne(extracted: ExtractedSeries, options: HealthOptions): HealthReport {
  const model = buildModel(extracted, options);
  return reportOf(model, runChecks(model));
}

/**
 * Judges the health of a Kafka cluster from the frames of a Grafana panel.
 *
 * Accepts Grafana DataFrames, plain look-alikes (snapshots) and DataFrameJSON. Never throws:
 * input it cannot read becomes a finding.
 */
export function analyze(
  frames: ReadonlyArray<DataFrame | DataFrameJSON> | readonly unknown[],
  options?: HealthOptionsInput | null
): HealthReport {
  try {
    beginAnalysis();
    return analyzeUnsafe(Array.isArray(frames) ? frames : [], options);
  } catch (e) {
    // Last line of defence: the panel must keep rendering whatever arrives.
    const failure: Finding = {
      check: 'analysis-error',
      severity: 'critical',
      ...say('analysis-error', { error: e instanceof Error ? e.message : String(e) }),
    };
    return {
      verdict: 'nodata',
      findings: [failure],
      incidents: [{ cause: failure, effects: [], severity: 'critical' }],
      signals: emptySignals(),
      cluster: emptyCluster(),
      brokers: [],
      topics: [],
      notEvaluated: [],
      data: summary(undefined, 'none', [], []),
    };
  } finally {
    releaseShapes();
  }
}
