import React, { useEffect, useMemo, useRef, useState } from 'react';
import { cx } from '@emotion/css';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { t, tx } from '../i18n';
import { compareNames, withSign, type BrokerStat, type HealthReport } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import type { NameLinks } from '../hooks/useNameLinks';
import type { BrokerSort } from '../options';
import { BROKER_STATUS_LOOK, BROKER_STATUS_RANK, NONE } from './status';
import { BROKER_ROW_HEIGHT, COMPACT_BROKER_ROW_HEIGHT, getBrokerTableStyles } from './BrokerTable.styles';
import { useWindowedRows } from '../hooks/useWindowedRows';
import { RowFocus, useRowFocus } from '../hooks/useFocusRow';
import { NameCell } from './NameCell';
import { TrendLine } from './TrendLine';

type SortKey = 'name' | 'rate' | 'deviation' | 'status';

interface ExtraColumn {
  key:
    | 'bytesIn'
    | 'bytesOut'
    | 'requestHandlerIdle'
    | 'produceP99'
    | 'underReplicated'
    | 'diskUsage'
    | 'logSize'
    | 'leaders'
    | 'partitions';
  /** Read when drawn: translations load after the module. */
  label: () => string;
  title: () => string;
  show: (b: BrokerStat, format: Formatters) => string;
  /** The check whose finding about this broker marks the cell. */
  check?: string;
}

const EXTRA_COLUMNS: ExtraColumn[] = [
  {
    key: 'bytesIn',
    label: () => t('panel.brokers.bytes-in', 'Bytes in'),
    title: () => t('panel.brokers.bytes-in-title', 'Bytes in per second'),
    show: (b, f) => f.bytes(b.bytesIn),
  },
  {
    key: 'bytesOut',
    label: () => t('panel.brokers.bytes-out', 'Bytes out'),
    title: () => t('panel.brokers.bytes-out-title', 'Bytes out per second'),
    show: (b, f) => f.bytes(b.bytesOut),
  },
  {
    key: 'requestHandlerIdle',
    label: () => t('panel.brokers.idle', 'Idle'),
    title: () => t('panel.brokers.idle-title', 'Request-handler idle ratio'),
    show: (b, f) => f.percent(b.requestHandlerIdle),
    check: 'request-handlers',
  },
  {
    key: 'produceP99',
    label: () => t('panel.brokers.produce-p99', 'p99 produce'),
    title: () => t('panel.brokers.produce-p99-title', '99th percentile of Produce request time'),
    show: (b, f) => f.latency(b.produceP99),
    check: 'request-latency',
  },
  {
    key: 'leaders',
    label: () => t('panel.brokers.leaders', 'Leaders'),
    title: () => t('panel.brokers.leaders-title', 'Partitions this broker leads'),
    show: (b, f) => f.count(b.leaders),
    check: 'leader-skew',
  },
  {
    key: 'partitions',
    label: () => t('panel.brokers.partitions', 'Replicas'),
    title: () => t('panel.brokers.partitions-title', 'Partition replicas on this broker'),
    show: (b, f) => f.count(b.partitions),
    check: 'partition-skew',
  },
  {
    key: 'logSize',
    label: () => t('panel.brokers.log-size', 'Log size'),
    title: () => t('panel.brokers.log-size-title', 'Bytes of log on this broker'),
    show: (b, f) => f.size(b.logSize),
    check: 'storage-skew',
  },
  {
    key: 'diskUsage',
    label: () => t('panel.brokers.disk', 'Disk'),
    title: () => t('panel.brokers.disk-title', 'Used share of the data disk'),
    show: (b, f) => f.percent(b.diskUsage),
    check: 'disk-usage',
  },
  {
    key: 'underReplicated',
    label: () => t('panel.brokers.urp', 'URP'),
    title: () => t('panel.brokers.urp-title', 'Under-replicated partitions'),
    show: (b, f) => f.count(b.underReplicated),
    check: 'under-replicated',
  },
];
interface SortState {
  key: SortKey;
  descending: boolean;
}

const byName = (a: BrokerStat, b: BrokerStat) => compareNames(a.name, b.name);

