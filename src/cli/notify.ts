/**
 * Notifications when the verdict changes: a JSON webhook and a Slack incoming webhook. Sent with a
 * timeout and one retry; a failure is said on stderr and never changes the check's result. The
 * URLs are secrets: they come from flags, environment variables or files, and are never printed.
 */
import { readFileSync, writeFileSync } from 'fs';
import type { HealthReport, Verdict } from '../analysis';
import type { Words } from './words';
import { httpCall } from './http';

export interface Notifier {
  webhook?: string;
  slack?: string;
  timeoutMs: number;
}

export type Change = 'RAISED' | 'CLEARED' | 'CHANGED';

/** What changed between two verdicts; undefined when nothing did. */
export function changeOf(previous: Verdict | undefined, now: Verdict): Change | undefined {
  const before = previous ?? 'ok';
  if (before === now) {
    return undefined;
  }
  return now === 'ok' ? 'CLEARED' : before === 'ok' ? 'RAISED' : 'CHANGED';
}

/** A secret from a flag, else the environment variable, else a file named by `<flag>-file`. */
export function secret(
  flag: string | undefined,
  file: string | undefined,
  env: string | undefined
): string | undefined {
  if (flag) {
    return flag;
  }
  if (env) {
    return env;
  }
  return file ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}

async function post(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await httpCall(url, { method: 'POST', body: JSON.stringify(body), timeoutMs });
      if (res.status >= 200 && res.status < 300) {
        return;
      }
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
    if (attempt === 0) {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw last;
}

export function webhookBody(
  report: HealthReport,
  previous: Verdict | undefined,
  change: Change,
  words: Words,
  at: number
) {
  return {
    status: change,
    verdict: report.verdict,
    previous: previous ?? null,
    at: new Date(at).toISOString(),
    clusters: (report.clusters ?? []).map((c) => ({ name: c.name, verdict: c.report.verdict })),
    findings: report.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => ({
        check: f.check,
        severity: f.severity,
        subject: f.subject ?? null,
        cluster: f.cluster ?? null,
        value: f.value ?? null,
        threshold: f.threshold ?? null,
        ...words.finding(f),
      })),
  };
}

const SLACK_ICON: Record<Verdict, string> = {
  ok: ':white_check_mark:',
  warning: ':warning:',
  critical: ':red_circle:',
  nodata: ':grey_question:',
};
/** Findings a Slack message lists, at most. */
const SLACK_FINDINGS = 5;

export function slackBody(report: HealthReport, words: Words) {
  const verdict = words.text(`panel.verdict.${report.verdict}`);
  const lines = report.findings
    .filter((f) => f.severity !== 'info')
    .slice(0, SLACK_FINDINGS)
    .map((f) => `• ${words.finding(f).message}`);
  // Slack reads &, < and > as markup: label values are untrusted text.
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { text: escape([`${SLACK_ICON[report.verdict]} Kafka Broker Health: ${verdict}`, ...lines].join('\n')) };
}

/** Sends what changed; returns the problems to report on stderr (no URL in them). */
export async function notify(
  notifier: Notifier,
  report: HealthReport,
  previous: Verdict | undefined,
  words: Words,
  at: number
): Promise<string[]> {
  const change = changeOf(previous, report.verdict);
  if (!change) {
    return [];
  }
  const problems: string[] = [];
  const send = async (name: string, url: string | undefined, body: unknown) => {
    if (!url) {
      return;
    }
    try {
      await post(url, body, notifier.timeoutMs);
    } catch (e) {
      problems.push(`the ${name} notification was not delivered (${e instanceof Error ? e.message : e})`);
    }
  };
  await send('webhook', notifier.webhook, webhookBody(report, previous, change, words, at));
  await send('Slack', notifier.slack, slackBody(report, words));
  return problems;
}

/** The verdict of the last check, kept between runs (cron) in a small JSON file. */
export function readState(file: string | undefined): Verdict | undefined {
  if (!file) {
    return undefined;
  }
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { verdict?: unknown }).verdict;
    return v === 'ok' || v === 'warning' || v === 'critical' || v === 'nodata' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string | undefined, verdict: Verdict, at: number): void {
  if (file) {
    writeFileSync(file, JSON.stringify({ verdict, at: new Date(at).toISOString() }) + '\n');
  }
}
