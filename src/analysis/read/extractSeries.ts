import type { MetricRole } from '../types';
import { roleOf, RoleSource } from '../signals/roles';
import {
  decodeFields,
  decodeFrame,
  FieldLike,
  FrameLike,
  Labels,
  newLabels,
  NO_LABELS,
  WARM_BATCH,
  warmFrames,
} from './decodeFrame';
import { makeSeries, RawSeries, SampleRange, sampleRange, Samples, seriesKey } from './series';
import { SeriesSet } from './seriesSet';
import { TimeInterner } from './timeInterner';
import { toFiniteNumber } from './values';
import { keepShape, Releasable } from '../shapes';
import { RunSummer } from './summedRuns';
import { RecordPool } from '../recordPool';

/** Grafana's Prometheus data source suffixes the instant half of a "Both" query with this. */
const INSTANT_REFID_SUFFIX = '-Instant';

export interface ExtractedSeries {
  series: RawSeries[];
  /** Notices the data source attached to frames (Prometheus warnings, "no data" hints). */
  notices: string[];
  /** Frames that carried at least one field. */
  frameCount: number;
  refIds: string[];
  /** Query text per refId (from `meta.executedQueryString`), where Grafana reported it. */
  queries: Record<string, string>;
  /** The smallest query step declared on a Time field (`config.interval`, ms); 0 when none was. */
  interval: number;
  /**
   * Label names on the messages-in series (role messagesIn or unknown), read as each series was
   * added; absent on a part of these series (one cluster's).
   */
  messageLabelNames?: ReadonlySet<string>;
  /** No series has a role other than messages-in (or none): `series` is the messages-in list. */
  messagesInOnly?: boolean;
}

type Kind = 'time' | 'number' | 'string' | 'other';

function fieldKind(field: FieldLike): Kind {
  switch (field.type) {
    case 'time':
      return 'time';
    case 'number':
      return 'number';
    case 'string':
    case 'enum':
      return 'string';
    case '':
      break;
    default:
      return 'other';
  }
  // Untyped fields (hand-written or trimmed snapshot JSON): infer from the name, then the values.
  if (/^time$/i.test(field.name)) {
    return 'time';
  }
  if (/^value\b/i.test(field.name) || Object.keys(field.labels).length > 0) {
    return 'number';
  }
  const n = Math.min(field.values.length, 50);
  for (let i = 0; i < n; i++) {
    const v = field.values[i];
    if (typeof v === 'number') {
      return 'number';
    }
    if (typeof v === 'string') {
      return 'string';
    }
  }
  return 'other';
}

function isExemplarFrame(frame: FrameLike): boolean {
  return frame.resultType === 'exemplar' || frame.name === 'exemplar';
}

/** Decoding gives every field without labels the one empty set: no pass over its names. */
function hasLabels(field: FieldLike): boolean {
  return field.labels !== NO_LABELS;
}

/**
 * The range of the samples of the last readNumbers call (from their smallest and largest valid
 * values, and whether none was missing): read in the pass that checks every sample anyway, so
 * that later stages (rates that cannot be negative, sums that skip gaps) need no pass of their
 * own over samples that are no longer in the cache by then. Module state rather than a result
 * object per series; a word rather than the bounds, which V8 would box (a fresh number per
 * series and bound: 3 MB a call for 100k instant series).
 */
let lastRange: SampleRange = 'none';

/** The caller's array as it is when every entry is a finite number or NaN; a coerced copy otherwise. */
function readNumbers(field: FieldLike, length: number): Samples {
  const values = field.values;
  if (values.length === length && (Array.isArray(values) || values instanceof Float64Array) && plainNumbers(values)) {
    return values as Samples;
  }
  const out = new Float64Array(length);
  let low = Infinity;
  let high = -Infinity;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const n = typeof v === 'number' ? (v - v === 0 ? v : NaN) : toFiniteNumber(v);
    out[i] = n;
    low = n < low ? n : low;
    high = n > high ? n : high;
    sum += n;
  }
  lastRange = sampleRange(low, high, sum === sum);
  return out;
}

