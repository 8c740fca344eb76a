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
  /** Bytes per second (Grafana's Bps unit). */
  bytes: (v: number | undefined) => string;
  /** A size in bytes (average message size). */
  size: (v: number | undefined) => string;
  /** Plain counts: partitions, controllers, messages of lag. */
  count: (v: number | undefined) => string;
  /** value and threshold of a finding, each in the unit its check measures. */
  findingValue: (f: Finding, which: 'value' | 'threshold') => string | undefined;
}

const RATE_CHECKS = new Set(['low-throughput', 'broker-overload', 'broker-stalled']);
const FRACTION_CHECKS = new Set(['imbalance', 'drop', 'topic-skew', 'bytes-imbalance', 'request-handlers']);
const COUNT_CHECKS = new Set(['under-replicated', 'offline-partitions', 'active-controllers', 'consumer-lag']);

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
    const bytesDisplay = getDisplayProcessor({
      field: { type: FieldType.number, config: { unit: 'Bps' } },
      theme,
    });
    const countDisplay = getDisplayProcessor({ field: { type: FieldType.number, config: { unit: 'short' } }, theme });
    const show = (display: typeof rateDisplay) => (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? '–' : formattedValueToString(display(v));
    const bytes = show(bytesDisplay);
    const size = show(getDisplayProcessor({ field: { type: FieldType.number, config: { unit: 'decbytes' } }, theme }));
    const count = show(countDisplay);
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
      if (COUNT_CHECKS.has(f.check)) {
        return count(v);
      }
      if (f.check === 'spike') {
        return `${Math.round(v * 10) / 10}×`;
      }
      return String(v);
    };
    return { rate, percent, bytes, size, count, findingValue };
  }, [unit, decimals, theme]);
}
