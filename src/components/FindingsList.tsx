import React from 'react';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import type { Finding } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { SEVERITY_LOOK } from './status';
import { getFindingsListStyles } from './FindingsList.styles';

export interface Selection {
  kind: 'broker' | 'topic';
  name: string;
}

interface Props {
  findings: Finding[];
  format: Formatters;
  onSelect: (selection: Selection) => void;
}

/** Every finding with severity, subject, measured value against its threshold, and what to do. */
export function FindingsList({ findings, format, onSelect }: Props) {
  const styles = useStyles2(getFindingsListStyles);
  const theme = useTheme2();
  return (
    <ul className={styles.list} aria-label="Findings">
      {findings.map((f, i) => {
        const look = SEVERITY_LOOK[f.severity];
        const value = format.findingValue(f, 'value');
        const threshold = format.findingValue(f, 'threshold');
        return (
          <li key={`${f.check}-${f.subject ?? ''}-${i}`} className={styles.item} data-testid="finding">
            <div className={styles.head}>
              <span className={styles.severity} style={{ color: look.color(theme) }}>
                <Icon name={look.icon} size="sm" aria-hidden />
                {look.text}
              </span>
              <span className={styles.check}>{f.check}</span>
              {f.subject && f.subjectKind && (
                <button
                  type="button"
                  className={styles.subject}
                  title={`Show ${f.subjectKind} ${f.subject}`}
                  onClick={() => onSelect({ kind: f.subjectKind!, name: f.subject! })}
                >
                  {f.subject}
                </button>
              )}
              {value !== undefined && (
                <span className={styles.measure}>
                  {value}
                  {threshold !== undefined ? ` (threshold ${threshold})` : ''}
                </span>
              )}
            </div>
            <p className={styles.message}>{f.message}</p>
            {f.suggestion && (
              // The first finding's advice is open; the rest stay one click away so the list stays short.
              <details className={styles.suggestion} open={i === 0}>
                <summary className={styles.summary}>What to do</summary>
                {f.suggestion}
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
