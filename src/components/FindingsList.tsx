import React, { useState } from 'react';
import { Button, Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { t, Trans } from '@grafana/i18n';
import type { Finding } from '../analysis';
import { tx } from '../i18n';
import type { Formatters } from '../hooks/useFormatters';
import { SEVERITY_LOOK } from './status';
import { getFindingsListStyles } from './FindingsList.styles';

export interface Selection {
  kind: 'broker' | 'topic';
  name: string;
  /** The control that chose it: focus returns there from the row (Escape). */
  origin?: HTMLElement;
}

interface Props {
  findings: Finding[];
  format: Formatters;
  onSelect: (selection: Selection) => void;
  /** Show this many, most severe first, with a button for the rest (panels short of room). */
  limit?: number;
  /** Open the first finding's advice (when there is room for it). */
  openFirst?: boolean;
}

/** Every finding with severity, subject, measured value against its threshold, and what to do. */
export function FindingsList({ findings, format, onSelect, limit, openFirst = true }: Props) {
  const styles = useStyles2(getFindingsListStyles);
  const theme = useTheme2();
  const [expanded, setExpanded] = useState(false);
  const shown = limit !== undefined && !expanded ? findings.slice(0, limit) : findings;
  const hidden = findings.length - shown.length;
  return (
    <>
      <ul className={styles.list} aria-label={t('panel.findings.label', 'Findings')}>
        {shown.map((f, i) => {
          const look = SEVERITY_LOOK[f.severity];
          const value = format.findingValue(f, 'value');
          const threshold = format.findingValue(f, 'threshold');
          const words = format.finding(f);
          return (
            <li key={`${f.check}-${f.subject ?? ''}-${i}`} className={styles.item} data-testid="finding">
              <div className={styles.head}>
                <span className={styles.severity} style={{ color: look.color(theme) }}>
                  <Icon name={look.icon} size="sm" aria-hidden />
                  {look.text()}
                </span>
                <span className={styles.check}>{f.check}</span>
                {f.subject && f.subjectKind && (
                  <button
                    type="button"
                    className={styles.subject}
                    title={
                      f.subjectKind === 'broker'
                        ? tx('panel.findings.show-broker', 'Show broker {{name}}', { name: f.subject })
                        : tx('panel.findings.show-topic', 'Show topic {{name}}', { name: f.subject })
                    }
                    onClick={(e) => onSelect({ kind: f.subjectKind!, name: f.subject!, origin: e.currentTarget })}
                  >
                    {f.subject}
                  </button>
                )}
                {value !== undefined && (
                  <span className={styles.measure}>
                    {threshold !== undefined
                      ? tx('panel.findings.measure', '{{value}} (threshold {{threshold}})', { value, threshold })
                      : value}
                  </span>
                )}
              </div>
              <p className={styles.message}>{words.message}</p>
              {words.suggestion && (
                // The first finding's advice is open; the rest stay one click away so the list stays short.
                <details className={styles.suggestion} open={openFirst && i === 0}>
                  <summary className={styles.summary}>
                    <Trans i18nKey="panel.findings.what-to-do">What to do</Trans>
                  </summary>
                  {words.suggestion}
                </details>
              )}
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <Button variant="secondary" fill="text" size="sm" icon="angle-down" onClick={() => setExpanded(true)}>
          {tx('panel.findings.show-more', 'Show {{count}} more', { count: hidden })}
        </Button>
      )}
    </>
  );
}
