/**
 * Coercion of untrusted field values. Frames come from Grafana, from dashboard snapshots
 * and from hand-written JSON, so a "number" may be a string, null, a Date or garbage.
 */

/** A finite number, or NaN for anything that is not one (null, ±Infinity, text, objects). */
export function toFiniteNumber(v: unknown): number {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : NaN;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') {
      return NaN;
    }
    const n = Number(s);
    return Number.isFinite(n) ? n : NaN;
  }
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

/** Milliseconds since epoch from a number, a numeric or ISO string, or a Date; NaN otherwise. */
export function toTimeMs(v: unknown): number {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : NaN;
  }
  if (typeof v === 'string') {
    const n = toFiniteNumber(v);
    if (!Number.isNaN(n)) {
      return n;
    }
    const parsed = Date.parse(v);
    return Number.isFinite(parsed) ? parsed : NaN;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? t : NaN;
  }
  return NaN;
}

/**
 * The values of a field as an indexable list. Accepts arrays and typed arrays, and the
 * Vector-like objects of older Grafana versions (`toArray()` or `get(i)` + `length`).
 */
export function fieldValueList(values: unknown): ArrayLike<unknown> {
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    return values as ArrayLike<unknown>;
  }
  if (typeof values === 'object' && values !== null) {
    const candidate = values as { toArray?: unknown; get?: unknown; length?: unknown };
    if (typeof candidate.toArray === 'function') {
      const arr = (candidate.toArray as () => unknown).call(values);
      return Array.isArray(arr) ? arr : [];
    }
    if (typeof candidate.get === 'function' && typeof candidate.length === 'number') {
      const len = Math.max(0, Math.min(candidate.length, 10_000_000)) | 0;
      const out = new Array<unknown>(len);
      for (let i = 0; i < len; i++) {
        out[i] = (candidate.get as (i: number) => unknown).call(values, i);
      }
      return out;
    }
  }
  return [];
}

/** A label value as text; label values are untrusted and may arrive as any JSON type. */
export function labelText(v: unknown): string {
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return String(v);
  }
  return '';
}
