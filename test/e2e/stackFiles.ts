/** Reads the demo stack's files (compose, provisioning) for the tests. */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';

export const REPO = resolve(__dirname, '../..');
export const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
export const readYaml = <T = unknown>(path: string): T => parse(read(path), { merge: true }) as T;
export const readJson = <T = unknown>(path: string): T => JSON.parse(read(path)) as T;

export interface Dashboard {
  uid: string;
  templating: {
    list: Array<{
      name: string;
      type: string;
      current?: { value: unknown };
      options?: Array<{ text: string; value: string }>;
      query?: unknown;
    }>;
  };
  panels: Array<{
    id: number;
    title?: string;
    type: string;
    datasource?: { uid: string };
    targets: Array<{ refId: string; expr: string; datasource?: { uid: string } }>;
    options?: unknown;
    fieldConfig?: { defaults?: { unit?: string } };
  }>;
}

export const DASHBOARD_FILE = 'provisioning/dashboards/kafka-broker-health.json';
export const dashboard = () => readJson<Dashboard>(DASHBOARD_FILE);
export const pluginId = () => readJson<{ id: string }>('src/plugin.json').id;

/** The health panel's queries, with each value of the "Query source" variable substituted. */
export function healthPanelQueries(): Array<{ source: string; refId: string; expr: string }> {
  const d = dashboard();
  const panel = d.panels.find((p) => p.type === pluginId())!;
  const variable = d.templating.list.find((v) => v.name === 'rate_source')!;
  return variable.options!.flatMap((o) =>
    panel.targets.map((t) => ({
      source: o.text,
      refId: t.refId,
      expr: t.expr.replace(/\$\{rate_source\}|\$rate_source\b/g, o.value),
    }))
  );
}

/** The health panel's saved options. */
export function healthPanelOptions(): unknown {
  return dashboard().panels.find((p) => p.type === pluginId())!.options;
}

/**
 * Grafana's environment in the demo stack: the compose file's values with `${VAR:-default}`
 * resolved to the defaults, or to `overrides` (what a user exports before `docker compose up`).
 */
export function grafanaEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const compose = readYaml<{ services: { grafana: { environment: Record<string, string> } } }>('docker-compose.yaml');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(compose.services.grafana.environment)) {
    env[name] = String(value).replace(/\$\{([A-Z_][A-Z0-9_]*):-([^}]*)\}/g, (_, v: string, fallback: string) =>
      overrides[v] !== undefined ? overrides[v] : fallback
    );
  }
  return env;
}
