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
import { Scenario, SCENARIOS, synthetic } from './scenarios';
import { analyze } from '../../../src/analysis';
import {
  BENCH_SIZES,
  benchFrames,
  reduceFieldPass,
  sizeName,
  timeInBlocks,
  valueFields,
} from '../../../src/analysis/testkit/benchmark';

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
  data = SCENARIOS[scenario](),
  globalStyles = true,
}: {
  plugin: Plugin;
  theme: grafanaData.GrafanaTheme2;
  width: number;
  height: number;
  scenario: string;
  /** Frames given directly (the benchmark), instead of the named scenario's. */
  data?: Scenario;
  /** Grafana's global CSS with the frame; the benchmark puts it on the page once, as Grafana does. */
  globalStyles?: boolean;
}) {
  const from = grafanaData.dateTime(data.from);
  const to = grafanaData.dateTime(data.to);
  const timeRange = { from, to, raw: { from, to } };
  const Panel = plugin.panel!;
  // Grafana hands a panel the same options and field config objects until they change.
  const options = React.useMemo(
    () =>
      plugin.onPanelMigration!({
        id: 1,
        type: plugin.meta?.id ?? '',
        options: {},
        fieldConfig: { defaults: {}, overrides: [] },
      } as never),
    [plugin]
  );
  const fieldConfig = React.useMemo(
    () => ({ defaults: { ...plugin.fieldConfigDefaults.defaults }, overrides: [] }),
    [plugin]
  );
  const eventBus = React.useMemo(() => new grafanaData.EventBusSrv(), []);
  const series = data.frames as unknown as grafanaData.DataFrame[];
  const panelData = React.useMemo(
    () => ({ state: grafanaData.LoadingState.Done, series, timeRange }),
    // The time range is rebuilt from the same numbers each render: the frames decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series]
  );
  const HEADER = 32;
  return (
    <grafanaData.ThemeContext.Provider value={theme}>
      {globalStyles && <grafanaUi.GlobalStyles />}
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
            data={panelData}
            timeRange={timeRange}
            timeZone="utc"
            options={options}
            fieldConfig={fieldConfig}
            width={width - 16 - 2}
            height={height - HEADER - 8 - 2}
            transparent={false}
            renderCounter={0}
            eventBus={eventBus}
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

interface BenchSize {
  brokers: number;
  topics: number;
  runs: number;
}

/**
 * React has committed and the browser has painted: the next animation frame, then a task queued
 * from it, which runs once that frame's style, layout and paint are done (not a second frame,
 * which would add up to 16 ms of waiting for the display to every figure).
 */
const painted = () =>
  new Promise<void>((r) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => r();
      channel.port2.postMessage(undefined);
    })
  );

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * npm run bench:browser: first render and refresh of the panel at one size, split into the
 * analysis (analyze() on the same frames, timed alone) and React with layout and paint (the rest);
 * and how many table cells change when the panel renders again with the same data (none should).
 */