function plainNumbers(values: ArrayLike<unknown>): boolean {
  let low = Infinity;
  let high = -Infinity;
  // NaN exactly when a sample is (the others are finite): a gap found without a test per sample.
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // finite (v − v is 0) or NaN (v !== v); ±Infinity and non-numbers fail
    if (typeof v !== 'number' || (v - v !== 0 && v === v)) {
      return false;
    }
    // NaN compares false both ways and leaves the bounds as they are.
    low = v < low ? v : low;
    high = v > high ? v : high;
    sum += v;
  }
  lastRange = sampleRange(low, high, sum === sum);
  return true;
}

/** Adds the samples to the run's sums (a series read the long way: its samples are still in the cache). */
function addInto(sums: Float64Array, values: Samples): void {
  for (let i = 0; i < sums.length; i++) {
    sums[i] += values[i];
  }
}

/** An instant series keeps only its latest valid sample. */
function latestOnly(s: RawSeries): RawSeries {
  if (s.times.length <= 1) {
    return s; // an instant query's own shape: nothing to cut, and 100k copies would cost
  }
  for (let i = s.values.length - 1; i >= 0; i--) {
    if (!Number.isNaN(s.values[i])) {
      return { ...s, times: s.times.slice(i, i + 1), values: Float64Array.of(s.values[i]) };
    }
  }
  const last = s.times.length - 1;
  return last < 0 ? s : { ...s, times: s.times.slice(last), values: Float64Array.of(s.values[last]) };
}

/** What a record holds between calls (never written to). */
const NO_TIMES = new Float64Array(0);

/** The records of the series read, one per series and call (see recordPool.ts). */
const SERIES_RECORDS = new RecordPool<RawSeries>(
  () => ({
    refId: '',
    labels: NO_LABELS,
    name: '',
    instant: false,
    times: NO_TIMES,
    values: NO_TIMES,
    role: undefined,
    range: undefined,
    run: undefined,
    runIndex: 0,
  }),
  (s) => {
    s.refId = '';
    s.labels = NO_LABELS;
    s.name = '';
    s.times = NO_TIMES;
    s.values = NO_TIMES;
    s.role = undefined;
    s.range = undefined;
    s.run = undefined;
  }
);

/** A series read with sorted unique times, its samples' range as the last read noted it. */
function seriesOf(
  frame: FrameLike,
  field: FieldLike,
  name: string,
  instant: boolean,
  times: Float64Array,
  values: Samples
): RawSeries {
  const s = SERIES_RECORDS.take();
  s.refId = frame.refId;
  s.labels = field.labels;
  s.name = name;
  s.instant = instant;
  s.times = times;
  s.values = values;
  s.role = undefined;
  s.range = lastRange;
  s.run = undefined;
  s.runIndex = 0;
  return s;
}

/** The first and last timestamps are the grid's (a grid of at least one step). */
function sameEnds(timeValues: ArrayLike<unknown>, grid: Float64Array): boolean {
  const last = grid.length - 1;
  return last >= 0 && timeValues[0] === grid[0] && timeValues[last] === grid[last];
}

/**
 * Reads a series on `grid` in one loop: true when each timestamp equals the grid's and each sample
 * is a finite number or NaN (the bounds and gaps noted as readNumbers notes them), each sample also
 * added to `sums` when given; false at the first that is not, and the caller reads the series the
 * long way. One loop over both lists rather than one each: a quarter less time in Node, an eighth
 * in Chromium, for what is most of the reading of a range query.
 */
function readOnGrid(
  timeValues: ArrayLike<unknown>,
  grid: Float64Array,
  values: ArrayLike<unknown>,
  length: number,
  sums: Float64Array | undefined
): boolean {
  if (values.length !== length || !(Array.isArray(values) || values instanceof Float64Array)) {
    return false;
  }
  return sums ? onGridInto(timeValues, grid, values, sums) : onGrid(timeValues, grid, values);
}

function onGrid(timeValues: ArrayLike<unknown>, grid: Float64Array, values: ArrayLike<unknown>): boolean {
  let low = Infinity;
  let high = -Infinity;
  let sum = 0;
  for (let i = 0; i < grid.length; i++) {
    const v = values[i];
    if (timeValues[i] !== grid[i] || typeof v !== 'number' || (v - v !== 0 && v === v)) {
      return false;
    }
    low = v < low ? v : low;
    high = v > high ? v : high;
    sum += v;
  }
  lastRange = sampleRange(low, high, sum === sum);
  return true;
}

