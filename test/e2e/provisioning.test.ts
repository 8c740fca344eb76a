/**
 * Grafana's provisioning rules, checked without Grafana (scripts/provisioning/grafanaProvisioning.ts):
 * every provisioned file passes, and each rule is proven by a broken copy of the real files that
 * the validator rejects with that rule's code.
 */
import { join } from 'path';
import {
  expandEnv,
  loadProvisioning,
  parseDuration,
  ProvisioningFiles,
  uidProblem,
  validateProvisioning,
} from '../../scripts/provisioning/grafanaProvisioning';
import { grafanaEnvironment, read, REPO } from './stackFiles';

const load = (overrides: Record<string, string> = {}) =>
  loadProvisioning(join(REPO, 'provisioning'), grafanaEnvironment(overrides));

/** The receivers the README and contact-points.yml document for ALERT_RECEIVER. */
const RECEIVERS = ['kafka-health-webhook', 'kafka-health-slack', 'kafka-health-email'];

describe('the provisioned files', () => {
  it.each(RECEIVERS)('pass everything Grafana checks at start-up (ALERT_RECEIVER=%s)', (receiver) => {
    const files = load({ ALERT_RECEIVER: receiver });
    expect(files.alerting.length).toBeGreaterThanOrEqual(3);
    expect(files.dashboards.length).toBe(1);
    expect(validateProvisioning(files)).toEqual([]);
  });

  it('the provisioning of the tests in a real Grafana passes as well (test/grafana)', () => {
    const files = loadProvisioning(join(REPO, 'test/grafana/provisioning'), {});
    expect(files.dashboards.length).toBe(1);
    expect(validateProvisioning(files)).toEqual([]);
  });

  it('documents every receiver it offers', () => {
    for (const r of RECEIVERS) {
      expect(read('docs/demo-stack.md')).toContain(r);
    }
  });

  it('would stop Grafana with a receiver that does not exist', () => {
    expect(validateProvisioning(load({ ALERT_RECEIVER: 'kafka-health-pager' }))).toEqual([
      expect.stringMatching(/^policy-receiver: .*"kafka-health-pager" is not a contact point/),
      expect.stringMatching(/^policy-receiver: .*routes\[0\].*"kafka-health-pager"/),
    ]);
  });
});

describe('the validator helpers', () => {
  it('measures uids as Grafana does (40 characters, letters, digits, - and _)', () => {
    expect(uidProblem('a'.repeat(40))).toBeUndefined();
    expect(uidProblem('kbh-under_replicated-1')).toBeUndefined();
    expect(uidProblem('kbh-under-replicated-partitions-persistent')).toMatch(/42 characters/);
    expect(uidProblem('kbh.rule')).toMatch(/may only contain/);
    expect(uidProblem('kbh rule')).toMatch(/may only contain/);
  });

  it("parses Prometheus durations as Grafana's provisioning does", () => {
    expect([parseDuration('30s'), parseDuration('5m'), parseDuration('1h30m'), parseDuration('0')]).toEqual([
      30, 300, 5400, 0,
    ]);
    expect([parseDuration(''), parseDuration('5 m'), parseDuration('1.5m'), parseDuration('m')]).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });

  it('expands $VAR and ${VAR} as Grafana does, $$ staying a dollar', () => {
    expect(expandEnv('url: $A/${B} $$C $MISSING.', { A: 'x', B: 'y' })).toBe('url: x/y $C .');
  });
});

type Mutation = (f: ProvisioningFiles) => void;
// The parsed files are plain data: reach into them by path.
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const rules = (f: ProvisioningFiles): Any[] =>
  f.alerting.flatMap((a) => ((a.doc as Any).groups ?? []).flatMap((g: Any) => g.rules));
const group = (f: ProvisioningFiles): Any => f.alerting.flatMap((a) => (a.doc as Any).groups ?? [])[0];
const contactPoints = (f: ProvisioningFiles): Any[] => f.alerting.flatMap((a) => (a.doc as Any).contactPoints ?? []);
const policy = (f: ProvisioningFiles): Any => f.alerting.flatMap((a) => (a.doc as Any).policies ?? [])[0];
const datasources = (f: ProvisioningFiles): Any[] => (f.datasources[0].doc as Any).datasources;
const dashboard = (f: ProvisioningFiles): Any => f.dashboards[0].doc;
const provider = (f: ProvisioningFiles): Any => (f.dashboardProviders[0].doc as Any).providers[0];
const condition = (f: ProvisioningFiles): Any => rules(f)[0].data.find((d: Any) => d.refId === 'C');