const COMPARATORS: Record<SortKey, (a: BrokerStat, b: BrokerStat) => number> = {
  name: byName,
  rate: (a, b) => a.rate - b.rate || byName(a, b),
  deviation: (a, b) => a.deviation - b.deviation || byName(a, b),
  // "Worst" ascending: missing, stalled, overloaded, hot, idle, ok; then farthest from the mean.
  status: (a, b) =>
    BROKER_STATUS_RANK[a.status] - BROKER_STATUS_RANK[b.status] ||
    Math.abs(b.deviation) - Math.abs(a.deviation) ||
    byName(a, b),
};

function initialSort(option: BrokerSort): SortState {
  switch (option) {
    case 'name':
      return { key: 'name', descending: false };
    case 'rate':
      return { key: 'rate', descending: true };
    case 'deviation':
      return { key: 'deviation', descending: true };
    default:
      return { key: 'status', descending: false };
  }
}

/** Fixed column widths in px (name takes the rest). */
const COLUMN = { rate: 110, deviation: 80, status: 140, extra: 84, trend: 110, name: 130 };
/** Narrow panels: tighter columns, so the alarm columns still fit beside name, rate and status. */
const NARROW_COLUMN = { rate: 92, deviation: 64, status: 124, extra: 52, trend: 96, name: 88 };
/** Below this table width the narrow columns apply. */
const NARROW_TABLE = 560;

export function columnWidths(width: number): typeof COLUMN {
  return width < NARROW_TABLE ? NARROW_COLUMN : COLUMN;
}
const SHARE_SHARE = 0.22;
/** Below this a share bar says nothing. */
const SHARE_MIN = 90;

/** The alarm columns in the order they are kept: under-replicated partitions, a full disk, busy handlers, slow produce. */
const ALARM_ORDER: Array<ExtraColumn['key']> = ['underReplicated', 'diskUsage', 'requestHandlerIdle', 'produceP99'];

/**
 * Which optional columns fit beside a readable broker name and the rate and status, in the order
 * an operator needs them: the alarm columns (URP, handlers), the deviation from the mean, the
 * trend, the share bar, then bytes.
 */
export function fitColumns(width: number, extras: ExtraColumn[], trendWanted: boolean) {
  const COLUMN = columnWidths(width);
  let used = COLUMN.rate + COLUMN.status + COLUMN.name;
  // In priority order: once one column does not fit, none after it is shown.
  let full = false;
  const fits = (w: number) => {
    full ||= used + w > width;
    if (!full) {
      used += w;
    }
    return !full;
  };
  const alarms = ALARM_ORDER.flatMap((key) => extras.filter((c) => c.key === key)).filter(() => fits(COLUMN.extra));
  const showDeviation = fits(COLUMN.deviation);
  const showTrend = trendWanted && fits(COLUMN.trend);
  // The share bar is flexible: it takes what is left, up to its share of the width.
  // Drawn at the width it was given here: a share of the table's width could squeeze the names.
  const shareWidth = Math.max(SHARE_MIN, Math.min(width * SHARE_SHARE, width - used));
  const showShare = fits(shareWidth);
  const bytes = extras.filter((c) => !ALARM_ORDER.includes(c.key)).filter(() => fits(COLUMN.extra));
  // Drawn in the table's own order, whatever order they were chosen in.
  const showExtras = extras.filter((c) => alarms.includes(c) || bytes.includes(c));
  return { showShare, shareWidth, showExtras, showTrend, showDeviation };
}

export function sortBrokers(brokers: BrokerStat[], sort: SortState): BrokerStat[] {
  const compare = COMPARATORS[sort.key];
  return brokers.slice().sort((a, b) => (sort.descending ? compare(b, a) : compare(a, b)));
}

/** Above this many brokers only the rows in view are drawn. */
export const WINDOW_BROKERS_ABOVE = 100;

interface Props extends RowFocus {
  report: HealthReport;
  format: Formatters;
  sort: BrokerSort;
  width: number;
  /** Height the table may take when its rows are windowed (it scrolls inside it). */
  maxHeight: number;
  compact: boolean;
  links?: NameLinks;
}

