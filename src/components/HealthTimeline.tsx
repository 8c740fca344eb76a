import React from 'react';
import { cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { HealthTimeline as Timeline, StepState, TimelineSegment } from '../analysis';
import { t, tx } from '../i18n';
import type { Formatters } from '../hooks/useFormatters';
import type { Selection } from './FindingsList';
import { getHealthTimelineStyles } from './HealthTimeline.styles';

/** Colour and word of each state; never colour alone: the legend and every tooltip name it. */
const STATE_LOOK: Record<StepState, { color: (th: GrafanaTheme2) => string; text: () => string }> = {
  ok: { color: (th) => th.colors.success.main, text: () => t('panel.timeline.ok', 'OK') },
  warning: { color: (th) => th.colors.warning.main, text: () => t('panel.timeline.warning', 'Warning') },
  critical: { color: (th) => th.colors.error.main, text: () => t('panel.timeline.critical', 'Critical') },
  down: { color: (th) => th.colors.text.disabled, text: () => t('panel.timeline.down', 'Down') },
};

const STATES: StepState[] = ['ok', 'warning', 'critical', 'down'];
const DAY_MS = 24 * 3_600_000;

/** When a row first left OK (Infinity if never): rows that went first come first. */
function firstTrouble(segments: TimelineSegment[]): number {
  return segments.find((s) => s.state !== 'ok')?.from ?? Infinity;
}

/** Whether anything on the timeline was ever other than OK: otherwise there is nothing to tell. */
export function hasTrouble(timeline: Timeline | undefined): boolean {
  return !!timeline && timeline.cluster.some((s) => s.state !== 'ok');
}

interface Props {
  timeline: Timeline;
  format: Formatters;
  /** Broker rows shown at most (the cluster's row is always shown). */
  maxRows: number;
  onSelect: (selection: Selection) => void;
}

/**
 * Since when, and who first: the cluster's state and each troubled broker's across the range,
 * one row each, earliest trouble first. A broker's row selects its row in the broker table.
 */
export function HealthTimeline({ timeline, format, maxRows, onSelect }: Props) {
  const styles = useStyles2(getHealthTimelineStyles);
  const theme = useTheme2();
  // Loops, not Math.min(...spread): thousands of brokers' segments would overflow the call stack.
  let start = Infinity;
  let end = -Infinity;
  for (const s of [...timeline.cluster, ...timeline.brokers.flatMap((b) => b.segments)]) {
    start = Math.min(start, s.from);
    end = Math.max(end, s.to);
  }
  const span = end - start || 1;
  // Past a day, a time alone is ambiguous: the date goes with it.
  const when = (ms: number) => format.time(ms, span > DAY_MS);
  const troubled = timeline.brokers
    .filter((b) => b.segments.some((s) => s.state !== 'ok'))
    .sort((a, b) => firstTrouble(a.segments) - firstTrouble(b.segments));
  const shown = troubled.slice(0, Math.max(0, maxRows));
  const describe = (name: string, segments: TimelineSegment[]) =>
    segments
      .filter((s) => s.state !== 'ok')
      .map((s) =>
        tx('panel.timeline.segment', '{{state}} {{from}}–{{to}}', {
          state: STATE_LOOK[s.state].text(),
          from: when(s.from),
          to: when(s.to),
        })
      )
      .join(', ') || tx('panel.timeline.all-ok', '{{name}}: OK throughout', { name });
  const bar = (segments: TimelineSegment[]) =>
    segments.map((s) => (
      <span
        key={s.from}
        className={styles.segment}
        style={{
          left: `${((s.from - start) / span) * 100}%`,
          width: `${((s.to - s.from) / span) * 100}%`,
          background: STATE_LOOK[s.state].color(theme),
        }}
        title={tx('panel.timeline.segment', '{{state}} {{from}}–{{to}}', {
          state: STATE_LOOK[s.state].text(),
          from: when(s.from),
          to: when(s.to),
        })}
      />
    ));
  return (
    <>
      <ul className={styles.rows} aria-label={t('panel.timeline.label', 'Health over the time range')}>
        <li className={styles.row}>
          <span className={styles.name}>{t('panel.timeline.cluster', 'Cluster')}</span>
          <div
            className={cx(styles.bar, styles.staticBar)}
            role="img"
            aria-label={tx('panel.timeline.row', '{{name}}: {{states}}', {
              name: t('panel.timeline.cluster', 'Cluster'),
              states: describe(t('panel.timeline.cluster', 'Cluster'), timeline.cluster),
            })}
          >
            {bar(timeline.cluster)}
          </div>
        </li>
        {shown.map((b) => {
          const name = format.name(b.name);
          return (
            <li key={b.name} className={styles.row} data-testid="timeline-row">
              <span className={styles.name} title={b.name}>
                {name}
              </span>
              <button
                type="button"
                className={styles.bar}
                aria-label={tx('panel.timeline.row', '{{name}}: {{states}}', {
                  name,
                  states: describe(name, b.segments),
                })}
                onClick={(e) => onSelect({ kind: 'broker', name: b.name, origin: e.currentTarget })}
              >
                {bar(b.segments)}
              </button>
            </li>
          );
        })}
      </ul>
      <div className={styles.axis} aria-hidden>
        <span />
        <span className={styles.axisTimes}>
          <span>{when(start)}</span>
          <span>{when(end)}</span>
        </span>
      </div>
      <div className={styles.legend}>
        {STATES.map((s) => (
          <span key={s}>
            <span className={styles.swatch} style={{ background: STATE_LOOK[s].color(theme) }} />
            {STATE_LOOK[s].text()}
          </span>
        ))}
        {troubled.length > shown.length && (
          <span className={styles.more}>
            {tx('panel.timeline.more', '+{{count}} more brokers with trouble', {
              count: troubled.length - shown.length,
            })}
          </span>
        )}
      </div>
    </>
  );
}
