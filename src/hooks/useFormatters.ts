import { useMemo } from 'react';
import {
  FieldConfigSource,
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  GrafanaTheme2,
} from '@grafana/data';
import type { Finding } from '../analysis';

export interface Formatters {
  /** A rate in the panel's unit and decimals (messages/sec by default). */
  rate: (v: number | undefined) => string;
  percent: (fraction: number | undefined) => string;
  /** value and threshold of a finding, each in the unit its check measures. */
  findingValue: (f: Finding, which: 'value' | 'threshold') => string | undefined;
}

const RATE_CHECKS = new Set(['low-throughput', 'broker-overload', 'broker-stalled']);
const FRACTION_CHECKS = new Set(['imbalance', 'drop', 'topic-skew']);

/** Grafana's display processor, so units, decimals and locale match every other panel. */
export function useFormatters(fieldConfig: FieldConfigSource, theme: GrafanaTheme2): Formatters {
  const { unit, decimals } = fieldConfig.defaults;
  return useMemo(() => {
    const rateDisplay = getDisplayProcessor({
      field: { type: FieldType.number, config: { unit: unit || 'mps', decimals } },
      theme,
    });
    const percentDisplay = getDisplayProcessor({
      field: { type: FieldType.number, config: { unit: 'percentunit', decimals: 0 } },
      theme,
    });
    const rate = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? '–' : formattedValueToString(rateDisplay(v));
    const percent = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? '–' : formattedValueToString(percentDisplay(v));
    const findingValue = (f: Finding, which: 'value' | 'threshold') => {
      const v = f[which];
      if (v === undefined || !Number.isFinite(v)) {
        return undefined;
      }
      if (RATE_CHECKS.has(f.check)) {
        return rate(v);
      }
      if (FRACTION_CHECKS.has(f.check)) {
        return percent(v);
      }
      if (f.check === 'spike') {
        return `${Math.round(v * 10) / 10}×`;
      }
      return String(v);
    };
    return { rate, percent, findingValue };
  }, [unit, decimals, theme]);
}
