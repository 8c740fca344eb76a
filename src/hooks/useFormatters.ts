import { useMemo } from 'react';
import {
  dateTimeFormat,
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  GrafanaTheme2,
  PanelProps,
} from '@grafana/data';
import {
  effectsLine,
  formatDuration,
  type DurationUnits,
  formatParams,
  templatesOf,
  type Finding,
  type FindingUnit,
  type HealthReport,
  type ParamKind,
} from '../analysis';
import { tx } from '../i18n';

export interface Formatters {
  /** A rate in the panel's unit and decimals (messages/sec by default). */
  rate: (v: number | undefined) => string;
  percent: (fraction: number | undefined) => string;
  /** Bytes per second (Grafana's Bps unit). */
  bytes: (v: number | undefined) => string;
  /** A size in bytes (average message size). */
  size: (v: number | undefined) => string;
  /** Plain counts: partitions, controllers, messages of lag. */
  count: (v: number | undefined) => string;
  /** A moment (ms) as a clock time in the dashboard's time zone; with the date when asked. */
  time: (ms: number | undefined, withDate?: boolean) => string;
  /** A length of time (ms) in words of the user's language: "4 min", "4분". */
  duration: (ms: number | undefined) => string;
  /** A request time (ms), in Grafana's ms unit: "12 ms", "1.2 s". */
  latency: (ms: number | undefined) => string;
  /** value and threshold of a finding, each in the unit its check measures. */
  findingValue: (f: Finding, which: 'value' | 'threshold') => string | undefined;
  /** A finding's words in the user's language, its figures in the panel's units. */
  finding: (f: Finding) => { message: string; suggestion?: string };
  /** A broker's short name (report.brokers[].shortName), else the name as it is. */
  name: (full: string) => string;
  /** An incident's effects in one line ("+5 effects: under-replicated partitions on …"). */
  effects: (effects: readonly Finding[]) => string;
}

/**
 * Grafana's display processor, so units, decimals and locale match every other panel. `unit` and
 * `decimals` are the field config's standard options, already read by type (options/read.ts).
 */
export function useFormatters(
  unit: string | undefined,
  decimals: number | undefined,
  theme: GrafanaTheme2,
  /** The dashboard's time zone (PanelProps.timeZone): clock times read as on its time axis. */
  timeZone?: PanelProps['timeZone'],
  /** Short broker names by full name (brokerShortNames). */
  shortNames?: ReadonlyMap<string, string>
): Formatters {
  return useMemo(() => {
    // One display processor per unit; every formatter shows a missing value as an en dash.
    const formatter = (config: { unit: string; decimals?: number | null }) => {
      const display = getDisplayProcessor({ field: { type: FieldType.number, config }, theme });
      // One style for every figure: Grafana's scaling, trimmed, with a real minus sign.
      return (v: number | undefined) =>
        v === undefined || !Number.isFinite(v) ? '–' : formattedValueToString(display(v)).trim().replace(/^-/, '−');
    };
    const rate = formatter({ unit: unit || 'mps', decimals });
    const percent = formatter({ unit: 'percentunit', decimals: 0 });
    const bytes = formatter({ unit: 'Bps' });
    const size = formatter({ unit: 'decbytes' });
    // Counts scale as rates do ("21K", "1.65M"), not as Grafana's 'short' ("21 K", "1.65 Mil").
    const count = formatter({ unit: 'count:' });
    const latency = formatter({ unit: 'ms' });
    // Grafana's duration units are English words ("4 mins"): these are the panel's, translated.
    const units: DurationUnits = {
      s: (n) => tx('units.seconds', '{{n}} s', { n }),
      min: (n) => tx('units.minutes', '{{n}} min', { n }),
      h: (n) => tx('units.hours', '{{n}} h', { n }),
      d: (n) => tx('units.days', '{{n}} d', { n }),
    };
    const duration = (ms: number | undefined) =>
      ms === undefined || !Number.isFinite(ms) ? '–' : formatDuration(ms, units);
    const name = (full: string) => shortNames?.get(full) ?? full;
    const time = (ms: number | undefined, withDate = false) =>
      ms === undefined || !Number.isFinite(ms)
        ? '–'
        : dateTimeFormat(ms, { timeZone, format: withDate ? 'MM-DD HH:mm' : 'HH:mm:ss' });
    // Each finding says how its figures read (its check's declared unit).
    const byUnit: Record<FindingUnit, (v: number) => string> = {
      rate,
      fraction: percent,
      count,
      duration,
      latency,
      factor: (v) => `${Math.round(v * 10) / 10}×`,
    };
    const findingValue = (f: Finding, which: 'value' | 'threshold') => {
      const v = f[which];
      if (v === undefined || !Number.isFinite(v)) {
        return undefined;
      }
      return f.unit ? byUnit[f.unit](v) : String(v);
    };
    const plainNumber = formatter({ unit: 'none' });
    const minutes = formatter({ unit: 'm' });
    const byKind: Record<ParamKind, (v: number) => string> = {
      text: String,
      code: String,
      rate,
      bytesRate: bytes,
      percent,
      factor: byUnit.factor,
      duration,
      count,
      number: plainNumber,
      minutes,
      time,
      latency,
      size,
    };
    const finding = (f: Finding) => {
      const english = templatesOf(f.messageKey);
      if (!english) {
        // A finding from an older report shape: its English words as they are.
        return { message: f.message, suggestion: f.suggestion };
      }
      const params = f.params ?? {};
      // The broker a sentence names reads as in the table: its short name.
      const named = typeof params.broker === 'string' ? { ...params, broker: name(params.broker) } : params;
      const values = formatParams(f.messageKey!, named, (v, kind) =>
        typeof v === 'number' ? byKind[kind](v) : String(v)
      );
      const key = `findings.${f.messageKey}`;
      const message = tx(`${key}.message`, english.message, values);
      return {
        // In the report of several clusters, each finding says whose it is.
        message: f.cluster
          ? tx('panel.findings.in-cluster', '{{cluster}}: {{message}}', { cluster: f.cluster, message })
          : message,
        suggestion: english.suggestion ? tx(`${key}.suggestion`, english.suggestion, values) : undefined,
      };
    };
    const effects = (list: readonly Finding[]) =>
      effectsLine(
        list.map((e) =>
          e.subject !== undefined && e.subjectKind === 'broker' ? { ...e, subject: name(e.subject) } : e
        ),
        (key, english, values) => tx(key, english, values)
      );
    return { rate, percent, bytes, size, count, time, duration, latency, name, findingValue, finding, effects };
  }, [unit, decimals, theme, timeZone, shortNames]);
}

/** Full name → short name of every broker that has one (over all clusters of the report). */
export function brokerShortNames(report: HealthReport): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const b of report.brokers) {
    if (b.shortName !== undefined) {
      out.set(b.name, b.shortName);
    }
  }
  return out;
}
