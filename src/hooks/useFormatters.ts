import { useMemo } from 'react';
import { FieldType, formattedValueToString, getDisplayProcessor, GrafanaTheme2 } from '@grafana/data';
import { effectsLine, formatParams, templatesOf, type Finding, type FindingUnit, type ParamKind } from '../analysis';
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
  /** value and threshold of a finding, each in the unit its check measures. */
  findingValue: (f: Finding, which: 'value' | 'threshold') => string | undefined;
  /** A finding's words in the user's language, its figures in the panel's units. */
  finding: (f: Finding) => { message: string; suggestion?: string };
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
  theme: GrafanaTheme2
): Formatters {
  return useMemo(() => {
    // One display processor per unit; every formatter shows a missing value as an en dash.
    const formatter = (config: { unit: string; decimals?: number | null }) => {
      const display = getDisplayProcessor({ field: { type: FieldType.number, config }, theme });
      return (v: number | undefined) =>
        v === undefined || !Number.isFinite(v) ? '–' : formattedValueToString(display(v));
    };
    const rate = formatter({ unit: unit || 'mps', decimals });
    const percent = formatter({ unit: 'percentunit', decimals: 0 });
    const bytes = formatter({ unit: 'Bps' });
    const size = formatter({ unit: 'decbytes' });
    const count = formatter({ unit: 'short' });
    const duration = formatter({ unit: 'ms' });
    // Each finding says how its figures read (its check's declared unit).
    const byUnit: Record<FindingUnit, (v: number) => string> = {
      rate,
      fraction: percent,
      count,
      duration,
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
    };
    const finding = (f: Finding) => {
      const english = templatesOf(f.messageKey);
      if (!english) {
        // A finding from an older report shape: its English words as they are.
        return { message: f.message, suggestion: f.suggestion };
      }
      const values = formatParams(f.messageKey!, f.params ?? {}, (v, kind) =>
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
    const effects = (list: readonly Finding[]) => effectsLine(list, (key, english, values) => tx(key, english, values));
    return { rate, percent, bytes, size, count, findingValue, finding, effects };
  }, [unit, decimals, theme]);
}