export function BrokerTable({ report, format, sort: sortOption, width, maxHeight, compact, links, ...focus }: Props) {
  const { highlight } = focus;
  const styles = useStyles2(getBrokerTableStyles);
  const theme = useTheme2();
  // A click overrides the sort option until the option itself changes in the editor.
  const [clicked, setClicked] = useState<{ option: BrokerSort; sort: SortState }>();
  const sort = clicked && clicked.option === sortOption ? clicked.sort : initialSort(sortOption);
  const setSort = (next: SortState) => setClicked({ option: sortOption, sort: next });
  const rows = useMemo(() => sortBrokers(report.brokers, sort), [report.brokers, sort]);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const { containerRef: tableRef, onRowKeyDown } = useRowFocus<HTMLTableElement>(focus);
  const rowHeight = compact ? COMPACT_BROKER_ROW_HEIGHT : BROKER_ROW_HEIGHT;
  const viewport = Math.max(6 * rowHeight, maxHeight);
  const { windowed, reveal, scrollerRef, onScroll, start, end, before, after } = useWindowedRows(
    rows.length,
    rowHeight,
    viewport,
    WINDOW_BROKERS_ABOVE
  );

  useEffect(() => {
    if (!highlight) {
      return;
    }
    if (windowed) {
      // The row may not be drawn yet: scroll to where it sits.
      reveal(rows.findIndex((b) => b.name === highlight));
    } else {
      rowRefs.current.get(highlight)?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [highlight, rows, windowed, reveal]);

  // Columns of the other queries (bytes, idle handlers, URP), only when the panel has them.
  const extras = EXTRA_COLUMNS.filter((c) => report.brokers.some((b) => b[c.key] !== undefined));
  const { showShare, shareWidth, showExtras, showTrend, showDeviation } = fitColumns(
    width,
    extras,
    !compact && report.timeline !== undefined
  );
  // A loop, not Math.max(...spread): 100k brokers would overflow the call stack.
  const maxRate = report.brokers.reduce((m, b) => Math.max(m, b.rate), 0);
  const COLUMN = columnWidths(width);
  const columnCount = 3 + (showDeviation ? 1 : 0) + (showShare ? 1 : 0) + showExtras.length + (showTrend ? 1 : 0);
  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden className={styles.spacer}>
        <td colSpan={columnCount} style={{ height }} />
      </tr>
    );
  const mean = report.cluster.avgPerBroker;
  // Cells marked by a finding about their broker: one lookup per cell, not a scan of the findings.
  // The worst finding of each check about each broker: a cell is marked in its colour.
  const alarms = useMemo(() => {
    const worst = new Map<string, 'critical' | 'warning'>();
    for (const f of report.findings) {
      const key = `${f.check}\u0000${f.subject ?? ''}`;
      if (f.severity === 'critical' || (f.severity === 'warning' && !worst.has(key))) {
        worst.set(key, f.severity);
      }
    }
    return worst;
  }, [report.findings]);
  const alarmStyle = (severity: 'critical' | 'warning' | undefined) =>
    severity === 'critical' ? styles.alarmCritical : severity === 'warning' ? styles.alarm : undefined;
  const judgeAt = report.timeline?.judgeAt;
  const downSince = (b: BrokerStat) =>
    b.silentSince === undefined
      ? undefined
      : tx('panel.brokers.down-since', 'down since {{time}} ({{duration}})', {
          time: format.time(b.silentSince),
          duration: format.duration(judgeAt === undefined ? undefined : judgeAt - b.silentSince),
        });

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th scope="col" aria-sort={ariaSort} className={numeric ? styles.numeric : undefined}>
        <button
          type="button"
          className={styles.sortButton}
          onClick={() =>
            setSort(
              active ? { key, descending: !sort.descending } : { key, descending: key !== 'name' && key !== 'status' }
            )
          }
        >
          {label}
          {active && <Icon name={sort.descending ? 'arrow-down' : 'arrow-up'} size="sm" aria-hidden />}
        </button>
      </th>
    );
  };

  const table = (
    <table
      className={cx(styles.table, compact && styles.compact, windowed && styles.windowed)}
      ref={tableRef}
      aria-label={t('panel.brokers.label', 'Brokers')}
      aria-rowcount={windowed ? rows.length + 1 : undefined}
    >
      <colgroup>
        <col />
        <col style={{ width: COLUMN.rate }} />
        {showShare && <col style={{ width: Math.floor(shareWidth) }} />}
        {showDeviation && <col style={{ width: COLUMN.deviation }} />}
        {showExtras.map((c) => (
          <col key={c.key} style={{ width: COLUMN.extra }} />
        ))}
        {showTrend && <col style={{ width: COLUMN.trend }} />}
        <col style={{ width: COLUMN.status }} />
      </colgroup>
      <thead>
        <tr>
          {header('name', t('panel.brokers.broker', 'Broker'))}
          {header('rate', t('panel.brokers.rate', 'Rate'), true)}
          {showShare && <th scope="col">{t('panel.brokers.share', 'Share')}</th>}
          {showDeviation && header('deviation', t('panel.brokers.vs-mean', 'vs mean'), true)}
          {showExtras.map((c) => (
            <th key={c.key} scope="col" className={styles.numeric} title={c.title()}>
              {c.label()}
            </th>
          ))}
          {showTrend && <th scope="col">{t('panel.brokers.trend', 'Trend')}</th>}
          {header('status', t('panel.brokers.status', 'Status'))}
        </tr>
      </thead>
      <tbody>
        {spacer(before)}
        {rows.slice(start, end).map((b, i) => {
          const look = BROKER_STATUS_LOOK[b.status];
          // A broker that stopped reporting has no current figures: none is shown, only since when.
          const down = downSince(b);
          const deviation =
            // Missing and stalled brokers are left out of the mean: no deviation to show.
            b.status === 'missing' || b.status === 'stalled' ? NONE : withSign(b.deviation, format.percent);
          return (
            <tr
              key={b.cluster ? `${b.cluster}\u0000${b.name}` : b.name}
              ref={(el) => {
                if (el) {
                  rowRefs.current.set(b.name, el);
                } else {
                  rowRefs.current.delete(b.name);
                }
              }}
              // Not a tab stop (it does nothing on its own); focusable for the keyboard path from a finding.
              tabIndex={-1}
              aria-rowindex={windowed ? start + i + 2 : undefined}
              style={windowed ? { height: rowHeight } : undefined}
              className={cx(styles.row, highlight === b.name && styles.highlighted)}
              aria-current={highlight === b.name ? 'true' : undefined}
              data-testid="broker-row"
              data-row-name={b.name}
              onKeyDown={onRowKeyDown}
            >
              <th scope="row">
                <NameCell name={b.name} label={format.name(b.name)} links={links} cluster={b.cluster} />
              </th>
              <td className={styles.numeric}>{down ? NONE : format.rate(b.rate)}</td>
              {showShare && down && (
                <td className={styles.downSince} title={down}>
                  {down}
                </td>
              )}
              {showShare && !down && (
                <td>
                  <div
                    className={styles.bar}
                    title={tx('panel.brokers.share-title', '{{share}} of the cluster; marker at the mean', {
                      share: format.percent(b.share),
                    })}
                  >
                    <div
                      className={styles.barFill}
                      style={{ width: `${maxRate > 0 ? (b.rate / maxRate) * 100 : 0}%` }}
                    />
                    {maxRate > 0 && (
                      <div className={styles.meanMarker} style={{ left: `calc(${(mean / maxRate) * 100}% - 1px)` }} />
                    )}
                  </div>
                  <span className={styles.shareText}>{format.percent(b.share)}</span>
                </td>
              )}
              {showDeviation && <td className={styles.numeric}>{deviation}</td>}
              {showExtras.map((c) => (
                <td
                  key={c.key}
                  className={cx(styles.numeric, c.check && alarmStyle(alarms.get(`${c.check}\u0000${b.name}`)))}
                >
                  {c.show(b, format)}
                </td>
              ))}
              {showTrend && (
                <td>
                  <TrendLine
                    values={b.series ?? []}
                    width={96}
                    height={20}
                    recentStart={report.timeline?.recentStart}
                    label={tx('panel.brokers.trend-of', 'Trend of {{name}}', { name: b.name })}
                  />
                </td>
              )}
              <td>
                <span className={styles.status} style={{ color: look.color(theme) }} title={down}>
                  <Icon name={look.icon} size="sm" aria-hidden />
                  {look.text()}
                </span>
              </td>
            </tr>
          );
        })}
        {spacer(after)}
      </tbody>
    </table>
  );
  return windowed ? (
    <div
      ref={scrollerRef}
      className={styles.scroller}
      style={{ maxHeight: viewport }}
      onScroll={onScroll}
      data-testid="broker-scroller"
    >
      {table}
    </div>
  ) : (
    table
  );
}
