/**
 * Reads panel options and field config whatever shape they arrive in. Saved JSON is edited by
 * hand, written by other versions and provisioned from files, so every value is read by type: a
 * wrong type or a missing object falls back on the default, a string that spells a boolean or a
 * number is taken for one. The migration and the panel both read through here, so a value the
 * panel renders is always of its declared type.
 */
import type { DataLink } from '@grafana/data';
import { ALL_DECLARATIONS, isMetricRole, LevelThresholds, MetricRole, RateReducer } from '../analysis';
import { DEFAULT_DISPLAY, DEFAULT_LABELS, DEFAULT_THRESHOLDS } from './defaults';
import { BrokerSort, DisplayOptions, LabelOptions, OPTIONS_VERSION, PanelOptions, ThresholdOptions } from './types';

type Saved = Record<string, unknown>;

export function isRecord(v: unknown): v is Saved {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function section(v: unknown): Saved {
  return isRecord(v) ? v : {};
}

/** true/false, the strings "true"/"false" (any case), 1/0; else the default. */
export function readBoolean(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    return s === 'true' ? true : s === 'false' ? false : fallback;
  }
  if (v === 1 || v === 0) {
    return v === 1;
  }
  return fallback;
}

/** A finite number, or a string that is one ("15", " 0.25 "); else undefined. */
export function readNumber(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : undefined;
  }
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function readInteger(v: unknown, fallback: number, min: number, max: number): number {
  const n = readNumber(v);
  return n === undefined ? fallback : Math.min(max, Math.max(min, Math.round(n)));
}

function readText(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

const RATE_REDUCERS: readonly RateReducer[] = ['last', 'mean', 'max'];
const BROKER_SORTS: readonly BrokerSort[] = ['worst', 'name', 'rate', 'deviation'];

/**
 * Topics listed at most. The editor's slider stops at 500; provisioned JSON may ask for more, and
 * the list is virtualized, so only an absurd count is cut.
 */
export const MAX_TOP_TOPICS = 10_000;

/**
 * Every declared threshold: numbers (or numeric strings) kept as saved, so the editor can show
 * what is wrong with them (toAnalysisOptions never applies an invalid one); pairs completed level
 * by level from the defaults; anything else defaulted.
 */
export function readThresholds(saved: unknown): ThresholdOptions {
  const t = section(saved);
  return Object.fromEntries(
    ALL_DECLARATIONS.map(([key, d]) => {
      const fallback = DEFAULT_THRESHOLDS[key];
      if (d.kind === 'single') {
        return [key, readNumber(t[key]) ?? fallback];
      }
      const pair = section(t[key]);
      const levels = fallback as LevelThresholds;
      return [
        key,
        { warning: readNumber(pair.warning) ?? levels.warning, critical: readNumber(pair.critical) ?? levels.critical },
      ];
    })
  ) as ThresholdOptions;
}

/** Saved refId → role pairs, with anything that is not one dropped. */
function readRoles(v: unknown): Record<string, MetricRole> {
  const out: Record<string, MetricRole> = {};
  for (const [refId, role] of Object.entries(section(v))) {
    if (isMetricRole(role)) {
      out[refId] = role;
    }
  }
  return out;
}

export function readLabels(saved: unknown): LabelOptions {
  const l = section(saved);
  const d = DEFAULT_LABELS;
  return {
    broker: readText(l.broker, d.broker).trim() || d.broker,
    topic: readText(l.topic, d.topic).trim() || d.topic,
    metricName: readText(l.metricName, d.metricName).trim(),
    rateReducer: oneOf(l.rateReducer, RATE_REDUCERS, d.rateReducer),
    roles: readRoles(l.roles),
    cluster: readText(l.cluster, d.cluster).trim() || d.cluster,
  };
}

export function readDisplay(saved: unknown): DisplayOptions {
  const s = section(saved);
  const d = DEFAULT_DISPLAY;
  return {
    showFigures: readBoolean(s.showFigures, d.showFigures),
    showBrokers: readBoolean(s.showBrokers, d.showBrokers),
    showTopics: readBoolean(s.showTopics, d.showTopics),
    showFindings: readBoolean(s.showFindings, d.showFindings),
    showConsumerGroups: readBoolean(s.showConsumerGroups, d.showConsumerGroups),
    topTopics: readInteger(s.topTopics, d.topTopics, 1, MAX_TOP_TOPICS),
    brokerSort: oneOf(s.brokerSort, BROKER_SORTS, d.brokerSort),
    compact: readBoolean(s.compact, d.compact),
  };
}

/** Current-shape options from anything: each section read by type, missing ones defaulted. */
export function readPanelOptions(saved: unknown): PanelOptions {
  const o = section(saved);
  return {
    version: OPTIONS_VERSION,
    thresholds: readThresholds(o.thresholds),
    labels: readLabels(o.labels),
    display: readDisplay(o.display),
  };
}

/** What the panel uses of the field config: unit, decimals and data links. */
export interface FieldSettings {
  unit?: string;
  decimals?: number;
  links: DataLink[];
}

/** Links with a URL; `{}`, `[null]` or links without one are left out. */
function readLinks(v: unknown): DataLink[] {
  if (!Array.isArray(v)) {
    return [];
  }
  return v
    .filter((l): l is Saved => isRecord(l) && typeof l.url === 'string' && l.url.trim() !== '')
    .map((l) => ({ ...l, title: readText(l.title, ''), url: l.url as string }) as DataLink);
}

/** The field config's defaults, whatever Grafana or a saved dashboard hands over. */
export function readFieldConfig(fieldConfig: unknown): FieldSettings {
  const defaults = section(section(fieldConfig).defaults);
  const unit = typeof defaults.unit === 'string' && defaults.unit.trim() ? defaults.unit : undefined;
  const decimals = readNumber(defaults.decimals);
  return {
    unit,
    decimals: decimals === undefined ? undefined : Math.min(20, Math.max(0, Math.round(decimals))),
    links: readLinks(defaults.links),
  };
}
