/**
 * The demo stack as files: docker-compose.yaml, provisioning/, the exporter rules. No Docker engine
 * runs here, so the compose file is validated against the Compose schema (dclint), and everything
 * it points at is checked to exist and agree with the plugin and the panel's defaults.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
// The options' plain modules: the index also loads the editors (React, @grafana/ui).
import { DEFAULT_OPTIONS } from '../../src/options/defaults';
import { migrateOptions } from '../../src/options/migrate';
import { satisfies, validRange } from 'semver';
import { dashboard, DASHBOARD_FILE, pluginId, read, readJson, readYaml, REPO } from './stackFiles';
import { promtool } from './prometheus';
import { BROKERS, CONTROLLERS, Counters, SCENARIOS } from './simulator/model';
import { scrape } from './simulator/exposition';

const run = promisify(execFile);
const dclint = (file: string) => run(join(REPO, 'node_modules/.bin/dclint'), [file], { cwd: REPO });

interface Service {
  image?: string;
  volumes?: string[];
  environment?: Record<string, string>;
}
const compose = () =>
  readYaml<{ services: Record<string, Service>; volumes: Record<string, unknown> }>('docker-compose.yaml');

describe('docker-compose.yaml', () => {
  it('runs Prometheus without the lifecycle API nothing uses, and expects as many brokers as it runs', () => {
    const services = compose().services;
    expect(JSON.stringify(services.prometheus)).not.toContain('--web.enable-lifecycle');
    const brokers = Object.keys(services).filter((name) => /^kafka-\d+$/.test(name));
    const recording = readYaml<{ groups: Array<{ rules: Array<{ record?: string; expr: string }> }> }>(
      'provisioning/prometheus/rules/kafka-recording.yml'
    );
    const expected = recording.groups[0].rules.find((r) => r.record === 'kafka:brokers:expected')!;
    expect(expected.expr).toBe(`vector(${brokers.length})`);
  });

  it('passes Compose schema validation', async () => {
    await expect(dclint('docker-compose.yaml')).resolves.toBeDefined();
  });

  it('would fail schema validation if it were wrong (the validator really checks)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbh-compose-'));
    const bad = join(dir, 'docker-compose.yaml');
    writeFileSync(bad, 'services:\n  kafka:\n    image: apache/kafka:3.9.1\n    portz: ["9092:9092"]\n');
    await expect(dclint(bad)).rejects.toMatchObject({ stdout: expect.stringContaining('invalid-schema') });
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose().services)) {
      expect({ name, image: service.image }).toEqual({
        name,
        image: expect.stringMatching(/^[\w./-]+:v?\d+(\.\d+)*[\w.-]*$/),
      });
    }
  });

  it('mounts only files and folders that exist', () => {
    const mounts = Object.values(compose().services).flatMap((s) => s.volumes ?? []);
    const hostPaths = mounts.map((m) => m.split(':')[0]).filter((p) => p.startsWith('.'));
    expect(hostPaths.length).toBeGreaterThan(5);
    for (const p of hostPaths.filter((p) => p !== './dist' && p !== '.')) {
      expect({ path: p, exists: existsSync(join(REPO, p)) }).toEqual({ path: p, exists: true });
    }
    // ./dist is what the plugin-build service writes; npm run build must produce it there.
    expect(read('.config/bundler/constants.ts')).toContain("DIST_DIR = 'dist'");
  });

  it("runs a Grafana that satisfies the plugin's grafanaDependency", () => {
    const version = compose().services.grafana.image!.split(':')[1];
    const range = readJson<{ dependencies: { grafanaDependency: string } }>('src/plugin.json').dependencies
      .grafanaDependency;
    expect(satisfies(version, range)).toBe(true);
  });

  it('loads the plugin unsigned for our id only, read-only from ./dist', () => {
    const { services } = compose();
    expect(services.grafana.environment!.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe(pluginId());
    expect(services.grafana.volumes).toContain(`./dist:/var/lib/grafana/plugins/${pluginId()}:ro`);
    expect(services.grafana.environment!.GF_AUTH_ANONYMOUS_ORG_ROLE).toBe('Viewer');
    // The admin password is the operator's to set; the demo's default is documented.
    expect(services.grafana.environment!.GF_SECURITY_ADMIN_PASSWORD).toBe('${GRAFANA_ADMIN_PASSWORD:-admin}');
    expect(read('docs/demo-stack.md')).toContain('GRAFANA_ADMIN_PASSWORD');
  });

  it("builds with a Node that satisfies every dependency's engines", () => {
    const node = compose().services['plugin-build'].image!.match(/^node:(\d+\.\d+\.\d+)-/)![1];
    const lock = readJson<{ packages: Record<string, { engines?: { node?: string } }> }>('package-lock.json');
    const unmet = Object.entries(lock.packages)
      .filter(([, p]) => typeof p.engines?.node === 'string' && validRange(p.engines.node))
      .filter(([, p]) => !satisfies(node, p.engines!.node!))
      .map(([name, p]) => `${name} ${p.engines!.node}`);
    expect(unmet).toEqual([]);
  });

  describe('the plugin build, run with a stand-in npm', () => {
    // The service's own script, in a scratch checkout with an `npm` that only records its calls.
    const script = () => (compose().services['plugin-build'] as { command: string[] }).command[0].replace(/\$\$/g, '$');
    let dir: string;
    const runBuild = async () => {
      await run('sh', ['-c', script()], { cwd: dir, env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}` } });
      const calls = readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
      writeFileSync(join(dir, 'calls'), '');
      return calls;
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kbh-build-'));
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'node_modules'));
      writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}\n');
      writeFileSync(join(dir, 'calls'), '');
      writeFileSync(join(dir, 'bin/npm'), '#!/bin/sh\necho "$*" >> calls\n', { mode: 0o755 });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('installs with npm ci the first time, then only builds until the lockfile changes', async () => {
      expect(await runBuild()).toEqual(['ci --no-audit --no-fund', 'run build']);
      expect(await runBuild()).toEqual(['run build']);
      writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3, "changed": true}\n');
      expect(await runBuild()).toEqual(['ci --no-audit --no-fund', 'run build']);
      expect(await runBuild()).toEqual(['run build']);
    });

    it("keeps node_modules and npm's cache in volumes", () => {
      const volumes = compose().services['plugin-build'].volumes!;
      expect(volumes).toEqual(
        expect.arrayContaining(['plugin-node-modules:/src/node_modules', 'npm-cache:/root/.npm'])
      );
      expect(Object.keys(compose().volumes)).toEqual(expect.arrayContaining(['plugin-node-modules', 'npm-cache']));
    });
  });

  describe('the Kafka cluster: dedicated KRaft controllers and brokers, as production runs them', () => {
    const env = (name: string) => compose().services[name].environment!;
    const controllers = () => Object.keys(compose().services).filter((n) => /^controller-\d$/.test(n));
    const brokers = () => Object.keys(compose().services).filter((n) => /^kafka-\d$/.test(n));

    it('runs three controllers (process.roles=controller) as the quorum and three brokers', () => {
      expect(controllers()).toEqual(['controller-1', 'controller-2', 'controller-3']);
      expect(brokers()).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
      const voters = controllers()
        .map((c) => `${env(c).KAFKA_NODE_ID}@${c}:9093`)
        .join(',');
      for (const c of controllers()) {
        expect(env(c).KAFKA_PROCESS_ROLES).toBe('controller');
        // The image refuses advertised listeners on a controller-only node.
        expect(env(c).KAFKA_ADVERTISED_LISTENERS).toBeUndefined();
        expect(env(c).KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(voters);
      }
      for (const b of brokers()) {
        expect(env(b).KAFKA_PROCESS_ROLES).toBe('broker');
        expect(env(b).KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(voters);
        expect(env(b).KAFKA_ADVERTISED_LISTENERS).toBe(`PLAINTEXT://${b}:9092`);
      }
      const ids = [...controllers(), ...brokers()].map((n) => String(env(n).KAFKA_NODE_ID));
      expect(new Set(ids).size).toBe(6);
      // The load generator's replica assignment names brokers by node id: kafka-N is node N.
      expect(brokers().map((b) => String(env(b).KAFKA_NODE_ID))).toEqual(['1', '2', '3']);
      expect(read('docker/loadgen/loadgen.sh')).toMatch(/--replica-assignment [123:,]+$/m);
    });

    it('runs one Kafka image everywhere, a 4.x with the idle-meter fix (KAFKA-19606, Kafka 4.2)', () => {
      const images = new Set([...controllers(), ...brokers(), 'loadgen'].map((n) => compose().services[n].image));
      expect(images.size).toBe(1);
      const version = Array.from(images)[0]!.split(':')[1];
      expect(satisfies(version, '>=4.2.0')).toBe(true);
    });

    it('gives every node the JMX agent with the rules of its role, and Prometheus scrapes them all', () => {
      const prom = readYaml<{
        scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
      }>('provisioning/prometheus/prometheus.yml');
      const targets = (job: string) => prom.scrape_configs.find((j) => j.job_name === job)!.static_configs[0].targets;
      for (const [nodes, rules, job] of [
        [brokers(), 'kafka-broker.yml', 'kafka'],
        [controllers(), 'kafka-controller.yml', 'kafka-controller'],
      ] as const) {
        expect(targets(job)).toEqual(nodes.map((n) => `${n}:7071`));
        for (const n of nodes) {
          expect(env(n).KAFKA_OPTS).toBe(
            `-javaagent:/opt/jmx-agent/jmx_prometheus_javaagent.jar=7071:/etc/jmx-exporter/${rules}`
          );
          expect(compose().services[n].volumes).toContain('./docker/jmx-exporter:/etc/jmx-exporter:ro');
          expect(existsSync(join(REPO, 'docker/jmx-exporter', rules))).toBe(true);
        }
      }
    });

    it('keeps KAFKA_OPTS (the JMX agent) and the node heap away from the CLI tools', () => {
      for (const n of [...controllers(), ...brokers()]) {
        const check = JSON.stringify((compose().services[n] as { healthcheck?: unknown }).healthcheck);
        expect(check).toContain('KAFKA_OPTS= KAFKA_HEAP_OPTS=-Xmx64m ');
      }
      expect(compose().services.loadgen.environment?.KAFKA_OPTS).toBeUndefined();
      expect(read('docker/loadgen/loadgen.sh')).toContain('unset KAFKA_OPTS');
      expect(read('docker/loadgen/loadgen.sh')).toMatch(/^export KAFKA_HEAP_OPTS="-Xms32m -Xmx96m"$/m);
    });

    it('reserves JVM heaps that fit the memory the README asks for', () => {
      const mb = (opts: string) => Number(/-Xmx(\d+)m/.exec(opts)![1]);
      const nodes = [...controllers(), ...brokers()].reduce((a, n) => a + mb(env(n).KAFKA_HEAP_OPTS), 0);
      const loadgen = read('docker/loadgen/loadgen.sh');
      // One JVM per producer, the burst producer and the two consumers.
      const clients = (loadgen.match(/^produce [\w-]+ \d+ \d+ &$/gm) ?? []).length + 3;
      const heaps = nodes + clients * mb(/KAFKA_HEAP_OPTS="([^"]+)"/.exec(loadgen)![1]) + 6 * 64;
      // JVMs take about 1.5× their heap; Grafana, Prometheus and the build share what is left.
      expect(heaps * 1.5).toBeLessThan(4500);
      expect(read('README.md')).toMatch(/at least 6 GB/);
      expect(read('README.md')).toMatch(/Compose v2/);
    });
  });

  it('gives every variable the provisioning files use a default', () => {
    const env = compose().services.grafana.environment!;
    const files = readdirSync(join(REPO, 'provisioning/alerting')).map((f) => read(`provisioning/alerting/${f}`));
    const used = new Set(files.flatMap((text) => Array.from(text.matchAll(/\$\{?([A-Z][A-Z0-9_]+)\}?/g), (m) => m[1])));
    expect(used.size).toBeGreaterThan(0);
    for (const v of used) {
      expect({ v, value: env[v] }).toEqual({ v, value: expect.stringMatching(/^\$\{[A-Z_]+:-.+\}$/) });
    }
  });
});

describe('provisioning', () => {
  const datasource = () =>
    readYaml<{ datasources: Array<{ uid: string; type: string; url: string }> }>(
      'provisioning/datasources/prometheus.yml'
    ).datasources[0];

  it('parses every YAML and JSON file', () => {
    const walk = (dir: string): string[] =>
      readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]
      );
    const files = walk('provisioning').filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      expect(() => (f.endsWith('.json') ? JSON.parse(read(f)) : readYaml(f))).not.toThrow();
    }
  });

  it('points the dashboard at the plugin and the provisioned data source, portably', () => {
    const d = dashboard();
    const health = d.panels.filter((p) => p.type === pluginId());
    expect(health).toHaveLength(1);
    const dsVar = d.templating.list.find((v) => v.type === 'datasource')!;
    expect(dsVar.current?.value).toBe(datasource().uid);
    expect(datasource().type).toBe('prometheus');
    // Every query goes through the ${DS_PROMETHEUS} variable, so an import into another Grafana can pick its own.
    for (const p of d.panels) {
      expect(p.datasource?.uid).toBe(`\${${dsVar.name}}`);
      for (const t of p.targets) {
        expect(t.datasource?.uid ?? p.datasource?.uid).toBe(`\${${dsVar.name}}`);
      }
    }
  });

  it('uses the recommended query, without the all-topics series, and current panel options', () => {
    const panel = dashboard().panels.find((p) => p.type === pluginId())!;
    const sources = dashboard()
      .templating.list.find((v) => v.name === 'rate_source')!
      .options!.map((o) => o.value);
    expect(sources).toContain('rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m])');
    expect(panel.targets[0].expr).toBe('sum by (instance, topic) (${rate_source})');
    expect(panel.options).toEqual(migrateOptions(panel.options));
    expect(panel.fieldConfig?.defaults?.unit).toBe('mps');
  });

  it('has the dashboard provider point at the folder the compose file mounts', () => {
    const provider = readYaml<{ providers: Array<{ options: { path: string } }> }>(
      'provisioning/dashboards/dashboards.yml'
    ).providers[0];
    expect(compose().services.grafana.volumes).toContain(`./provisioning/dashboards:${provider.options.path}:ro`);
    expect(compose().services.grafana.environment!.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(
      `${provider.options.path}/${DASHBOARD_FILE.split('/').pop()}`
    );
  });
});

describe('alert rules', () => {
  interface GrafanaRule {
    uid: string;
    condition: string;
    data: Array<{
      refId: string;
      datasourceUid: string;
      model: { expr?: string; conditions?: Array<{ evaluator: { type: string; params: number[] } }> };
    }>;
    labels: { severity: string; check: string; prometheus_rule: string };
    for: string;
  }
  interface PromRule {
    alert: string;
    expr: string;
    for: string;
    labels: { severity: string; check: string };
  }
  const grafanaRules = () =>
    readYaml<{ groups: Array<{ rules: GrafanaRule[] }> }>('provisioning/alerting/kafka-alerts.yml').groups[0].rules;
  const promRules = () =>
    readYaml<{ groups: Array<{ rules: PromRule[] }> }>('provisioning/prometheus/rules/kafka-alerts.yml').groups[0]
      .rules;
  const threshold = (r: GrafanaRule) => r.data.find((d) => d.refId === r.condition)!.model.conditions![0].evaluator;
  const query = (r: GrafanaRule) => r.data.find((d) => d.refId === 'A')!;

  it('cover every check that has an alert rule', () => {
    const checks = new Set(grafanaRules().map((r) => r.labels.check));
    expect(checks).toEqual(
      new Set([
        'imbalance',
        'broker-stalled',
        'broker-missing',
        'drop',
        'under-replicated',
        'under-min-isr',
        'offline-log-dirs',
        'isr-churn',
        'request-latency',
        'storage-skew',
        'disk-usage',
        'offline-partitions',
        'active-controllers',
        'unclean-election',
        'request-handlers',
        'network-processors',
        'consumer-lag',
        'bytes-imbalance',
        'partition-skew',
        'leader-skew',
        'preferred-leader-imbalance',
      ])
    );
  });

  it('evaluate, in Grafana, the same expression and threshold as the Prometheus rule promtool tests', () => {
    const byName = new Map(promRules().map((r) => [r.alert, r]));
    const ops: Record<string, string> = { gt: '>', lt: '<', outside_range: '!=' };
    expect(grafanaRules()).toHaveLength(byName.size);
    for (const g of grafanaRules()) {
      expect((g as unknown as { title?: string }).title).toMatch(/^Kafka /);
      const p = byName.get(g.labels.prometheus_rule)!;
      const t = threshold(g);
      expect(`(${query(g).model.expr}) ${ops[t.type]} ${t.params[0]}`).toBe(p.expr.trim());
      expect([g.labels.severity, g.labels.check, g.for]).toEqual([p.labels.severity, p.labels.check, p.for]);
      expect(query(g).datasourceUid).toBe(
        readYaml<{ datasources: Array<{ uid: string }> }>('provisioning/datasources/prometheus.yml').datasources[0].uid
      );
    }
  });

  it("use the panel's default thresholds", () => {
    const t = DEFAULT_OPTIONS.thresholds;
    const expected: Record<string, number[]> = {
      'kbh-broker-imbalance': [t.imbalance.warning],
      'kbh-broker-imbalance-critical': [t.imbalance.critical],
      'kbh-throughput-drop': [t.drop.warning],
      'kbh-throughput-drop-critical': [t.drop.critical],
      'kbh-broker-stalled': [0],
      'kbh-broker-missing': [1],
      'kbh-under-replicated-partitions': [0],
      'kbh-offline-partitions': [0],
      'kbh-active-controllers': [1, 1],
      'kbh-under-replicated-persistent': [0],
      'kbh-bytes-in-imbalance': [t.imbalance.warning],
      'kbh-bytes-in-imbalance-critical': [t.imbalance.critical],
      'kbh-bytes-out-imbalance': [t.imbalance.warning],
      'kbh-bytes-out-imbalance-critical': [t.imbalance.critical],
      'kbh-request-handlers-busy': [t.requestHandlerIdle.warning],
      'kbh-request-handlers-saturated': [t.requestHandlerIdle.critical],
      'kbh-consumer-lag-growing': [t.consumerLagFloor],
      'kbh-consumer-group-stalled': [0.9],
      'kbh-broker-targets-absent': [0],
      'kbh-brokers-below-expected': [0],
      'kbh-under-min-isr-partitions': [0],
      'kbh-offline-log-directories': [0],
      'kbh-isr-churn': [0],
      'kbh-consumer-group-behind': [t.consumerLagSeconds.warning],
      'kbh-consumer-group-behind-critical': [t.consumerLagSeconds.critical],
      'kbh-storage-skew': [t.storageSkew.warning],
      'kbh-storage-skew-critical': [t.storageSkew.critical],
      'kbh-disk-usage': [t.diskUsage.warning],
      'kbh-disk-usage-critical': [t.diskUsage.critical],
      'kbh-slow-broker': [t.requestLatencyFactor.warning],
      'kbh-slow-broker-critical': [t.requestLatencyFactor.critical],
      'kbh-isr-churn-under-replicated': [0],
      'kbh-unclean-leader-election': [0],
      'kbh-partition-skew': [t.partitionSkew.warning],
      'kbh-leader-skew': [t.partitionSkew.warning],
      'kbh-preferred-replica-imbalance': [t.preferredLeaderImbalance],
      'kbh-network-processors-busy': [t.networkProcessorIdle.warning],
      'kbh-network-processors-saturated': [t.networkProcessorIdle.critical],
    };
    for (const g of grafanaRules()) {
      expect({ uid: g.uid, params: threshold(g).params }).toEqual({ uid: g.uid, params: expected[g.uid] });
    }
    // The minimum rate guards, and the stall limit min(minimum rate, 5% of the baseline), as in the panel.
    const minRate = t.minRate;
    for (const g of grafanaRules().filter((r) => ['imbalance', 'drop', 'broker-stalled'].includes(r.labels.check))) {
      expect(query(g).model.expr).toContain(`>= ${minRate})`);
    }
    // Bytes are judged from the panel's floor of 1 KiB/s per broker on average.
    for (const g of grafanaRules().filter((r) => r.labels.check === 'bytes-imbalance')) {
      expect(query(g).model.expr).toMatch(/and on\(\) \(avg\(kafka:broker_bytes_(in|out):rate1m\) >= 1024\)/);
    }
    // A broker whose up series vanished is missing too; the other rules stay quiet without data.
    for (const g of grafanaRules()) {
      expect({ uid: g.uid, noData: (g as unknown as { noDataState: string }).noDataState }).toEqual({
        uid: g.uid,
        noData: g.uid === 'kbh-broker-missing' ? 'Alerting' : 'OK',
      });
    }
    const persistent = grafanaRules().find((r) => r.uid === 'kbh-under-replicated-persistent')!;
    expect(persistent.for).toBe(`${t.underReplicatedMinutes}m`);
    const groupStalled = grafanaRules().find((r) => r.uid === 'kbh-consumer-group-stalled')!;
    expect(query(groupStalled).model.expr).toContain(`(kafka:consumergroup_lag:sum > ${t.consumerLagFloor})`);
    const stalled = grafanaRules().find((r) => r.labels.check === 'broker-stalled')!;
    expect(query(stalled).model.expr).toContain(
      `clamp_max(0.05 * quantile_over_time(0.5, kafka:broker_messages_in:rate1m[30m] offset 5m), ${minRate})`
    );
  });
});

describe('Prometheus files, with promtool', () => {
  it('has a valid configuration and rule files', async () => {
    await expect(promtool('check', 'config', join(REPO, 'provisioning/prometheus/prometheus.yml'))).resolves.toContain(
      'SUCCESS'
    );
    const rules = readdirSync(join(REPO, 'provisioning/prometheus/rules')).map((f) =>
      join(REPO, 'provisioning/prometheus/rules', f)
    );
    const out = await promtool('check', 'rules', ...rules);
    expect(out.match(/SUCCESS/g)).toHaveLength(rules.length);
  });

  it('proves the recording and alert expressions on input series (all-topics series, counter reset)', async () => {
    const out = await promtool('test', 'rules', join(REPO, 'provisioning/prometheus/tests/kafka-rules.test.yml'));
    expect(out).toContain('SUCCESS');
  });
});

describe('exporter rules and simulator', () => {
  /** Every metric name a rule can produce: `$1` expanded over the alternatives of the pattern's first group. */
  function ruleNames(file: string): string[] {
    const config = readYaml<{ lowercaseOutputName: boolean; rules: Array<{ pattern: string; name: string }> }>(file);
    return config.rules.flatMap((r) => {
      const group = /\(([A-Za-z|]+)\)/.exec(r.pattern)?.[1];
      const names =
        r.name.includes('$1') && group ? group.split('|').map((alt) => r.name.replace('$1', alt)) : [r.name];
      return names.map((n) => (config.lowercaseOutputName ? n.toLowerCase() : n));
    });
  }

  it('serves exactly the metric names the rules files produce, per node role', () => {
    const counters = new Counters(SCENARIOS.balanced, -60, 60);
    const served = (node: Parameters<typeof scrape>[1]) =>
      new Set(
        scrape(counters, node, 0)
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => /^[a-z_:]+/.exec(l)![0])
      );
    // Beside the JMX exporter's names, a broker's target carries node_exporter's view of its data
    // disk (a node_exporter relabelled to the broker's name): those come from no rules file.
    const jmx = new Set(Array.from(served(BROKERS[0])).filter((n) => !n.startsWith('node_')));
    expect(jmx).toEqual(new Set(ruleNames('docker/jmx-exporter/kafka-broker.yml')));
    expect(Array.from(served(BROKERS[0])).filter((n) => n.startsWith('node_'))).toEqual([
      'node_filesystem_size_bytes',
      'node_filesystem_avail_bytes',
    ]);
    expect(served(CONTROLLERS[0])).toEqual(new Set(ruleNames('docker/jmx-exporter/kafka-controller.yml')));
    // Brokers serve no controller metric: summed with the controllers' they would count twice.
    expect(Array.from(served(BROKERS[0])).filter((n) => n.startsWith('kafka_controller_'))).toEqual([]);
  });

  it('serves each per-topic family with its all-topics series, equal to their sum', () => {
    const counters = new Counters(SCENARIOS.balanced, -60, 60);
    const lines = scrape(counters, BROKERS[1], 30).split('\n');
    const values = (re: RegExp) => lines.filter((l) => re.test(l)).map((l) => Number(l.split(' ').pop()));
    const perTopic = values(/^kafka_server_brokertopicmetrics_messagesin_total\{topic=/);
    const all = values(/^kafka_server_brokertopicmetrics_messagesin_total \S+$/);
    expect(perTopic.length).toBeGreaterThan(1);
    expect(all).toEqual([perTopic.reduce((a, b) => a + b, 0)]);
  });
});
