import React, { CSSProperties, useEffect, useMemo, useRef } from 'react';
import { cx } from '@emotion/css';
import { FixedSizeList } from 'react-window';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { fill, t, tx } from '../i18n';
import { compareNames, type HealthReport, type TopicBrokerStat, type TopicStat } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import type { NameLinks } from '../hooks/useNameLinks';
import { COMPACT_ROW_HEIGHT, getTopicListStyles, ROW_HEIGHT } from './TopicList.styles';
import { NameCell } from './NameCell';
import { RowFocus, useRowFocus } from '../hooks/useFocusRow';
import { NONE } from './status';
import { SpreadBand, spreadGradient } from './spread';

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_ABOVE = 50;
/** Segments drawn at most; the brokers beyond them share one "others" segment. */
const SPREAD_SEGMENTS = 40;
/** Brokers listed by name in the spread's tooltip; the rest are counted. */
const TITLE_LINES = 10;

interface Props extends RowFocus {
  report: HealthReport;
  format: Formatters;
  topN: number;
  width: number;
  /** Height available to the list body when virtualized. */
  maxHeight: number;
  compact: boolean;
  links?: NameLinks;
}

export function TopicList({ report, format, topN, width, maxHeight, compact, links, ...focus }: Props) {
  const { highlight } = focus;
  const styles = useStyles2(getTopicListStyles);
  const theme = useTheme2();
  const listRef = useRef<FixedSizeList>(null);
  const { containerRef: tableRef, onRowKeyDown } = useRowFocus<HTMLDivElement>(focus);
  const topics = useMemo(() => {
    const top = report.topics.slice(0, Math.max(1, topN));
    // A highlighted topic outside the top N is still shown, so a click on its finding lands somewhere.
    const extra =
      highlight && !top.some((x) => x.name === highlight) ? report.topics.find((x) => x.name === highlight) : undefined;
    return extra ? [...top, extra] : top;
  }, [report.topics, topN, highlight]);
  const narrow = width < 520;
  const sized = !narrow && width >= 640 && report.topics.some((x) => x.avgMessageBytes !== undefined);
  const rowClass = cx(styles.row, narrow && styles.narrowRow, sized && styles.sizedRow);
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const virtual = topics.length > VIRTUALIZE_ABOVE;
  // One colour per broker, the same in every row, so a broker's slice can be followed down the list.
  const brokerColor = useMemo(() => {
    const palette = theme.visualization.palette;
    const names = report.brokers.map((b) => b.name).sort(compareNames);
    return new Map(names.map((name, i) => [name, theme.visualization.getColorByName(palette[i % palette.length])]));
  }, [report.brokers, theme]);

  useEffect(() => {
    const index = topics.findIndex((x) => x.name === highlight);
    if (virtual && index >= 0) {
      listRef.current?.scrollToItem(index, 'smart');
    }
  }, [highlight, topics, virtual]);

  // A band per broker (up to 40; the rest share one grey band), in the broker's colour.
  const spreadBands = (carrying: TopicBrokerStat[], others: number): SpreadBand[] => {
    const bands = carrying.slice(0, SPREAD_SEGMENTS).map((b) => ({
      share: b.share,
      color: brokerColor.get(b.name) ?? theme.colors.text.disabled,
    }));
    return others > 0 ? [...bands, { share: others, color: theme.colors.text.disabled }] : bands;
  };
  const spreadTitle = (carrying: TopicBrokerStat[]): string => {
    const segment = t('panel.topics.segment', '{{broker}}: {{share}}');
    const lines = carrying
      .slice(0, TITLE_LINES)
      .map((b) => fill(segment, { broker: format.name(b.name), share: format.percent(b.share) }));
    if (carrying.length > TITLE_LINES) {
      const rest = carrying.slice(TITLE_LINES).reduce((a, b) => a + b.share, 0);
      lines.push(
        tx('panel.topics.others', '{{count}} more brokers: {{share}}', {
          count: carrying.length - TITLE_LINES,
          share: format.percent(rest),
        })
      );
    }
    return lines.join('\n');
  };
  const renderRow = (topic: TopicStat, style?: CSSProperties) => {
    const top = topic.brokers[0];
    // The brokers the topic's traffic lands on: a broker at 0 msg/s is not part of its spread.
    const carrying = topic.brokers.filter((b) => b.rate > 0);
    const others = carrying.slice(SPREAD_SEGMENTS).reduce((a, b) => a + b.share, 0);
    const bands = spreadBands(carrying, others);
    const leader = top
      ? tx('panel.topics.leader', '{{share}} on {{broker}}', {
          share: format.percent(top.share),
          broker: format.name(top.name),
        })
      : undefined;
    return (
      <div
        role="row"
        key={topic.cluster ? `${topic.cluster}\u0000${topic.name}` : topic.name}
        style={{ ...style, height: rowHeight }}
        // Not a tab stop (it does nothing on its own); focusable for the keyboard path from a finding.
        tabIndex={-1}
        aria-current={highlight === topic.name ? 'true' : undefined}
        className={cx(rowClass, highlight === topic.name && styles.highlighted)}
        data-testid="topic-row"
        data-row-name={topic.name}
        onKeyDown={onRowKeyDown}
      >
        <div role="rowheader">
          <NameCell name={topic.name} links={links} cluster={topic.cluster} />
        </div>
        <div role="cell" className={styles.numeric}>
          {format.rate(topic.rate)}
        </div>
        <div role="cell" className={styles.numeric}>
          {format.percent(topic.share)}
        </div>
        {sized && (
          <div
            role="cell"
            className={styles.numeric}
            title={t('panel.topics.size-title', 'Average message size (bytes in ÷ messages in)')}
          >
            {format.size(topic.avgMessageBytes)}
          </div>
        )}
        {!narrow && (
          <div role="cell" className={styles.spread}>
            <div
              className={styles.spreadBar}
              aria-hidden
              data-segments={bands.length}
              style={{ backgroundImage: spreadGradient(bands) }}
              // Who carries what: written when the pointer comes, not for every row on every refresh.
              onMouseEnter={(e) => (e.currentTarget.title = spreadTitle(carrying))}
            />
            <span className={styles.spreadText} title={leader}>
              {leader ?? NONE}
              {carrying.length > 1
                ? tx('panel.topics.brokers', ' · {{count}} brokers', { count: carrying.length })
                : ''}
            </span>
          </div>
        )}
        {!narrow && (
          <div role="cell">
            {topic.skewed ? (
              <span className={styles.skew}>
                <Icon name="exclamation-triangle" size="sm" aria-hidden />
                {t('panel.topics.skewed', 'Skewed')}
              </span>
            ) : (
              <span className={styles.even}>{t('panel.topics.even', 'Even')}</span>
            )}
          </div>
        )}
      </div>
    );
  };

  return (
    <div
      ref={tableRef}
      role="table"
      aria-label={t('panel.topics.label', 'Topics')}
      aria-rowcount={topics.length + 1}
      className={styles.table}
    >
      <div role="row" className={cx(rowClass, styles.header)}>
        <div role="columnheader">{t('panel.topics.topic', 'Topic')}</div>
        <div role="columnheader" className={styles.numeric}>
          {t('panel.topics.rate', 'Rate')}
        </div>
        <div role="columnheader" className={styles.numeric}>
          {t('panel.topics.share', 'Share')}
        </div>
        {sized && (
          <div role="columnheader" className={styles.numeric}>
            {t('panel.topics.size', 'Msg size')}
          </div>
        )}
        {!narrow && <div role="columnheader">{t('panel.topics.spread', 'Spread over brokers')}</div>}
        {!narrow && <div role="columnheader">{t('panel.topics.skew', 'Skew')}</div>}
      </div>
      {virtual ? (
        <FixedSizeList
          ref={listRef}
          height={Math.max(rowHeight * 3, Math.min(maxHeight, topics.length * rowHeight))}
          width="100%"
          itemCount={topics.length}
          itemSize={rowHeight}
          itemKey={(i) => topics[i].name}
        >
          {({ index, style }) => renderRow(topics[index], style)}
        </FixedSizeList>
      ) : (
        topics.map((x) => renderRow(x))
      )}
      {report.topics.length > topics.length && (
        <div className={styles.more}>
          {tx('panel.topics.more', '{{count}} more topics (raise “Top topics” in the panel options to list them)', {
            count: report.topics.length - topics.length,
          })}
        </div>
      )}
    </div>
  );
}
