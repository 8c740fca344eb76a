import React, { useState } from 'react';
import { Button, ClipboardButton, Icon, useStyles2, useTheme2 } from '@grafana/ui';
import { Trans } from '@grafana/i18n';
import type { Finding, Incident, Severity } from '../analysis';
import { t, tx } from '../i18n';
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
  incidents: Incident[];
  format: Formatters;
  onSelect: (selection: Selection) => void;
  /** Show this many, most severe first, with a button for the rest (panels short of room). */
  limit?: number;
  /** Open the first incident's advice (when there is room for it). */
  openFirst?: boolean;
}

interface HeadProps {
  finding: Finding;
  severity: Severity;
  format: Formatters;
  onSelect: (selection: Selection) => void;
}

/** Severity, check, subject (a button to its row) and the measured value against its threshold. */
function FindingHead({ finding: f, severity, format, onSelect }: HeadProps) {
  const styles = useStyles2(getFindingsListStyles);
  const theme = useTheme2();
  const look = SEVERITY_LOOK[severity];
  const value = format.findingValue(f, 'value');
  const threshold = format.findingValue(f, 'threshold');
  return (
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
          {f.subjectKind === 'broker' ? format.name(f.subject) : f.subject}
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
  );
}

/** Commands filled from the data, in a block to copy whole (they are code: not translated). */
function Commands({ lines }: { lines: readonly string[] }) {
  const styles = useStyles2(getFindingsListStyles);
  return (
    <div className={styles.commands} data-testid="commands">
      <pre className={styles.code}>
        <code>{lines.join('\n')}</code>
      </pre>
      <ClipboardButton size="sm" variant="secondary" fill="outline" icon="copy" getText={() => lines.join('\n')}>
        <Trans i18nKey="panel.findings.copy-commands">Copy</Trans>
      </ClipboardButton>
    </div>
  );
}

/**
 * Every incident: its cause with severity, subject, measured value and what to do, and what
 * follows from it folded into one line that opens to the effects' own findings.
 */
export function FindingsList({ incidents, format, onSelect, limit, openFirst = true }: Props) {
  const styles = useStyles2(getFindingsListStyles);
  const [expanded, setExpanded] = useState(false);
  const shown = limit !== undefined && !expanded ? incidents.slice(0, limit) : incidents;
  const hidden = incidents.length - shown.length;
  return (
    <>
      <ul className={styles.list} aria-label={t('panel.findings.label', 'Findings')}>
        {shown.map(({ cause, effects, severity }, i) => {
          const words = format.finding(cause);
          return (
            <li key={`${cause.check}-${cause.subject ?? ''}-${i}`} className={styles.item} data-testid="finding">
              <FindingHead finding={cause} severity={severity} format={format} onSelect={onSelect} />
              <p className={styles.message}>{words.message}</p>
              {effects.length > 0 && (
                <details className={styles.effects} data-testid="effects">
                  <summary className={styles.effectsLine}>{format.effects(effects)}</summary>
                  <ul className={styles.effectList}>
                    {effects.map((e, j) => (
                      <li key={`${e.check}-${e.subject ?? ''}-${j}`} className={styles.effect}>
                        <FindingHead finding={e} severity={e.severity} format={format} onSelect={onSelect} />
                        <p className={styles.message}>{format.finding(e).message}</p>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {words.suggestion && (
                // The first incident's advice is open; the rest stay one click away so the list stays short.
                <details className={styles.suggestion} open={openFirst && i === 0}>
                  <summary className={styles.summary}>
                    <Trans i18nKey="panel.findings.what-to-do">What to do</Trans>
                  </summary>
                  {words.suggestion}
                  {cause.commands && cause.commands.length > 0 && <Commands lines={cause.commands} />}
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
