import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import type { ConsumerGroupStat } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { TrendLine } from './TrendLine';
import { SEVERITY_LOOK } from './status';
import { numericCell, tableBase } from './table.styles';

const getStyles = (theme: GrafanaTheme2) => ({
  table: cx(tableBase(theme), css({ 'th, td': { textOverflow: 'ellipsis', whiteSpace: 'nowrap' } })),
  numeric: numericCell,
  status: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
});

const STATUS = {
  stalled: { text: 'Stalled', severity: 'critical' },
  growing: { text: 'Falling behind', severity: 'warning' },
  ok: { text: 'Keeping up', severity: undefined },
} as const;

/** Consumer groups, stalled first, then falling behind, then by lag. */
export function ConsumerLagList({
  groups,
  format,
  width,
}: {
  groups: ConsumerGroupStat[];
  format: Formatters;
  width: number;
}) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const showTopics = width >= 720;
  const showTrend = width >= 560;
  return (
    <table className={styles.table} aria-label="Consumer groups">
      <colgroup>
        <col />
        <col style={{ width: 72 }} />
        <col style={{ width: 84 }} />
        {showTopics && <col />}
        {showTrend && <col style={{ width: 110 }} />}
        <col style={{ width: 130 }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" className={styles.numeric}>
            Lag
          </th>
          <th scope="col" className={styles.numeric}>
            Growth
          </th>
          {showTopics && <th scope="col">Topics</th>}
          {showTrend && <th scope="col">Trend</th>}
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => {
          const s = STATUS[g.status];
          const look = s.severity ? SEVERITY_LOOK[s.severity] : undefined;
          return (
            <tr key={g.cluster ? `${g.cluster}\u0000${g.name}` : g.name} data-testid="group-row">
              <th scope="row" title={g.name}>
                {g.name}
              </th>
              <td className={styles.numeric}>{format.count(g.lag)}</td>
              <td className={styles.numeric}>
                {g.growthPerSec === undefined
                  ? '–'
                  : `${g.growthPerSec >= 0 ? '+' : ''}${format.count(g.growthPerSec)}/s`}
              </td>
              {showTopics && <td title={g.topics.join(', ')}>{g.topics.join(', ') || '–'}</td>}
              {showTrend && (
                <td>
                  {g.series ? <TrendLine values={g.series} width={96} height={20} label={`Lag of ${g.name}`} /> : '–'}
                </td>
              )}
              <td>
                <span className={styles.status} style={look ? { color: look.color(theme) } : undefined}>
                  {look && <Icon name={look.icon} size="sm" aria-hidden />}
                  {s.text}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
