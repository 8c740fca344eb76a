/**
 * The analysis options of a check: the panel's own shape, from a config file (YAML or JSON:
 * `thresholds` and `labels` as the panel saves them) or from an exported dashboard's panel, read
 * through the panel's migration — so the command judges exactly as the panel a team shares.
 */
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import type { HealthOptionsInput } from '../analysis';
import { migrateOptions } from '../options/migrate';
import { readPanelOptions } from '../options/read';
import { toAnalysisOptions } from '../options/toAnalysisOptions';
import { PLUGIN_ID } from '../i18n';

export class BadSettings extends Error {}

interface DashboardPanel {
  id?: unknown;
  type?: unknown;
  title?: unknown;
  options?: unknown;
  panels?: unknown;
}

function panelsOf(dashboard: unknown): DashboardPanel[] {
  const root = (dashboard as { dashboard?: unknown })?.dashboard ?? dashboard;
  const out: DashboardPanel[] = [];
  const visit = (list: unknown) => {
    for (const p of Array.isArray(list) ? (list as DashboardPanel[]) : []) {
      out.push(p);
      visit(p?.panels); // panels inside collapsed rows
    }
  };
  visit((root as { panels?: unknown })?.panels);
  return out;
}

export function settingsFromDashboard(file: string, panelId?: number): HealthOptionsInput {
  let dashboard: unknown;
  try {
    dashboard = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BadSettings(`cannot read the dashboard ${file}: ${e instanceof Error ? e.message : e}`);
  }
  const panels = panelsOf(dashboard).filter((p) => p?.type === PLUGIN_ID);
  const panel = panelId === undefined ? panels[0] : panels.find((p) => p.id === panelId);
  if (!panel) {
    throw new BadSettings(
      panelId === undefined
        ? `${file} holds no Kafka Broker Health panel`
        : `${file} holds no Kafka Broker Health panel with id ${panelId} (found: ${panels.map((p) => p.id).join(', ') || 'none'})`
    );
  }
  return toAnalysisOptions(migrateOptions(panel.options));
}

export function settingsFromConfig(file: string): HealthOptionsInput {
  let config: unknown;
  try {
    config = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BadSettings(`cannot read the config ${file}: ${e instanceof Error ? e.message : e}`);
  }
  return toAnalysisOptions(readPanelOptions(config));
}

export function defaultSettings(): HealthOptionsInput {
  return toAnalysisOptions(readPanelOptions({}));
}