async function bench(
  plugin: Plugin,
  theme: grafanaData.GrafanaTheme2,
  width: number,
  height: number,
  { brokers, topics, runs }: BenchSize
) {
  const datasets = Array.from({ length: runs + 1 }, (_, i) => synthetic(brokers, topics, i + 1));
  const analysis = median(
    datasets.slice(0, runs).map((d) => {
      const start = performance.now();
      analyze(d.frames, { timeRange: { from: d.from, to: d.to }, now: d.to });
      return performance.now() - start;
    })
  );
  const frame = (data: Scenario) => (
    <PanelFrame
      plugin={plugin}
      theme={theme}
      width={width}
      height={height}
      scenario=""
      data={data}
      globalStyles={false}
    />
  );
  // Grafana's global CSS is on the page before any panel mounts: once, outside the timed renders.
  const globals = document.createElement('div');
  document.body.appendChild(globals);
  createRoot(globals).render(
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
    </grafanaData.ThemeContext.Provider>
  );
  await painted();
  // One untimed mount first, so the first size is not the one that pays for compiling the code.
  {
    const warm = document.createElement('div');
    document.getElementById('root')!.replaceChildren(warm);
    const root = createRoot(warm);
    root.render(frame(datasets[runs]));
    await painted();
    root.unmount();
  }
  const firsts: number[] = [];
  for (const data of datasets.slice(0, runs)) {
    const host = document.createElement('div');
    document.getElementById('root')!.replaceChildren(host);
    const root = createRoot(host);
    const start = performance.now();
    root.render(frame(data));
    await painted();
    firsts.push(performance.now() - start);
    root.unmount();
  }
  const host = document.createElement('div');
  document.getElementById('root')!.replaceChildren(host);
  const root = createRoot(host);
  root.render(frame(datasets[0]));
  await painted();
  const refreshes: number[] = [];
  for (const data of datasets.slice(1)) {
    const start = performance.now();
    root.render(frame(data));
    await painted();
    refreshes.push(performance.now() - start);
  }
  // The same data again (a resize of another panel, a theme tick): the tables must not change.
  // First let the last refresh settle (effects, measurements), so only the new render is counted.
  await new Promise((r) => setTimeout(r, 300));
  await painted();
  const last = datasets[datasets.length - 1];
  let changed = 0;
  const observer = new MutationObserver((records) => (changed += records.length));
  host
    .querySelectorAll('table, [role=table]')
    .forEach((t) => observer.observe(t, { subtree: true, childList: true, characterData: true, attributes: true }));
  root.render(frame(last));
  await painted();
  observer.disconnect();
  root.unmount();
  const first = median(firsts);
  const refresh = median(refreshes);
  return { analysis, first, refresh, firstReact: first - analysis, refreshReact: refresh - analysis, changed };
}

/** Whether the contenders of analyzeAgainstReduceField have run before. */
let warmedUp = false;

/**
 * npm run bench:browser: analyze() against @grafana/data's reduceField (sum, mean, min, max, last)
 * on the same frames in this browser — npm run bench's ratio where the panel runs.
 */
function analyzeAgainstReduceField(label: string): {
  size: string;
  analyze: number;
  reduceField: number;
  /** For brokers at their own offsets: the same brokers on one grid, timed in the same blocks. */
  onOneGrid?: number;
} {
  const size = BENCH_SIZES.find((s) => s.label === label);
  if (!size) {
    throw new Error(`no benchmark size ${label}`);
  }
  const frames = benchFrames(size);
  const fields = valueFields(frames);
  const reduceAll = reduceFieldPass(grafanaData as never, fields);
  const onOneGrid = size.offsets ? benchFrames({ ...size, offsets: false }) : undefined;
  let sink = 0;
  const contenders = [
    () => (sink += analyze(frames).cluster.totalRate),
    () => (sink += reduceAll()),
    ...(onOneGrid ? [() => (sink += analyze(onOneGrid).cluster.totalRate)] : []),
  ];
  if (!warmedUp) {
    // This page's own copy of the analysis has not run yet (the panel's is another bundle), and
    // Chromium reaches its fastest code for it only after 30–50 calls: untimed rounds first, so
    // that the first row does not time the compiler (npm run bench's rows come after warmer code).
    timeInBlocks(6, 4, contenders);
    warmedUp = true;
  }
  const [analyzeMs, reduceMs, onOneGridMs] = timeInBlocks(3, 4, contenders);
  if (!Number.isFinite(sink)) {
    throw new Error('unexpected result');
  }
  return { size: sizeName(size), analyze: analyzeMs, reduceField: reduceMs, onOneGrid: onOneGridMs };
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
  if (params.get('bench')) {
    (window as unknown as { kafkalensBench: (size: BenchSize) => ReturnType<typeof bench> }).kafkalensBench = (size) =>
      bench(plugin, theme, width, height, size);
    (window as unknown as { kafkalensRatio: typeof analyzeAgainstReduceField }).kafkalensRatio =
      analyzeAgainstReduceField;
    document.body.dataset.ready = 'true';
    return;
  }
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
