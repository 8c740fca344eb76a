import React, { useMemo } from 'react';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { css } from '@emotion/css';
import { analyze } from '../analysis';
import { PanelOptions } from '../types';

const VERDICT_TEXT = { ok: 'OK', warning: 'WARNING', critical: 'CRITICAL', nodata: 'NO DATA' } as const;

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ overflow: 'auto', height: '100%', padding: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});

/** First cut of the panel: the verdict and its reasons. The full layout comes with the panel issue. */
export function HealthPanel({ data, options, timeRange }: PanelProps<PanelOptions>) {
  const styles = useStyles2(getStyles);
  const report = useMemo(
    () =>
      analyze(data.series, {
        ...options.analysis,
        timeRange: { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() },
      }),
    [data.series, options.analysis, timeRange]
  );
  const severity =
    report.verdict === 'critical'
      ? 'error'
      : report.verdict === 'ok'
        ? 'success'
        : report.verdict === 'warning'
          ? 'warning'
          : 'info';
  return (
    <div className={styles.root}>
      <Alert title={VERDICT_TEXT[report.verdict]} severity={severity}>
        <ul className={styles.list}>
          {report.findings.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
