/**
 * Frame builders shaped like what Grafana's Prometheus data source hands a panel.
 * Used by tests and the benchmark; not part of the public entry.
 */

import { compareLabels } from '../read/series';

export type LabelSet = Record<string, string>;

export interface PlainField {
  name: string;
  type: string;
  labels?: LabelSet;
  config: Record<string, unknown>;
  values: unknown[];
}

export interface PlainFrame {
  refId?: string;
  name?: string;
  meta?: Record<string, unknown>;
  fields: PlainField[];
  length: number;
}

/** A range (matrix) series as Grafana 12's backend returns it: timeseries-multi, value field named from `__name__` or "Value". */
export function rangeFrame(labels: LabelSet, times: number[], values: unknown[], refId = 'A'): PlainFrame {
  return {
    refId,
    meta: { type: 'timeseries-multi', typeVersion: [0, 1], custom: { resultType: 'matrix' } },
    fields: [
      { name: 'Time', type: 'time', config: { interval: times.length > 1 ? times[1] - times[0] : 0 }, values: times },
      { name: labels.__name__ ?? 'Value', type: 'number', labels, config: {}, values },
    ],
    length: times.length,
  };
}

/** An instant (vector) series: numeric-multi with one row. */
export function instantFrame(labels: LabelSet, value: unknown, time = 1_700_000_000_000, refId = 'A'): PlainFrame {
  return {
    refId,
    meta: { type: 'numeric-multi', typeVersion: [0, 1], custom: { resultType: 'vector' } },
    fields: [
      { name: 'Time', type: 'time', config: {}, values: [time] },
      { name: labels.__name__ ?? 'Value', type: 'number', labels, config: {}, values: [value] },
    ],
    length: 1,
  };
}

/**
 * Table format, as Grafana's frontend builds it for Format = Table: one frame, `Time`, a text
 * column per label, then `Value` (one query) or `Value #<refId>` (several).
 */
export function tableFrame(
  rows: Array<{ time: number; labels: LabelSet; value: unknown }>,
  valueName = 'Value',
  refId = 'A'
): PlainFrame {
  const labelNames = Array.from(new Set(rows.flatMap((r) => Object.keys(r.labels)))).sort();
  return {
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'Time', type: 'time', config: {}, values: rows.map((r) => r.time) },
      ...labelNames.map((l) => ({ name: l, type: 'string', config: {}, values: rows.map((r) => r.labels[l] ?? '') })),
      { name: valueName, type: 'number', config: {}, values: rows.map((r) => r.value) },
    ],
    length: rows.length,
  };
}

export const T0 = 1_700_000_000_000;
export const STEP = 15_000;

export function stepTimes(points: number, start = T0, step = STEP): number[] {
  return Array.from({ length: points }, (_, i) => start + i * step);
}

export interface ClusterSpec {
  brokers: number;
  topics: number;
  points: number;
  /** msg/s of topic t on broker b at step i. */
  rate: (broker: number, topic: number, step: number) => number | null;
  brokerLabel?: string;
  /** Also emit each broker's all-topics series (no topic label), as Kafka's exporter does. */
  withAllTopics?: boolean;
  refId?: string;
  /** Each broker's samples offset from the step grid (ms): brokers scraped at their own moments. */
  offset?: (broker: number) => number;
}

export const brokerName = (b: number) => `broker-${b}`;
export const topicName = (t: number) => `topic-${t}`;

/** One range frame per broker × topic (and optionally each broker's all-topics series). */
export function clusterFrames(spec: ClusterSpec): PlainFrame[] {
  const times = stepTimes(spec.points);
  const label = spec.brokerLabel ?? 'instance';
  const frames: PlainFrame[] = [];
  for (let b = 0; b < spec.brokers; b++) {
    const shift = spec.offset?.(b) ?? 0;
    const own = shift === 0 ? times : times.map((t) => t + shift);
    const total = new Array<number | null>(spec.points).fill(null);
    for (let t = 0; t < spec.topics; t++) {
      const values = times.map((_, i) => spec.rate(b, t, i));
      values.forEach((v, i) => {
        if (v !== null) {
          total[i] = (total[i] ?? 0) + v;
        }
      });
      frames.push(rangeFrame({ [label]: brokerName(b), topic: topicName(t) }, own, values, spec.refId));
    }
    if (spec.withAllTopics) {
      frames.push(rangeFrame({ [label]: brokerName(b) }, own, total, spec.refId));
    }
  }
  return frames;
}

/**
 * The frames in the order Prometheus returns range results (sorted by label set: pair by pair,
 * name then value, shorter sets first), which Grafana keeps.
 */
export function inPrometheusOrder(frames: PlainFrame[]): PlainFrame[] {
  const labelsOf = (frame: PlainFrame) => frame.fields[1]?.labels ?? {};
  return frames.slice().sort((a, b) => compareLabels(labelsOf(a), labelsOf(b)));
}