/** onGrid, adding each sample to `sums` too (a loop of its own, so that onGrid's stays lean). */
function onGridInto(
  timeValues: ArrayLike<unknown>,
  grid: Float64Array,
  values: ArrayLike<unknown>,
  sums: Float64Array
): boolean {
  let low = Infinity;
  let high = -Infinity;
  let sum = 0;
  for (let i = 0; i < grid.length; i++) {
    const v = values[i];
    if (timeValues[i] !== grid[i] || typeof v !== 'number' || (v - v !== 0 && v === v)) {
      return false;
    }
    low = v < low ? v : low;
    high = v > high ? v : high;
    sum += v;
    sums[i] += v;
  }
  lastRange = sampleRange(low, high, sum === sum);
  return true;
}

/** Time series frames (Prometheus range/instant): every number field is one series with labels. */
function readSeriesFrame(
  frame: FrameLike,
  timeField: FieldLike | undefined,
  valueFields: FieldLike[],
  clock: TimeInterner,
  out: SeriesList,
  runs: RunSummer
): void {
  const instant = frame.instant || !timeField;
  for (const field of valueFields) {
    const length = Math.min(field.values.length, timeField ? timeField.values.length : Infinity);
    const name = field.labels.__name__ ?? '';
    // The usual case: the timestamps of the series before (sorted and unique), checked in the same
    // loop as the samples; each sample summed into its run too (see summedRuns.ts).
    // (Same first and last timestamps first: a grid at another offset neither joins nor spoils a run.)
    const grid = instant ? undefined : clock.lastGrid(length);
    const onGridBefore = grid !== undefined && sameEnds(timeField!.values, grid);
    let sums = onGridBefore ? runs.target(frame.refId, name, field.labels, grid) : undefined;
    if (onGridBefore && readOnGrid(timeField!.values, grid, field.values, length, sums)) {
      const s = seriesOf(frame, field, name, instant, grid, field.values as Samples);
      if (sums) {
        if (s.range === 'full') {
          runs.joined(s);
        } else {
          runs.spoiled();
        }
      }
      out.add(s);
      continue;
    }
    if (sums) {
      runs.spoiled();
    }
    // Otherwise: the timestamps found among the grids read (or a new grid), then the samples.
    const times = clock.read(timeField?.values, length);
    const increasing = clock.isStrictlyIncreasing(times);
    const values = readNumbers(field, length);
    if (!increasing) {
      runs.end();
      const s = makeSeries({ refId: frame.refId, labels: field.labels, name, instant, role: undefined }, times, values);
      out.add(instant ? latestOnly(s) : s);
      continue;
    }
    const s = seriesOf(frame, field, name, instant, times, values);
    if (instant) {
      out.add(latestOnly(s));
      continue;
    }
    // The first series of a grid (a broker scraped at its own moment) starts its run here.
    sums = s.range === 'full' ? runs.target(frame.refId, name, field.labels, times) : undefined;
    if (sums) {
      addInto(sums, values);
      runs.joined(s);
    } else {
      runs.end();
    }
    out.add(s);
  }
}

/**
 * Table format (Grafana's Prometheus "Table" option): one wide frame with `Time`, one text
 * column per label and `Value` or `Value #<refId>` columns. Rows with equal label values form
 * one series per value column.
 */
function readTableFrame(
  frame: FrameLike,
  timeField: FieldLike | undefined,
  valueFields: FieldLike[],
  labelFields: FieldLike[],
  clock: TimeInterner,
  out: SeriesList
): void {
  const rows = Math.min(
    ...[timeField, ...valueFields, ...labelFields].filter((f): f is FieldLike => !!f).map((f) => f.values.length)
  );
  const times = clock.read(timeField?.values, rows);
  for (const field of valueFields) {
    const refMatch = /^Value #(.+)$/.exec(field.name);
    const refId = refMatch ? refMatch[1] : frame.refId;
    const values = readNumbers(field, rows);
    const groups = new Map<string, { labels: Labels; rows: number[] }>();
    for (let r = 0; r < rows; r++) {
      const labels = newLabels();
      for (const lf of labelFields) {
        const v = lf.values[r];
        const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
        if (text !== '') {
          labels[lf.name] = text;
        }
      }
      const key = seriesKey(labels);
      const group = groups.get(key);
      if (group) {
        group.rows.push(r);
      } else {
        groups.set(key, { labels, rows: [r] });
      }
    }
    for (const { labels, rows: idx } of groups.values()) {
      const instant = frame.instant || !timeField;
      const s = makeSeries(
        { refId, labels, name: labels.__name__ ?? '', instant, role: undefined },
        idx.map((r) => times[r]),
        idx.map((r) => values[r])
      );
      out.add(instant ? latestOnly(s) : s);
    }
  }
}

