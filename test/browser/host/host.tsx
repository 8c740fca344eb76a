/**
 * A stand-in for Grafana's plugin loader: provides the shared modules (React, @grafana/*, emotion)
 * to the AMD bundle in dist/module.js, takes its exported `plugin` and renders `plugin.panel`
 * inside a panel-like frame with real frames, a theme and a size taken from the URL.
 */
import * as emotionCss from '@emotion/css';
import * as i18next from 'i18next';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import { SCENARIOS } from './scenarios';

type Plugin = grafanaData.PanelPlugin;
type Define = ((deps: string[], factory: (...modules: unknown[]) => unknown) => void) & { amd?: object };

const SHARED: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  // Grafana shares its i18next instance: the plugin's translations are loaded into it.
  i18next,
};

const PLUGIN_ID = 'kafkalens-brokerhealth-panel';

/**
 * What Grafana 12.1+ does before it loads a plugin that lists `languages`: its i18next speaks the
 * user's language, and the plugin's locale file for it is loaded under the plugin's namespace.
 */
async function initTranslations(language: string) {
  await i18next.default.init({ lng: language, fallbackLng: 'en-US', resources: {}, returnEmptyString: false });
  if (language !== 'en-US') {
    const res = await fetch(`/dist/locales/${language}/${PLUGIN_ID}.json`);
    if (!res.ok) {
      throw new Error(`no ${language} translations in dist/locales`);
    }
    i18next.default.addResourceBundle(language, PLUGIN_ID, await res.json(), true, true);
  }
}

function loadPlugin(url: string): Promise<Plugin> {
  return new Promise((resolve, reject) => {
    const define: Define = (deps, factory) => {
      try {
        const modules = deps.map((dep) => {
          if (dep === 'module') {
            return { uri: url };
          }
          if (!(dep in SHARED)) {
            throw new Error(`The plugin asks for ${dep}, which Grafana does not share`);
          }
          return SHARED[dep];
        });
        // module.js awaits its translations at the top level: its exports may be a promise.
        Promise.resolve(factory(...modules) as { plugin?: Plugin } | Promise<{ plugin?: Plugin }>)
          .then((exports) => {
            if (!exports?.plugin) {
              throw new Error('module.js exports no `plugin`');
            }
            resolve(exports.plugin);
          })
          .catch(reject);
      } catch (e) {
        reject(e);
      }
    };
    define.amd = {};
    (window as unknown as { define: Define }).define = define;
    const script = document.createElement('script');
    script.src = url;
    script.onerror = () => reject(new Error(`cannot load ${url}`));
    document.head.appendChild(script);
  });
}

function PanelFrame({
  plugin,
  theme,
  width,
  height,
  scenario,
}: {
  plugin: Plugin;
  theme: grafanaData.GrafanaTheme2;
  width: number;
  height: number;
  scenario: string;
}) {
  const data = SCENARIOS[scenario]();
  const from = grafanaData.dateTime(data.from);
  const to = grafanaData.dateTime(data.to);
  const timeRange = { from, to, raw: { from, to } };
  const Panel = plugin.panel!;
  const options = plugin.onPanelMigration!({
    id: 1,
    type: plugin.meta?.id ?? '',
    options: {},
    fieldConfig: { defaults: {}, overrides: [] },
  } as never);
  const HEADER = 32;
  return (
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
      <div
        data-testid="panel-frame"
        style={{
          width,
          height,
          boxSizing: 'border-box',
          background: theme.colors.background.primary,
          border: `1px solid ${theme.colors.border.weak}`,
          borderRadius: theme.shape.radius.default,
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        <div
          style={{
            height: HEADER,
            padding: theme.spacing(0, 1),
            display: 'flex',
            alignItems: 'center',
            fontWeight: theme.typography.fontWeightMedium,
            color: theme.colors.text.primary,
          }}
        >
          Kafka Broker Health
        </div>
        <div
          data-testid="panel-content"
          style={{ padding: theme.spacing(0, 1, 1), flex: 1, minHeight: 0, overflow: 'hidden' }}
        >
          <Panel
            id={1}
            title="Kafka Broker Health"
            data={{
              state: grafanaData.LoadingState.Done,
              series: data.frames as unknown as grafanaData.DataFrame[],
              timeRange,
            }}
            timeRange={timeRange}
            timeZone="utc"
            options={options}
            fieldConfig={{ defaults: { ...plugin.fieldConfigDefaults.defaults }, overrides: [] }}
            width={width - 16 - 2}
            height={height - HEADER - 8 - 2}
            transparent={false}
            renderCounter={0}
            eventBus={new grafanaData.EventBusSrv()}
            replaceVariables={(s: string) => s}
            onOptionsChange={() => {}}
            onFieldConfigChange={() => {}}
            onChangeTimeRange={() => {}}
          />
        </div>
      </div>
    </grafanaData.ThemeContext.Provider>
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const mode = params.get('theme') === 'light' ? 'light' : 'dark';
  const width = Number(params.get('width') ?? 800);
  const height = Number(params.get('height') ?? 400);
  const scenario = params.get('scenario') ?? 'hot';
  const theme = grafanaData.createTheme({ colors: { mode } });
  document.body.style.margin = '0';
  document.body.style.padding = '16px';
  document.body.style.background = theme.colors.background.canvas;
  // The test compares the verdict colour with the theme's own token.
  document.body.dataset.warningText = theme.colors.warning.text;
  await initTranslations(params.get('lang') ?? 'en-US');
  const plugin = await loadPlugin('/dist/module.js');
  const root = createRoot(document.getElementById('root')!);
  root.render(<PanelFrame plugin={plugin} theme={theme} width={width} height={height} scenario={scenario} />);
  // Let effects and layout settle before the test looks.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  document.body.dataset.ready = 'true';
}

main().catch((e: Error) => {
  document.body.dataset.error = e.message;
  throw e;
});
