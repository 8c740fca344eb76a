/** The report as text for a terminal: verdict, findings with advice, brokers, topics. */
import type { BrokerStat, ConsumerGroupStat, Finding, HealthReport, Severity, Verdict } from '../analysis';
import {
  formatBytes,
  formatBytesRate,
  formatDuration,
  formatLatency,
  formatPercent,
  formatRate,
  withSign,
} from '../analysis/format';
import { clockTime, type Words } from './words';

export interface Style {
  colour: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, grey: 90, bold: 1 } as const;

function paint(style: Style, code: keyof typeof CODES, text: string): string {
  return style.colour ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

const VERDICT_COLOUR: Record<Verdict, keyof typeof CODES> = {
  ok: 'green',
  warning: 'yellow',
  critical: 'red',
  nodata: 'grey',
};
const SEVERITY_COLOUR: Record<Severity, keyof typeof CODES> = { critical: 'red', warning: 'yellow', info: 'grey' };

/** Columns a text takes in a terminal: Hangul and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Control characters of untrusted label values never reach the terminal. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function table(rows: string[][], rightAligned: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((cell, c) => pad(cell, widths[c], rightAligned[c]))
        .join('  ')
        .trimEnd()
  );
}

function deviation(b: BrokerStat): string {
  return b.status === 'missing' || b.status === 'stalled' ? '–' : withSign(b.deviation, formatPercent);
}

/** The other signals' broker columns, as the panel's table has them; shown when some broker has the figure. */
const SIGNAL_COLUMNS: Array<{ key: keyof BrokerStat; label: string; format: (v: number) => string }> = [
  { key: 'bytesIn', label: 'panel.brokers.bytes-in', format: formatBytesRate },
  { key: 'bytesOut', label: 'panel.brokers.bytes-out', format: formatBytesRate },
  { key: 'underReplicated', label: 'panel.brokers.urp', format: (v) => String(Math.round(v)) },
  { key: 'diskUsage', label: 'panel.brokers.disk', format: formatPercent },
  { key: 'requestHandlerIdle', label: 'panel.brokers.idle', format: formatPercent },
  { key: 'produceP99', label: 'panel.brokers.produce-p99', format: formatLatency },
  { key: 'leaders', label: 'panel.brokers.leaders', format: (v) => String(Math.round(v)) },
  { key: 'partitions', label: 'panel.brokers.partitions', format: (v) => String(Math.round(v)) },
  { key: 'logSize', label: 'panel.brokers.log-size', format: formatBytes },
];

function groupRows(groups: readonly ConsumerGroupStat[], words: Words): string[] {
  const withTime = groups.some((g) => g.behindSeconds !== undefined);
  const header = [
    'panel.groups.group',
    'panel.groups.lag',
    ...(withTime ? ['panel.groups.behind-column'] : []),
    'panel.groups.status',
  ].map((k) => words.text(k));
  const rows = groups.map((g) => [
    clean(g.cluster ? `${g.cluster} · ${g.name}` : g.name),
    Number.isFinite(g.lag) ? String(Math.round(g.lag)) : '–',
    ...(withTime ? [g.behindSeconds === undefined ? '–' : formatDuration(g.behindSeconds * 1000)] : []),
    words.text(`panel.groups.${g.status}`),
  ]);
  return table([header, ...rows], [false, true, ...(withTime ? [true] : []), false]);
}

export function renderReport(report: HealthReport, words: Words, style: Style): string {
  const out: string[] = [];
  const verdict = words.text(`panel.verdict.${report.verdict}`);
  out.push(`${paint(style, 'bold', 'Kafka Broker Health')} — ${paint(style, VERDICT_COLOUR[report.verdict], verdict)}`);
  // One entry per incident: its cause, what follows from it, what to do.
  const line = (f: Finding, severity: Severity) => {
    const word = severity === 'info' ? words.text('panel.severity.info') : words.text(`panel.verdict.${severity}`);
    const subject = f.subject ? ` ${clean(f.subject)}` : '';
    return `${paint(style, SEVERITY_COLOUR[severity], word)} ${f.check}${subject}: ${clean(words.finding(f).message)}`;
  };
  const incidents = report.incidents;
  if (incidents.length > 0) {
    out.push('', words.text('panel.section.findings', { count: incidents.length }));
    for (const { cause, effects, severity } of incidents) {
      out.push(`  ${line(cause, severity)}`);
      if (effects.length > 0) {
        out.push(`    ${clean(words.effects(effects))}`);
        out.push(...effects.map((e) => `      ${line(e, e.severity)}`));
      }
      const suggestion = words.finding(cause).suggestion;
      if (suggestion) {
        out.push(`    ${words.text('panel.findings.what-to-do')}: ${clean(suggestion)}`);
      }
      // Commands to copy, filled from the data, each on its own line.
      out.push(...(cause.commands ?? []).map((c) => `      ${clean(c)}`));
    }
  } else if (report.verdict === 'ok') {
    out.push('', words.text('panel.verdict.no-problems', { count: report.cluster.brokerCount }));
  }
  if (report.brokers.length > 0) {
    out.push('', words.text('panel.section.brokers', { count: report.brokers.length }));
    const signals = SIGNAL_COLUMNS.filter((c) => report.brokers.some((b) => b[c.key] !== undefined));
    const header = [
      'panel.brokers.broker',
      'panel.brokers.rate',
      'panel.brokers.share',
      'panel.brokers.vs-mean',
      'panel.brokers.status',
      ...signals.map((c) => c.label),
    ].map((k) => words.text(k));
    const judgeAt = report.timeline?.judgeAt;
    const rows = report.brokers.map((b) => {
      const status = words.text(`panel.broker-status.${b.status}`);
      // A broker that stopped reporting has no current figures: only since when it is silent.
      if (b.silentSince !== undefined) {
        const since = words.text('panel.brokers.down-since', {
          time: clockTime(b.silentSince),
          duration: judgeAt === undefined ? '–' : formatDuration(judgeAt - b.silentSince),
        });
        return [
          clean(b.cluster ? `${b.cluster} · ${b.name}` : b.name),
          '–',
          '–',
          '–',
          `${status}, ${since}`,
          ...signals.map(() => '–'),
        ];
      }
      return [
        clean(b.cluster ? `${b.cluster} · ${b.name}` : b.name),
        formatRate(b.rate),
        formatPercent(b.share),
        deviation(b),
        status,
        ...signals.map((c) => {
          const v = b[c.key];
          return typeof v === 'number' && Number.isFinite(v) ? c.format(v) : '–';
        }),
      ];
    });
    out.push(...table([header, ...rows], [false, true, true, true, false, ...signals.map(() => true)]));
    out.push(
      `  ${words.text('panel.figures.total')}: ${formatRate(report.cluster.totalRate)} · ${words.text('panel.figures.average')}: ${formatRate(report.cluster.avgPerBroker)}`
    );
  }
  if (report.topics.length > 0) {
    const shown = report.topics.slice(0, 20);
    out.push('', words.text('panel.section.topics', { count: report.topics.length }));
    const header = ['panel.topics.topic', 'panel.topics.rate', 'panel.topics.share', 'panel.topics.spread'].map((k) =>
      words.text(k)
    );
    const rows = shown.map((t) => [
      clean(t.name),
      formatRate(t.rate),
      formatPercent(t.share),
      t.brokers[0]
        ? words.text('panel.topics.leader', {
            share: formatPercent(t.brokers[0].share),
            broker: clean(t.brokers[0].name),
          }) + (t.brokers.length > 1 ? words.text('panel.topics.brokers', { count: t.brokers.length }) : '')
        : '–',
    ]);
    out.push(...table([header, ...rows], [false, true, true, false]));
  }
  const groups = report.signals.consumerGroups;
  if (groups.length > 0) {
    out.push('', words.text('panel.section.groups', { count: groups.length }));
    out.push(...groupRows(groups.slice(0, 20), words));
  }
  return out.join('\n') + '\n';
}