/** Appends the series of one frame to `out`; returns the step its Time field declares (0 if none). */
function readFrame(
  frame: FrameLike,
  scratchFields: FieldLike[],
  clock: TimeInterner,
  out: SeriesList,
  runs: RunSummer
): number {
  let timeField: FieldLike | undefined;
  let labelled = false;
  const fields = decodeFields(frame, scratchFields);
  const valueFields = fields.length <= 2 ? VALUE_FIELDS : [];
  const labelFields = fields.length <= 2 ? LABEL_FIELDS : [];
  let values = 0;
  let labels = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const kind = fieldKind(field);
    if (kind === 'time') {
      timeField ??= field;
    } else if (kind === 'number') {
      valueFields[values++] = field;
      labelled ||= hasLabels(field);
    } else if (kind === 'string') {
      labelFields[labels++] = field;
    }
  }
  // Trimmed only when the count changed: a list whose length goes to 0 and back is reallocated.
  if (valueFields.length !== values) {
    valueFields.length = values;
  }
  if (labelFields.length !== labels) {
    labelFields.length = labels;
  }
  if (values === 0) {
    return 0;
  }
  if (labels > 0 && !labelled) {
    runs.end();
    readTableFrame(frame, timeField, valueFields, labelFields, clock, out);
  } else {
    readSeriesFrame(frame, timeField, valueFields, clock, out, runs);
  }
  return frame.instant ? 0 : (timeField?.interval ?? 0);
}

/**
 * The series read, in a list sized once for the usual frame (one series each): grown push by
 * push, 100k series would be copied into ever larger fresh lists as they arrive.
 */
class SeriesList implements Releasable {
  items: RawSeries[];
  count = 0;
  constructor(expected: number) {
    this.items = new Array(expected);
    keepShape(this);
  }
  release(): void {
    this.items = [];
    this.count = 0;
  }
  add(s: RawSeries): void {
    if (this.count < this.items.length) {
      this.items[this.count++] = s;
    } else {
      this.items.push(s);
      this.count++;
    }
  }
  /** The list as read (trimmed to what arrived). */
  done(): RawSeries[] {
    this.items.length = this.count;
    return this.items;
  }
}

/*
 * Scratch lists for the usual frame (a Time field and one value field), refilled by each
 * readFrame call and read within it: two fresh lists per frame are two allocations per series.
 */
const VALUE_FIELDS: FieldLike[] = [];
const LABEL_FIELDS: FieldLike[] = [];

/** One query's series share refId and usually name: decide each (refId, name) pair's role once. */
function roleLookup(source: RoleSource): (s: RawSeries) => MetricRole | undefined {
  const cache = new Map<string, Map<string, MetricRole | undefined>>();
  // Consecutive series nearly always share refId and name: the last answer before the maps.
  let lastRefId: string | undefined;
  let lastName: string | undefined;
  let lastRole: MetricRole | undefined;
  return (s) => {
    if (s.refId === lastRefId && s.name === lastName) {
      return lastRole;
    }
    let byName = cache.get(s.refId);
    if (!byName) {
      byName = new Map();
      cache.set(s.refId, byName);
    }
    let role = byName.get(s.name);
    if (role === undefined && !byName.has(s.name)) {
      role = roleOf(s, source);
      byName.set(s.name, role);
    }
    lastRefId = s.refId;
    lastName = s.name;
    lastRole = role;
    return role;
  };
}

/** What a released Placement asks instead of its lookup (whose caches hold the call's query texts). */
const NO_ROLE = (): MetricRole | undefined => undefined;

