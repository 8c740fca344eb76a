import React, { ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { LoadingState, PanelProps } from '@grafana/data';
import { Alert, ErrorBoundary, LoadingPlaceholder, useStyles2, useTheme2 } from '@grafana/ui';
import { checkLanguage, t, tx } from '../i18n';
import { brokerShortNames, Formatters, useFormatters } from '../hooks/useFormatters';
import { useHealthReport } from '../hooks/useHealthReport';
import { NameLinks, useNameLinks } from '../hooks/useNameLinks';
import type { PanelOptions } from '../options';
import type { DisplayOptions } from '../options/types';
import type { HealthReport } from '../analysis';
import { isRecord, readDisplay, readFieldConfig, readLabels, readThresholds } from '../options/read';
import { PanelFallback } from './PanelFallback';
import { BrokerTable } from './BrokerTable';
import { ConsumerLagList } from './ConsumerLagList';
import { SignalsStrip } from './SignalsStrip';
import { Diagnostics, isDiagnosed } from './Diagnostics';
import { FindingsList, Selection } from './FindingsList';
import { getHealthPanelStyles } from './HealthPanel.styles';
import { KeyFigures } from './KeyFigures';
import { hasTrouble, HealthTimeline } from './HealthTimeline';
import { TopicList } from './TopicList';
import { VerdictBanner } from './VerdictBanner';

/** Below this size only the verdict fits. */
export const TINY_WIDTH = 300;
export const TINY_HEIGHT = 150;
/** Up to this width the panel is narrow: key figures as a strip, the fewest columns. */
export const NARROW_WIDTH = 560;
/** From this width findings sit beside the broker and topic tables. */
export const WIDE_WIDTH = 1100;
/** Below this height the health timeline gives its room to the verdict, findings and brokers. */
export const TIMELINE_MIN_HEIGHT = 360;
/** Below this height the timeline comes after the tables (the default 12 × 8 panel is 520 px). */
export const SHORT_HEIGHT = 600;
/** Findings listed above the tables before a "show more" button. */
export const FINDINGS_ABOVE_TABLES = 3;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles2(getHealthPanelStyles);
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The panel. Whatever goes wrong while drawing, it never blanks: an error boundary shows what
 * went wrong beside the last report drawn, and draws again when the data, options or size change.
 */
export function HealthPanel(props: PanelProps<PanelOptions>) {
  // Remembered texts stay while the language does (one lookup says which it is).
  checkLanguage();
  const lastGood = useRef<HealthReport>();
  const onDrawn = useCallback((report: HealthReport) => {
    lastGood.current = report;
  }, []);
  const { data, options, fieldConfig, width, height } = props;
  return (
    <ErrorBoundary boundaryName="kafka-broker-health" dependencies={[data, options, fieldConfig, width, height]}>
      {({ error }) =>
        error ? (
          <PanelFallback error={error} lastGood={lastGood.current} />
        ) : (
          <HealthPanelView {...props} onDrawn={onDrawn} />
        )
      }
    </ErrorBoundary>
  );
}

function HealthPanelView({
  data,
  options: savedOptions,
  fieldConfig,
  timeRange,
  timeZone,
  width,
  height,
  replaceVariables,
  onDrawn,
}: PanelProps<PanelOptions> & { onDrawn: (report: HealthReport) => void }) {
  const styles = useStyles2(getHealthPanelStyles);
  const theme = useTheme2();
  // Saved options and field config are read by type: hand-edited JSON never reaches the components.
  // Section by section, so a display change does not analyse again.
  const saved: Partial<Record<keyof PanelOptions, unknown>> = isRecord(savedOptions) ? savedOptions : {};
  const savedThresholds = saved.thresholds;
  const savedLabels = saved.labels;
  const savedDisplay = saved.display;
  const thresholds = useMemo(() => readThresholds(savedThresholds), [savedThresholds]);
  const labels = useMemo(() => readLabels(savedLabels), [savedLabels]);
  const display = useMemo(() => readDisplay(savedDisplay), [savedDisplay]);
  const field = useMemo(() => readFieldConfig(fieldConfig), [fieldConfig]);
  const report = useHealthReport(data.series, { thresholds, labels }, timeRange, data.request?.startTime);
  const shortNames = useMemo(() => brokerShortNames(report), [report]);
  const format = useFormatters(field.unit, field.decimals, theme, timeZone, shortNames);
  const brokerLinks = useNameLinks(field.links, report.data.brokerLabel, 'broker', replaceVariables);
  const topicLinks = useNameLinks(field.links, report.data.topicLabel, 'topic', replaceVariables);
  // Effects run only once a render committed: this report was drawn.
  useEffect(() => onDrawn(report), [onDrawn, report]);

  if (data.state === LoadingState.Error && data.series.length === 0) {
    const messages = (data.errors ?? []).map((e) => e.message ?? t('panel.error.query-failed', 'Query failed'));
    return (
      <Alert severity="error" title={t('panel.error.title', 'The query failed')} bottomSpacing={0}>
        {messages.length
          ? messages.map((m, i) => <div key={i}>{m}</div>)
          : t('panel.error.no-message', 'The data source returned an error.')}
      </Alert>
    );
  }
  if (data.state === LoadingState.Loading && data.series.length === 0) {
    return (
      <div className={styles.centered}>
        <LoadingPlaceholder text={t('panel.loading', 'Loading broker metrics…')} />
      </div>
    );
  }
  if (width < TINY_WIDTH || height < TINY_HEIGHT) {
    return <VerdictBanner report={report} format={format} tiny />;
  }

  const body = {
    display,
    format,
    width,
    height,
    brokerLinks,
    topicLinks,
  };
  const clusters = report.clusters ?? [];
  if (clusters.length > 1) {
    // One section per cluster, the worst first; the banner on top is the union's verdict.
    return (
      <div className={styles.root}>
        <VerdictBanner report={report} format={format} />
        <div className={styles.body}>
          {clusters.map((c) => (
            <section
              key={c.name}
              className={styles.cluster}
              aria-label={tx('panel.cluster.section', 'Cluster {{name}}', { name: c.name })}
            >
              <VerdictBanner report={c.report} format={format} cluster={c.name} />
              <ReportBody report={c.report} {...body} nested />
            </section>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <VerdictBanner report={report} format={format} />
      <ReportBody report={report} {...body} />
    </div>
  );
}

interface ReportBodyProps {
  report: HealthReport;
  display: DisplayOptions;
  format: Formatters;
  width: number;
  height: number;
  brokerLinks?: NameLinks;
  topicLinks?: NameLinks;
  /** Inside a cluster's section: no scroll area of its own. */
  nested?: boolean;
}

/** Everything under the verdict for one report: signals, diagnostics, figures, findings, tables. */
function ReportBody({ report, display, format, width, height, brokerLinks, topicLinks, nested }: ReportBodyProps) {
  const styles = useStyles2(getHealthPanelStyles);
  // Each choice of a finding's subject counts (`focusKey`), so choosing it again moves focus again.
  const [selection, setSelection] = useState<Selection & { focusKey: number }>();
  const select = useCallback(
    (next: Selection) => setSelection((prev) => ({ ...next, focusKey: (prev?.focusKey ?? 0) + 1 })),
    []
  );
  // Escape on the row goes back to the finding that led there.
  const origin = selection?.origin;
  const returnToFinding = useCallback(() => origin?.focus(), [origin]);
  const hasData = report.verdict !== 'nodata';
  const wide = width >= WIDE_WIDTH;
  // What the diagnostics box says is not said again here.
  const listed = report.incidents.filter((incident) => !isDiagnosed(incident.cause));
  const findings = display.showFindings && listed.length > 0 && (
    <Section title={tx('panel.section.findings', 'Findings ({{count}})', { count: listed.length })}>
      <FindingsList
        incidents={listed}
        format={format}
        onSelect={select}
        // Beside the tables there is room for all; above them, the first few leave the brokers in view.
        limit={wide ? undefined : height < 600 ? FINDINGS_ABOVE_TABLES - 1 : FINDINGS_ABOVE_TABLES}
        openFirst={wide || height >= 700}
      />
    </Section>
  );
  // Findings (and consumer groups) take a column of their own beside the tables.
  const beside = wide && !!findings;
  const tableWidth = beside ? (width * 3) / 5 : width;
  const groups = display.showConsumerGroups && report.signals.consumerGroups.length > 0 && (
    <Section
      title={tx('panel.section.groups', 'Consumer groups ({{count}})', {
        count: report.signals.consumerGroups.length,
      })}
    >
      <ConsumerLagList
        groups={report.signals.consumerGroups}
        findings={report.findings}
        format={format}
        width={beside ? (width * 2) / 5 : width}
      />
    </Section>
  );
  // Since when, and who first: only when something was ever wrong, and only with room for it.
  const timeline = hasData && report.health && hasTrouble(report.health) && height >= TIMELINE_MIN_HEIGHT && (
    <Section title={t('panel.section.timeline', 'Since when')}>
      <HealthTimeline
        timeline={report.health}
        format={format}
        maxRows={height < 600 ? 1 : height < 900 ? 5 : 10}
        onSelect={select}
      />
    </Section>
  );
  const tables = (
    <>
      {hasData && display.showBrokers && (
        <Section title={tx('panel.section.brokers', 'Brokers ({{count}})', { count: report.brokers.length })}>
          <BrokerTable
            report={report}
            format={format}
            sort={display.brokerSort}
            width={tableWidth}
            maxHeight={Math.max(200, height * 0.6)}
            compact={display.compact}
            highlight={selection?.kind === 'broker' ? selection.name : undefined}
            focusKey={selection?.kind === 'broker' ? selection.focusKey : undefined}
            onReturn={returnToFinding}
            links={brokerLinks}
          />
        </Section>
      )}
      {hasData && display.showTopics && report.topics.length > 0 && (
        <Section title={tx('panel.section.topics', 'Topics ({{count}})', { count: report.topics.length })}>
          <TopicList
            report={report}
            format={format}
            topN={display.topTopics}
            width={tableWidth}
            maxHeight={Math.max(160, height * 0.6)}
            compact={display.compact}
            highlight={selection?.kind === 'topic' ? selection.name : undefined}
            focusKey={selection?.kind === 'topic' ? selection.focusKey : undefined}
            onReturn={returnToFinding}
            links={topicLinks}
          />
        </Section>
      )}
    </>
  );
  return (
    <>
      <SignalsStrip report={report} format={format} />
      <div className={nested ? styles.nestedBody : styles.body}>
        <Diagnostics report={report} format={format} />
        {hasData && display.showFigures && (
          <KeyFigures report={report} format={format} compact={width <= NARROW_WIDTH} />
        )}
        {/* Beside the tables the findings are in view anyway; above them, the cause comes first. */}
        {beside && timeline}
        {beside ? (
          <div className={styles.columns}>
            <div className={styles.column}>{tables}</div>
            <div className={styles.column}>
              {findings}
              {groups}
            </div>
          </div>
        ) : (
          <>
            {findings}
            {/* A short panel keeps the brokers in view: the verdict already says since when. */}
            {height >= SHORT_HEIGHT && timeline}
            {tables}
            {height < SHORT_HEIGHT && timeline}
            {groups}
          </>
        )}
      </div>
    </>
  );
}