const BROKEN: Array<[string, string, Mutation]> = [
  [
    'rule-uid',
    'a rule uid over 40 characters',
    (f) => (rules(f)[0].uid = 'kbh-under-replicated-partitions-persistent'),
  ],
  ['rule-uid', 'a rule uid with a dot', (f) => (rules(f)[0].uid = 'kbh.imbalance')],
  ['rule-uid', 'a rule without uid', (f) => delete rules(f)[0].uid],
  ['rule-uid-duplicate', 'two rules with one uid', (f) => (rules(f)[1].uid = rules(f)[0].uid)],
  ['rule-title', 'a rule without title', (f) => (rules(f)[0].title = '')],
  ['rule-title', 'two rules with one title in a folder', (f) => (rules(f)[1].title = rules(f)[0].title)],
  ['rule-title', 'a title over 190 characters', (f) => (rules(f)[0].title = 'K'.repeat(191))],
  ['rule-data', 'a rule without queries', (f) => (rules(f)[0].data = [])],
  ['rule-data', 'two queries with one refId', (f) => (rules(f)[0].data[1].refId = 'A')],
  ['rule-condition', 'a condition naming no query', (f) => (rules(f)[0].condition = 'D')],
  ['rule-datasource', 'a query on a data source not provisioned', (f) => (rules(f)[0].data[0].datasourceUid = 'prom')],
  ['rule-expression', 'an expression reading a missing query', (f) => (condition(f).model.expression = 'X')],
  ['rule-duration', 'a "for" Grafana cannot parse', (f) => (rules(f)[0].for = '5 minutes')],
  ['rule-state', 'an unknown no-data state', (f) => (rules(f)[0].noDataState = 'Ok')],
  ['rule-state', 'an unknown error state', (f) => (rules(f)[0].execErrState = 'Failed')],
  ['rule-labels', 'a reserved label', (f) => (rules(f)[0].labels.__grafana_receiver__ = 'x')],
  [
    'rule-receiver',
    'notification settings naming no contact point',
    (f) => (rules(f)[0].notification_settings = { receiver: 'nobody' }),
  ],
  ['rule-dashboard', 'a rule linked to a dashboard not provisioned', (f) => (rules(f)[0].dashboardUid = 'gone')],
  ['rule-dashboard', 'a panel id without a dashboard', (f) => (rules(f)[0].panelId = 1)],
  ['group-name', 'a group without name', (f) => (group(f).name = ' ')],
  ['group-folder', 'a group without folder', (f) => delete group(f).folder],
  ['group-interval', 'an interval that is not a multiple of 10 s', (f) => (group(f).interval = '45s')],
  ['group-interval', 'an interval Grafana cannot parse', (f) => (group(f).interval = 'half a minute')],
  ['contact-point-name', 'a contact point without name', (f) => (contactPoints(f)[0].name = '')],
  [
    'contact-point-uid',
    'a receiver uid over 40 characters',
    (f) => (contactPoints(f)[0].receivers[0].uid = 'w'.repeat(41)),
  ],
  [
    'contact-point-uid-duplicate',
    'two receivers with one uid',
    (f) => (contactPoints(f)[1].receivers[0].uid = contactPoints(f)[0].receivers[0].uid),
  ],
  ['contact-point-type', 'an unknown integration type', (f) => (contactPoints(f)[0].receivers[0].type = 'webhooks')],
  ['contact-point-settings', 'a webhook without url', (f) => (contactPoints(f)[0].receivers[0].settings.url = '')],
  [
    'contact-point-settings',
    'an integration without settings',
    (f) => (contactPoints(f)[0].receivers[0].settings = {}),
  ],
  ['policy-receiver', 'a policy routing to no contact point', (f) => (policy(f).routes[0].receiver = 'nobody')],
  ['policy-receiver', 'a root policy without receiver', (f) => delete policy(f).receiver],
  ['policy-matchers', 'a matcher with an unknown operator', (f) => (policy(f).routes[0].object_matchers[0][1] = '==')],
  ['policy-matchers', 'a matcher on the root policy', (f) => (policy(f).object_matchers = [['severity', '=', 'x']])],
  ['policy-duration', 'a zero repeat interval', (f) => (policy(f).repeat_interval = '0s')],
  ['policy-mute-time', 'a mute timing not provisioned', (f) => (policy(f).routes[0].mute_time_intervals = ['nights'])],
  ['datasource-uid', 'a data source uid with a space', (f) => (datasources(f)[0].uid = 'prom etheus')],
  ['datasource-name', 'a data source without name', (f) => delete datasources(f)[0].name],
  ['datasource-type', 'a data source without type', (f) => delete datasources(f)[0].type],
  ['datasource-access', 'an unknown access mode', (f) => (datasources(f)[0].access = 'server')],
  [
    'datasource-default',
    'two default data sources',
    (f) => datasources(f).push({ ...datasources(f)[0], name: 'Second', uid: 'second' }),
  ],
  [
    'datasource-uid-duplicate',
    'two data sources with one uid',
    (f) => datasources(f).push({ ...datasources(f)[0], name: 'Second', isDefault: false }),
  ],
  [
    'folder-uid-duplicate',
    'two providers claiming one folder uid',
    (f) => {
      provider(f).folderUid = 'kafka';
      (f.dashboardProviders[0].doc as Any).providers.push({ ...provider(f), name: 'second' });
    },
  ],
  ['dashboard-json', 'a dashboard that is not an object', (f) => f.dashboards.push({ file: 'list.json', doc: [] })],
  [
    'dashboard-uid-duplicate',
    'two dashboards with one uid',
    (f) => f.dashboards.push({ file: 'copy.json', doc: structuredClone(dashboard(f)) }),
  ],
  ['provider-name', 'a dashboard provider without name', (f) => delete provider(f).name],
  ['provider-path', 'a dashboard provider without path', (f) => delete provider(f).options.path],
  ['provider-type', 'a dashboard provider of another type', (f) => (provider(f).type = 'git')],
  ['folder-uid', 'a provider folder uid over 40 characters', (f) => (provider(f).folderUid = 'f'.repeat(41))],
  ['dashboard-uid', 'a dashboard uid over 40 characters', (f) => (dashboard(f).uid = 'd'.repeat(41))],
  ['dashboard-title', 'a dashboard without title', (f) => (dashboard(f).title = '')],
  [
    'dashboard-variable',
    'a variable defined twice',
    (f) => dashboard(f).templating.list.push(dashboard(f).templating.list[0]),
  ],
  ['panel-id', 'two panels with one id', (f) => (dashboard(f).panels[1].id = dashboard(f).panels[0].id)],
  ['panel-type', 'a panel without type', (f) => delete dashboard(f).panels[0].type],
  ['panel-grid', 'a panel wider than the grid', (f) => (dashboard(f).panels[0].gridPos = { x: 12, y: 0, w: 13, h: 8 })],
  [
    'panel-datasource',
    'a query on an unknown data source',
    (f) => (dashboard(f).panels[0].targets[0].datasource = { type: 'prometheus', uid: 'elsewhere' }),
  ],
  [
    'panel-datasource',
    'a query through an undefined variable',
    (f) => (dashboard(f).panels[0].datasource = { type: 'prometheus', uid: '${DS_MISSING}' }),
  ],
];

describe.each(BROKEN)('rejects %s: %s', (code, _what, mutate) => {
  it('with that code (the unbroken files pass, so the change alone is what it reports)', () => {
    const files = structuredClone(load());
    mutate(files);
    expect(validateProvisioning(files).map((p) => p.split(':')[0])).toContain(code);
  });
});

it('every rule code is proven by a broken copy', () => {
  const source = read('scripts/provisioning/grafanaProvisioning.ts');
  const codes = new Set(Array.from(source.matchAll(/(?:add|uid)\('([a-z-]+)'/g), (m) => m[1]));
  for (const code of Array.from(codes)) {
    if (source.includes(`uid('${code}'`)) {
      codes.add(`${code}-duplicate`);
    }
  }
  const proven = new Set(BROKEN.map(([code]) => code));
  expect(codes.size).toBeGreaterThan(30);
  expect(Array.from(codes).filter((c) => !proven.has(c))).toEqual([]);
});
