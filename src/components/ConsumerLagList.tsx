import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { t, tx } from '../i18n';
import type { ConsumerGroupStat, Finding } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { TrendLine } from './TrendLine';
import { NONE, SEVERITY_LOOK } from './status';
import { numericCell, tableBase } from './table.styles';

const getStyles = (theme: GrafanaTheme2) => ({
  table: cx(tableBase(theme), css({ 'th, td': { textOverflow: 'ellipsis', whiteSpace: 'nowrap' } })),
  numeric: numericCell,
  status: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
});

const STATUS = {
  stalled: () => t('panel.groups.stalled', 'Stalled'),
  behind: () => t('panel.groups.behind', 'Behind'),
  growing: () => t('panel.groups.growing', 'Falling behind'),
  ok: () => t('panel.groups.ok', 'Keeping up'),
} as const;

/** Below this many messages a second either way, a lag is steady: decimals of noise say nothing. */
const STEADY = 0.5;

/** The lag's growth per second: a real minus sign, and "steady" for noise. */
function growth(perSec: number | undefined, format: Formatters): string {
  if (perSec === undefined || !Number.isFinite(perSec)) {
    return NONE;
  }
  if (Math.abs(perSec) < STEADY) {
    return t('panel.groups.steady', 'steady');
  }
  return tx('panel.groups.per-second', '{{sign}}{{value}}/s', {
    sign: perSec > 0 ? '+' : '−',
    value: format.count(Math.abs(perSec)),
  });
}

/** How far behind in time, with the partitions that have no estimate said in words. */
function behind(g: ConsumerGroupStat, format: Formatters): { text: string; title?: string } {
  const title = g.noEstimate
    ? tx('panel.groups.no-estimate', '{{count}} partitions with lag have no production now: no time estimate', {
        count: g.noEstimate,
      })
    : g.behindPartition
      ? tx('panel.groups.worst-partition', 'Furthest behind: {{partition}}', { partition: g.behindPartition })
      : undefined;
  return { text: g.behindSeconds === undefined ? NONE : format.duration(g.behindSeconds * 1000), title };
}

/** Consumer groups, stalled first, then behind, falling behind, then by lag. */
export function ConsumerLagList({
  groups,
  findings,
  format,
  width,
}: {
  groups: ConsumerGroupStat[];
  /** The report's findings: a group's status has the colour of its consumer-lag finding. */
  findings: readonly Finding[];
  format: Formatters;
  width: number;
}) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const showTopics = width >= 720;
  const showTrend = width >= 560;
  // Lag in time, when the partition offsets are queried.
  const showBehind = groups.some((g) => g.behindSeconds !== undefined || g.noEstimate);
  return (
    <table className={styles.table} aria-label={t('panel.groups.label', 'Consumer groups')}>
      <colgroup>
        <col />
        <col style={{ width: 72 }} />
        <col style={{ width: 84 }} />
        {showBehind && <col style={{ width: 84 }} />}
        {showTopics && <col />}
        {showTrend && <col style={{ width: 110 }} />}
        <col style={{ width: 130 }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('panel.groups.group', 'Group')}</th>
          <th scope="col" className={styles.numeric}>
            {t('panel.groups.lag', 'Lag')}
          </th>
          <th scope="col" className={styles.numeric}>
            {t('panel.groups.growth', 'Growth')}
          </th>
          {showBehind && (
            <th
              scope="col"
              className={styles.numeric}
              title={t(
                'panel.groups.behind-title',
                "Time behind the producers: the worst partition's lag ÷ its produce rate"
              )}
            >
              {t('panel.groups.behind-column', 'Behind')}
            </th>
          )}
          {showTopics && <th scope="col">{t('panel.groups.topics', 'Topics')}</th>}
          {showTrend && <th scope="col">{t('panel.groups.trend', 'Trend')}</th>}
          <th scope="col">{t('panel.groups.status', 'Status')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => {
          const finding = findings.find(
            (f) => f.check === 'consumer-lag' && f.subject === g.name && f.cluster === g.cluster
          );
          const look = finding ? SEVERITY_LOOK[finding.severity] : undefined;
          return (
            <tr key={g.cluster ? `${g.cluster}\u0000${g.name}` : g.name} data-testid="group-row">
              <th scope="row" title={g.name}>
                {g.name}
              </th>
              <td className={styles.numeric}>{format.count(g.lag)}</td>
              <td className={styles.numeric}>{growth(g.growthPerSec, format)}</td>
              {showBehind && (
                <td className={styles.numeric} title={behind(g, format).title}>
                  {behind(g, format).text}
                </td>
              )}
              {showTopics && <td title={g.topics.join(', ')}>{g.topics.join(', ') || NONE}</td>}
              {showTrend && (
                <td>
                  {g.series ? (
                    <TrendLine
                      values={g.series}
                      width={90}
                      height={20}
                      label={tx('panel.groups.lag-of', 'Lag of {{name}}', { name: g.name })}
                    />
                  ) : (
                    NONE
                  )}
                </td>
              )}
              <td>
                <span className={styles.status} style={look ? { color: look.color(theme) } : undefined}>
                  {look && <Icon name={look.icon} size="sm" aria-hidden />}
                  {STATUS[g.status]()}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
