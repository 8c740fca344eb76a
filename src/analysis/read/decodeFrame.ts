import { fieldValueList, labelText } from './values';

/** Label set with no prototype, so hostile names such as `__proto__` stay plain data. */
export type Labels = Record<string, string>;

export interface FieldLike {
  name: string;
  /** Grafana field type ('time', 'number', 'string', …) or '' when not declared. */
  type: string;
  labels: Labels;
  values: ArrayLike<unknown>;
}

export interface FrameLike {
  name: string;
  refId: string;
  /** `meta.custom.resultType` of Prometheus frames: matrix, vector, scalar, exemplar. */
  resultType: string;
  /** `meta.type`: timeseries-multi, numeric-multi, … */
  metaType: string;
  notices: string[];
  /** `meta.executedQueryString`: Grafana's record of the query, on the first frame of a query. */
  query: string;
  /** From an instant query (vector, scalar, numeric-multi): decided once here, asked often. */
  instant: boolean;
  fields: FieldLike[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Shared by every field without labels (the Time field of each frame): one object, not 100k. */
const NO_LABELS: Labels = Object.freeze(Object.create(null));

export function toLabels(v: unknown): Labels {
  if (!isRecord(v) || Array.isArray(v)) {
    return NO_LABELS;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) {
    return NO_LABELS;
  }
  const out: Labels = Object.create(null);
  for (const key of keys) {
    const value = labelText(v[key]);
    if (value !== '') {
      out[key] = value;
    }
  }
  return out;
}

function noticesOf(meta: unknown): string[] {
  if (!isRecord(meta) || !Array.isArray(meta.notices)) {
    return [];
  }
  return meta.notices
    .map((n) => (isRecord(n) ? text(n.text) : ''))
    .filter((t) => t !== '')
    .slice(0, 20);
}

function isInstant(resultType: string, metaType: string): boolean {
  return resultType === 'vector' || resultType === 'scalar' || metaType.startsWith('numeric');
}

function frameHeader(source: Record<string, unknown>): Omit<FrameLike, 'fields'> {
  const meta = isRecord(source.meta) ? source.meta : {};
  const custom = isRecord(meta.custom) ? meta.custom : {};
  return {
    name: text(source.name),
    refId: text(source.refId),
    resultType: text(custom.resultType),
    metaType: text(meta.type),
    notices: noticesOf(meta),
    query: text(meta.executedQueryString).slice(0, 10_000),
    instant: isInstant(text(custom.resultType), text(meta.type)),
  };
}

type Entities = { NaN?: unknown; Inf?: unknown; NegInf?: unknown; Undef?: unknown };

/**
 * Applies the wire-format side tables of DataFrameJSON: JSON has no NaN/±Inf, so Grafana's
 * backend sends null plus index lists (`entities`); `bases`/`factors` and `enums` compress values.
 */
function decodeWireValues(
  values: unknown,
  entities: unknown,
  base: unknown,
  factor: unknown,
  enumNames: unknown
): unknown[] {
  let out: unknown[] = Array.isArray(values) ? values : [];
  const needsCopy =
    isRecord(entities) || typeof base === 'number' || typeof factor === 'number' || Array.isArray(enumNames);
  if (!needsCopy) {
    return out;
  }
  out = out.slice();
  if (Array.isArray(enumNames)) {
    out = out.map((v) => (typeof v === 'number' ? enumNames[v] : v));
  }
  if (typeof factor === 'number' && Number.isFinite(factor)) {
    out = out.map((v) => (typeof v === 'number' ? v * factor : v));
  }
  if (typeof base === 'number' && Number.isFinite(base)) {
    out = out.map((v) => (typeof v === 'number' ? v + base : v));
  }
  if (isRecord(entities)) {
    const e = entities as Entities;
    const put = (indexes: unknown, value: unknown) => {
      if (Array.isArray(indexes)) {
        for (const i of indexes) {
          if (typeof i === 'number' && i >= 0 && i < out.length) {
            out[i] = value;
          }
        }
      }
    };
    put(e.NaN, NaN);
    put(e.Inf, Infinity);
    put(e.NegInf, -Infinity);
    put(e.Undef, undefined);
  }
  return out;
}

function fromWire(source: Record<string, unknown>): FrameLike | undefined {
  const schema = isRecord(source.schema) ? source.schema : {};
  const data = isRecord(source.data) ? source.data : {};
  const columns = Array.isArray(data.values) ? data.values : [];
  const at = (list: unknown, i: number) => (Array.isArray(list) ? list[i] : undefined);
  const fields = (Array.isArray(schema.fields) ? schema.fields : []).map((f, i): FieldLike => {
    const field = isRecord(f) ? f : {};
    return {
      name: text(field.name),
      type: text(field.type),
      labels: toLabels(field.labels),
      values: decodeWireValues(
        columns[i],
        at(data.entities, i),
        at(data.bases, i),
        at(data.factors, i),
        at(data.enums, i)
      ),
    };
  });
  return { ...frameHeader(schema), fields };
}

function fromDataFrame(source: Record<string, unknown>): FrameLike {
  const fields = (Array.isArray(source.fields) ? source.fields : []).map((f): FieldLike => {
    const field = isRecord(f) ? f : {};
    return {
      name: text(field.name),
      type: text(field.type),
      labels: toLabels(field.labels),
      values: fieldValueList(field.values),
    };
  });
  return { ...frameHeader(source), fields };
}

/** Normalises a Grafana DataFrame, a plain look-alike, or a DataFrameJSON (`{schema, data}`). */
export function decodeFrame(input: unknown): FrameLike | undefined {
  if (!isRecord(input) || Array.isArray(input)) {
    return undefined;
  }
  if (isRecord(input.schema) && !Array.isArray(input.fields)) {
    return fromWire(input);
  }
  return fromDataFrame(input);
}