/** Series by role, each role's a SeriesSet, and the label names of the messages-in series. */
class Placement implements Releasable {
  byRole = new Map<MetricRole | undefined, SeriesSet>();
  messageLabelNames = new Set<string>();
  private roleOf: (s: RawSeries) => MetricRole | undefined;
  /** The names of the last messages-in label set, in order: each was added to messageLabelNames. */
  private lastNames: string[] = [];
  /** The set of the last series placed: neighbours nearly always share their role. */
  private lastSet: SeriesSet | undefined;
  private lastRole: MetricRole | undefined;
  /** What the first set made is sized for: the frames to read (one series each, mostly). */
  private readonly capacity: number;

  constructor(source: RoleSource, frames: number) {
    this.roleOf = roleLookup(source);
    this.capacity = frames;
    keepShape(this);
  }

  release(): void {
    this.byRole = new Map();
    this.messageLabelNames = new Set();
    this.roleOf = NO_ROLE;
    this.lastNames = [];
    this.lastSet = undefined;
    this.lastRole = undefined;
  }

  add(s: RawSeries): void {
    const role = this.roleOf(s);
    s.role = role;
    if (!role || role === 'messagesIn') {
      this.addNames(s.labels);
    }
    let set = this.lastSet !== undefined && role === this.lastRole ? this.lastSet : this.byRole.get(role);
    if (!set) {
      // The first set (usually the only one) sized for every series; others grow as they fill.
      set = new SeriesSet(this.byRole.size === 0 ? this.capacity : 0);
      this.byRole.set(role, set);
    }
    this.lastSet = set;
    this.lastRole = role;
    set.add(s);
  }

  /**
   * Adds the set's names to messageLabelNames. Label sets of one query mostly have the same names
   * in the same order: a name that the last set had at the same place was added then.
   */
  private addNames(labels: Labels): void {
    let place = 0;
    for (const name in labels) {
      if (this.lastNames[place] !== name) {
        this.lastNames[place] = name;
        this.messageLabelNames.add(name);
      }
      place++;
    }
  }
}

/**
 * The instant half of a "Both" query (`A-Instant`, or instant frames sharing a refId with range
 * frames) is dropped: the range half holds the same series plus history, and reading both would
 * count every series twice.
 */
function isInstantTwin(refId: string, rangeRefIds: ReadonlySet<string>): boolean {
  return (
    rangeRefIds.has(refId) ||
    (refId.endsWith(INSTANT_REFID_SUFFIX) && rangeRefIds.has(refId.slice(0, -INSTANT_REFID_SUFFIX.length)))
  );
}

/**
 * Reads every numeric series out of whatever frames the panel received. Identical series of one
 * role (the same query twice, a "Both" query) are merged; series of different roles with the
 * same labels (`sum by (instance)` of bytes and of partitions) stay apart.
 */
