/**
 * Prometheus HTTP API response → data frames, the way Grafana's Prometheus backend (promlib) builds
 * them, so the command line (and the end-to-end tests) hand `analyze` what a dashboard would. Two stages, as in promlib:
 * `convertResponse` (the converter: one frame per series, special floats as entities) and
 * `addQueryMetadata` (query-level metadata: field names from `__name__`, display names, step).
 * Both are checked against promlib's golden files in ../shared/fixtures/grafana-prometheus-frames.
 */

type Labels = Record<string, string>;
type SamplePair = [number, string];

export interface PromResponse {
  status: 'success' | 'error';
  data?: { resultType: 'matrix' | 'vector' | 'scalar' | 'string'; result: unknown };
  warnings?: string[];
  infos?: string[];
  errorType?: string;
  error?: string;
}

export interface FieldJSON {
  name: string;
  type: 'time' | 'number';
  typeInfo: { frame: 'time.Time' | 'float64' };
  labels?: Labels;
  config?: Record<string, unknown>;
}

export interface FrameJSON {
  schema: { name?: string; refId?: string; meta: Record<string, unknown>; fields: FieldJSON[] };
  data: { values: unknown[][]; entities?: Array<null | Record<string, number[]>> };
}

export interface DataResponse {
  frames: FrameJSON[];
  error?: string;
}

export interface QueryModel {
  refId: string;
  range: boolean;
  expr: string;
  /** seconds */
  step: number;
}

/** A sample value as Prometheus writes it; ±Inf and NaN go to entities, as Grafana's JSON does. */
function numberColumn(raw: string[]): { values: Array<number | null>; entities: Record<string, number[]> | null } {
  const entities: Record<string, number[]> = {};
  const values = raw.map((text, i) => {
    // Go writes +Inf / -Inf, which Number() does not read.
    const v = text === '+Inf' || text === 'Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
    const special = Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? 'NegInf' : undefined;
    if (special) {
      (entities[special] ??= []).push(i);
      return null;
    }
    return v;
  });
  return { values, entities: Object.keys(entities).length ? entities : null };
}

function seriesFrame(resultType: string, labels: Labels, pairs: SamplePair[]): FrameJSON {
  const column = numberColumn(pairs.map((p) => p[1]));
  const frame: FrameJSON = {
    schema: {
      meta: {
        type: resultType === 'matrix' ? 'timeseries-multi' : 'numeric-multi',
        typeVersion: [0, 1],
        custom: { resultType },
      },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' } },
        { name: 'Value', type: 'number', typeInfo: { frame: 'float64' }, labels },
      ],
    },
    // Prometheus timestamps are float seconds; frames hold integer milliseconds.
    data: { values: [pairs.map((p) => Math.round(p[0] * 1000)), column.values] },
  };
  if (column.entities) {
    frame.data.entities = [null, column.entities];
  }
  return frame;
}

/** The converter stage: frames per series, a "Warnings" frame when there are notices and no data. */
export function convertResponse(body: PromResponse): DataResponse {
  if (body.status === 'error') {
    return { frames: [], error: `${body.errorType ?? 'error'}: ${body.error ?? ''}` };
  }
  const frames: FrameJSON[] = [];
  const { resultType, result } = body.data ?? { resultType: 'vector', result: [] };
  if (resultType === 'matrix') {
    for (const s of result as Array<{ metric: Labels; values: SamplePair[] }>) {
      frames.push(seriesFrame('matrix', s.metric, s.values));
    }
  } else if (resultType === 'vector') {
    for (const s of result as Array<{ metric: Labels; value: SamplePair }>) {
      frames.push(seriesFrame('vector', s.metric, [s.value]));
    }
  } else if (resultType === 'scalar') {
    frames.push(seriesFrame('scalar', {}, [result as SamplePair]));
  }
  const notices = [
    ...(body.warnings ?? []).map((text) => ({ severity: 'warning', text })),
    ...(body.infos ?? []).map((text) => ({ severity: 'info', text })),
  ];
  if (notices.length) {
    if (frames.length === 0) {
      frames.push({
        schema: { name: 'Warnings', meta: { typeVersion: [0, 0], notices }, fields: [] },
        data: { values: [] },
      });
    } else {
      frames[0].schema.meta.notices = notices;
    }
  }
  return { frames };
}

/** Go's time.Duration.String() for whole milliseconds: 1s, 15s, 1m0s, 1m30s, 1h0m0s, 500ms. */
export function goDuration(ms: number): string {
  if (ms < 1000) {
    return `${ms}ms`;
  }
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

function displayName(labels: Labels): string {
  const { __name__: name = '', ...rest } = labels;
  const inner = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${JSON.stringify(rest[k])}`)
    .join(', ');
  return `${name}{${inner}}`;
}

/** The query stage: what promlib adds once it knows the query (step, expression). */
export function addQueryMetadata(response: DataResponse, query: QueryModel): DataResponse {
  const stepMs = query.step * 1000;
  const frames = response.frames.map((frame, i) => {
    if (frame.schema.fields.length === 0) {
      return frame;
    }
    const [time, value] = frame.schema.fields;
    const labels = value.labels ?? {};
    const meta = { ...frame.schema.meta };
    if (i === 0) {
      meta.custom = { calculatedMinStep: stepMs, ...(meta.custom as object) };
      meta.executedQueryString = `Expr: ${query.expr}\nStep: ${goDuration(stepMs)}`;
    }
    return {
      ...frame,
      schema: {
        ...frame.schema,
        meta,
        fields: [
          query.range ? { ...time, config: { interval: stepMs } } : time,
          { ...value, name: labels.__name__ ?? 'Value', config: { displayNameFromDS: displayName(labels) } },
        ],
      },
    };
  });
  return { ...response, frames };
}

/** Both stages, with the refId the frontend puts on every frame. */
export function toFrames(body: PromResponse, query: QueryModel): FrameJSON[] {
  return addQueryMetadata(convertResponse(body), query).frames.map((f) => ({
    ...f,
    schema: { ...f.schema, refId: query.refId },
  }));
}
