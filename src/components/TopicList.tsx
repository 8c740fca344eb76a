import React, { CSSProperties, useEffect, useMemo, useRef } from 'react';
import { cx } from '@emotion/css';
import { FixedSizeList } from 'react-window';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { compareNames, type HealthReport, type TopicStat } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import type { NameLinks } from '../hooks/useNameLinks';
import { COMPACT_ROW_HEIGHT, getTopicListStyles, ROW_HEIGHT } from './TopicList.styles';
import { NameCell } from './NameCell';

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_ABOVE = 50;
const SPREAD_SEGMENTS = 5;

interface Props {
  report: HealthReport;
  format: Formatters;
  topN: number;
  width: number;
  /** Height available to the list body when virtualized. */
  maxHeight: number;
  compact: boolean;
  highlight?: string;
  links?: NameLinks;
}

export function TopicList({ report, format, topN, width, maxHeight, compact, highlight, links }: Props) {
  const styles = useStyles2(getTopicListStyles);
  const theme = useTheme2();
  const listRef = useRef<FixedSizeList>(null);
  const topics = useMemo(() => {
    const top = report.topics.slice(0, Math.max(1, topN));
    // A highlighted topic outside the top N is still shown, so a click on its finding lands somewhere.
    const extra =
      highlight && !top.some((t) => t.name === highlight) ? report.topics.find((t) => t.name === highlight) : undefined;
    return extra ? [...top, extra] : top;
  }, [report.topics, topN, highlight]);
  const narrow = width < 520;
  const sized = !narrow && width >= 640 && report.topics.some((t) => t.avgMessageBytes !== undefined);
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
    const index = topics.findIndex((t) => t.name === highlight);
    if (virtual && index >= 0) {
      listRef.current?.scrollToItem(index, 'smart');
    }
  }, [highlight, topics, virtual]);

  const renderRow = (t: TopicStat, style?: CSSProperties) => {
    const top = t.brokers[0];
    return (
      <div
        role="row"
        key={t.cluster ? `${t.cluster}\u0000${t.name}` : t.name}
        style={{ ...style, height: rowHeight }}
        tabIndex={0}
        aria-current={highlight === t.name ? 'true' : undefined}
        className={cx(rowClass, highlight === t.name && styles.highlighted)}
        data-testid="topic-row"
      >
        <div role="rowheader">
          <NameCell name={t.name} links={links} cluster={t.cluster} />
        </div>
        <div role="cell" className={styles.numeric}>
          {format.rate(t.rate)}
        </div>
        <div role="cell" className={styles.numeric}>
          {format.percent(t.share)}
        </div>
        {sized && (
          <div role="cell" className={styles.numeric} title="Average message size (bytes in ÷ messages in)">
            {format.size(t.avgMessageBytes)}
          </div>
        )}
        {!narrow && (
          <div role="cell" className={styles.spread}>
            <div className={styles.spreadBar} aria-hidden>
              {t.brokers.slice(0, SPREAD_SEGMENTS).map((b) => (
                <div
                  key={b.name}
                  title={`${b.name}: ${format.percent(b.share)}`}
                  style={{
                    width: `${b.share * 100}%`,
                    background: brokerColor.get(b.name) ?? theme.colors.text.disabled,
                  }}
                />
              ))}
            </div>
            <span className={styles.spreadText} title={top ? `${format.percent(top.share)} on ${top.name}` : undefined}>
              {top ? `${format.percent(top.share)} on ${top.name}` : '–'}
              {t.brokers.length > 1 ? ` · ${t.brokers.length} brokers` : ''}
            </span>
          </div>
        )}
        {!narrow && (
          <div role="cell">
            {t.skewed ? (
              <span className={styles.skew}>
                <Icon name="exclamation-triangle" size="sm" aria-hidden />
                Skewed
              </span>
            ) : (
              <span className={styles.even}>Even</span>
            )}
          </div>
        )}
      </div>
    );
  };

  return (
    <div role="table" aria-label="Topics" aria-rowcount={topics.length + 1} className={styles.table}>
      <div role="row" className={cx(rowClass, styles.header)}>
        <div role="columnheader">Topic</div>
        <div role="columnheader" className={styles.numeric}>
          Rate
        </div>
        <div role="columnheader" className={styles.numeric}>
          Share
        </div>
        {sized && (
          <div role="columnheader" className={styles.numeric}>
            Msg size
          </div>
        )}
        {!narrow && <div role="columnheader">Spread over brokers</div>}
        {!narrow && <div role="columnheader">Skew</div>}
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
        topics.map((t) => renderRow(t))
      )}
      {report.topics.length > topics.length && (
        <div className={styles.more}>
          {report.topics.length - topics.length} more topics (raise “Top topics” in the panel options to list them)
        </div>
      )}
    </div>
  );
}