export function extractSeries(
  input: readonly unknown[],
  roles: Record<string, MetricRole> = {},
  /** The topic label the options name, if any: series that differ only in it are summed in runs. */
  topicLabel = ''
): ExtractedSeries {
  // One pass over the frames (100k of them at times), each read while it is in the cache: its
  // header (query text, notices) and its series. What needs every frame — which instant frames
  // are the twins of range ones, the roles that depend on query texts — is decided afterwards
  // on the series read.
  const list = Array.isArray(input) ? input : [];
  const queries: Record<string, string> = Object.create(null);
  const noticeSet = new Set<string>();
  const clock = new TimeInterner();
  const runs = new RunSummer(topicLabel);
  const reading = new SeriesList(list.length);
  const rangeRefIds = new Set<string>();
  // Series of instant frames: from, to (in `read`), frame count and refId of each run of such frames.
  const instantSpans: number[] = [];
  const instantRefIds: string[] = [];
  let readable = 0;
  let interval = Infinity;
  // Series are placed as they are read, while their label sets are in the cache, with the query
  // texts read so far; given up (and redone after the pass) when a later text could change a role.
  let placing: Placement | undefined = new Placement({ byRefId: roles, queries }, list.length);
  const placedWithoutQuery = new Set<string>();
  // One header and one list of field objects for the call, refilled frame by frame: a fresh set
  // per frame was half of what reading 100k instant frames allocated, and collecting it showed.
  let header: FrameLike | undefined;
  const fields: FieldLike[] = [];
  // The refIds of the last frames placed and read from a range query: most frames repeat them.
  let lastPlacedRefId: string | undefined;
  let lastRangeRefId: string | undefined;
  for (let i = 0; i < list.length; i++) {
    if (i % WARM_BATCH === 0) {
      warmFrames(list, i, Math.min(list.length, i + WARM_BATCH));
    }
    const frame = decodeFrame(list[i], header);
    if (!frame) {
      continue;
    }
    header = frame;
    if (frame.query && !(frame.refId in queries)) {
      queries[frame.refId] = frame.query;
      if (placedWithoutQuery.has(frame.refId)) {
        placing = undefined;
      }
    }
    for (let k = 0; k < frame.notices.length; k++) {
      noticeSet.add(frame.notices[k]);
    }
    if (isExemplarFrame(frame) || frame.fieldCount === 0) {
      continue;
    }
    readable++;
    const from = reading.count;
    const declared = readFrame(frame, fields, clock, reading, runs);
    if (placing && from < reading.count) {
      for (let k = from; k < reading.count; k++) {
        placing.add(reading.items[k]);
      }
      // Once per run of frames of one query (query texts are only ever added).
      if (frame.refId !== lastPlacedRefId && !(frame.refId in queries)) {
        placedWithoutQuery.add(frame.refId);
      }
      lastPlacedRefId = frame.refId;
    }
    if (declared > 0 && declared < interval) {
      interval = declared;
    }
    if (frame.instant) {
      // Consecutive frames of one query make one span: 100k instant frames, a handful of spans.
      const k = instantRefIds.length - 1;
      if (k >= 0 && instantRefIds[k] === frame.refId && instantSpans[3 * k + 1] === from) {
        instantSpans[3 * k + 1] = reading.count;
        instantSpans[3 * k + 2]++;
      } else {
        instantSpans.push(from, reading.count, 1);
        instantRefIds.push(frame.refId);
      }
    } else if (frame.refId !== lastRangeRefId) {
      rangeRefIds.add(frame.refId);
      lastRangeRefId = frame.refId;
    }
  }
  runs.end();
  const read = reading.done();
  const refIdSet = new Set(rangeRefIds);
  let dropped: Uint8Array | undefined;
  let droppedFrames = 0;
  for (let k = 0; k < instantRefIds.length; k++) {
    if (rangeRefIds.size > 0 && isInstantTwin(instantRefIds[k], rangeRefIds)) {
      dropped ??= new Uint8Array(read.length);
      dropped.fill(1, instantSpans[3 * k], instantSpans[3 * k + 1]);
      droppedFrames += instantSpans[3 * k + 2];
    } else {
      refIdSet.add(instantRefIds[k]);
    }
  }
  if (!placing || dropped) {
    // A query text came after series of its query were placed, or twins were read: placed anew.
    placing = new Placement({ byRefId: roles, queries }, read.length);
    for (let k = 0; k < read.length; k++) {
      if (!dropped || dropped[k] === 0) {
        placing.add(read[k]);
      }
    }
  }
  const { byRole, messageLabelNames } = placing;
  let messagesInOnly = true;
  for (const role of byRole.keys()) {
    messagesInOnly &&= !role || role === 'messagesIn';
  }
  const lists: RawSeries[][] = [];
  for (const role of Array.from(byRole.keys(), (r) => r ?? '').sort()) {
    const set = byRole.get((role || undefined) as MetricRole | undefined)!;
    const sorted = set.sorted();
    // Each instant series was cut to its latest sample as it was read; only a merge of copies
    // (the same query twice) can have made one longer. (The list is the set's own: cut in place.)
    if (sorted.length < set.size) {
      for (let i = 0; i < sorted.length; i++) {
        if (sorted[i].instant) {
          sorted[i] = latestOnly(sorted[i]);
        }
      }
    }
    lists.push(sorted);
  }
  // One role (the usual case) is its list as it is: 100k series copied would be fresh memory.
  const series = lists.length === 1 ? lists[0] : lists.flat();
  return {
    series,
    notices: Array.from(noticeSet).sort(),
    frameCount: readable - droppedFrames,
    refIds: Array.from(refIdSet).sort(),
    queries,
    interval: Number.isFinite(interval) ? interval : 0,
    messageLabelNames,
    messagesInOnly,
  };
}
