import {
  DataFrame,
  dateTime,
  EventBusSrv,
  FieldConfigSource,
  LoadingState,
  PanelProps,
  TimeRange,
} from '@grafana/data';
import { DEFAULT_OPTIONS, PanelOptions } from '../options';
import { PlainFrame, stepTimes } from '../analysis/testkit/frames';

export interface PanelPropsInput {
  frames?: Array<PlainFrame | DataFrame>;
  state?: LoadingState;
  errors?: Array<{ message?: string }>;
  options?: Partial<PanelOptions>;
  fieldConfig?: FieldConfigSource;
  width?: number;
  height?: number;
  /** Time range of the dashboard; by default the span of the test frames' time grid. */
  timeRange?: TimeRange;
  points?: number;
  /** When the query ran (`data.request.startTime`): the moment the report judges. */
  queriedAt?: number;
}

export function timeRangeOf(points: number): TimeRange {
  const times = stepTimes(points);
  const from = dateTime(times[0]);
  const to = dateTime(times[times.length - 1]);
  return { from, to, raw: { from, to } };
}

/** The props Grafana hands a panel, with real frames and the panel's default options. */
export function panelProps(input: PanelPropsInput = {}): PanelProps<PanelOptions> {
  const timeRange = input.timeRange ?? timeRangeOf(input.points ?? 40);
  const options: PanelOptions = { ...DEFAULT_OPTIONS, ...input.options };
  return {
    id: 1,
    title: 'Kafka Broker Health',
    data: {
      state: input.state ?? LoadingState.Done,
      series: (input.frames ?? []) as DataFrame[],
      errors: input.errors as PanelProps['data']['errors'],
      timeRange,
      request:
        input.queriedAt === undefined
          ? undefined
          : ({ startTime: input.queriedAt } as unknown as PanelProps['data']['request']),
    },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig: input.fieldConfig ?? { defaults: { unit: 'mps' }, overrides: [] },
    width: input.width ?? 900,
    height: input.height ?? 600,
    transparent: false,
    renderCounter: 0,
    eventBus: new EventBusSrv(),
    replaceVariables: replaceDataLinkVariables,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
  };
}

interface DataContext {
  value?: { field?: { name: string; labels?: Record<string, string>; values: ArrayLike<unknown> }; rowIndex?: number };
}

/**
 * The part of Grafana's template service that data links use: `${__value.text}`, `${__value.raw}`,
 * `${__field.name}` and `${__field.labels.X}`, resolved from the `__dataContext` the link supplier
 * passes (the field and row). Unknown variables stay as written, as Grafana leaves them.
 */
export const replaceDataLinkVariables: PanelProps['replaceVariables'] = (text, scopedVars) => {
  const context = (scopedVars?.__dataContext as { value?: unknown } | undefined)?.value as DataContext['value'];
  const field = context?.field;
  const row = context?.rowIndex ?? 0;
  return text.replace(/\$\{([^}]+)\}/g, (whole, path: string) => {
    if (!field) {
      return whole;
    }
    if (path === '__value.text' || path === '__value.raw') {
      return encodeURIComponent(String(field.values[row]));
    }
    if (path === '__field.name') {
      return encodeURIComponent(field.name);
    }
    const label = /^__field\.labels\.(.+)$/.exec(path);
    if (label && field.labels?.[label[1]] !== undefined) {
      return encodeURIComponent(field.labels[label[1]]);
    }
    return whole;
  });
};
