/** Plain-text number formatting for finding messages (the panel formats figures with Grafana units itself). */

const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const smallRateFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

export function formatRate(v: number): string {
  if (!Number.isFinite(v)) {
    return 'n/a';
  }
  const text = Math.abs(v) >= 10 || v === 0 ? rateFormat.format(v) : smallRateFormat.format(v);
  return `${text} msg/s`;
}

/** Bytes per second in decimal units: 850 B/s, 1.2 kB/s, 340 MB/s. */
export function formatBytesRate(v: number): string {
  return decimalBytes(v, ['B/s', 'kB/s', 'MB/s', 'GB/s']);
}

/** A size in decimal units, as Grafana's decbytes writes it: "12.4 GB". */
export function formatBytes(v: number): string {
  return Number.isFinite(v) ? decimalBytes(v, ['B', 'kB', 'MB', 'GB', 'TB', 'PB']) : 'n/a';
}

function decimalBytes(v: number, units: readonly string[]): string {
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(Math.abs(v) >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

const plainFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A plain figure with at most two decimals (1.95, 12, 1,234.5). */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? plainFormat.format(v) : 'n/a';
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) {
    return 'n/a';
  }
  return `${Math.round(fraction * 100)}%`;
}

/** A duration in words an operator reads at a glance: 45 s, 11 min, 4 h 10 min, 2 d 3 h. */
/** A moment as a UTC clock time ("22:39:05 UTC"); renderers that know the reader's time zone use it instead. */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) {
    return 'n/a';
  }
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

/**
 * A signed figure: "+31%", "−18%" with a real minus sign, and no sign at all when the figure
 * rounds to zero ("0%", not "−0%"). `format` writes the magnitude.
 */
export function withSign(value: number, format: (magnitude: number) => string): string {
  const text = format(Math.abs(value));
  return /[1-9]/.test(text) ? `${value > 0 ? '+' : '−'}${text}` : text;
}

/** A request time: "85 ms" below a second, "1.2 s" above. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return 'n/a';
  }
  return ms < 1000 ? `${Math.round(ms)} ms` : `${formatNumber(ms / 1000)} s`;
}

/** How each unit of a duration reads: "{{n}} min" in English; a renderer passes its language's. */
export interface DurationUnits {
  s: (n: number) => string;
  min: (n: number) => string;
  h: (n: number) => string;
  d: (n: number) => string;
}

const ENGLISH_UNITS: DurationUnits = {
  s: (n) => `${n} s`,
  min: (n) => `${n} min`,
  h: (n) => `${n} h`,
  d: (n) => `${n} d`,
};

export function formatDuration(ms: number, units: DurationUnits = ENGLISH_UNITS): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return 'n/a';
  }
  const s = Math.round(ms / 1000);
  if (s < 90) {
    return units.s(s);
  }
  const min = Math.round(s / 60);
  if (min < 120) {
    return units.min(min);
  }
  const h = Math.floor(min / 60);
  if (h < 48) {
    return min % 60 ? `${units.h(h)} ${units.min(min % 60)}` : units.h(h);
  }
  const d = Math.floor(h / 24);
  return h % 24 ? `${units.d(d)} ${units.h(h % 24)}` : units.d(d);
}

export function formatFactor(f: number): string {
  return Number.isFinite(f) ? `${f >= 10 ? Math.round(f) : Math.round(f * 10) / 10}×` : 'n/a';
}

/** Label values are untrusted and may be huge; messages quote at most this much of one. */
const MAX_QUOTED = 80;

export function quote(name: string): string {
  return name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED - 1)}…` : name;
}
