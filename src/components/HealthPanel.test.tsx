import React from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createTheme, dateTime, LoadingState } from '@grafana/data';
import { brokerName, clusterFrames, rangeFrame, stepTimes, topicName } from '../analysis/testkit/frames';
import { panelProps, PanelPropsInput } from '../testkit/panelProps';
import { DEFAULT_OPTIONS } from '../options';
import { HealthPanel } from './HealthPanel';
import { SCENARIOS } from '../../test/browser/host/scenarios';

const POINTS = 40;

function cluster(rate: (b: number, t: number, i: number) => number | null, brokers = 3, topics = 4) {
  return clusterFrames({ brokers, topics, points: POINTS, rate });
}

function renderPanel(input: PanelPropsInput) {
  const props = panelProps({ points: POINTS, ...input });
  const utils = render(<HealthPanel {...props} />);
  return { ...utils, props };
}

const verdict = () => screen.getByTestId('verdict');
const brokerRows = () => screen.queryAllByTestId('broker-row');
/** The value shown under a key-figure label. */
const figure = (label: string) =>
  within(screen.getByLabelText('Key figures')).getByText(label).nextElementSibling!.textContent;
const rowFor = (name: string) => brokerRows().find((r) => within(r).queryByText(name) !== null)!;

describe('HealthPanel states', () => {
  it('says OK for a balanced cluster and shows figures, brokers and topics', () => {
    renderPanel({ frames: cluster(() => 100) });
    expect(verdict()).toHaveTextContent('OK');
    expect(verdict()).toHaveAccessibleName('Cluster health: OK');
    // 3 brokers × 4 topics × 100 msg/s, formatted by Grafana's "mps" unit.
    expect(figure('Cluster total')).toBe('1.20K msg/s');
    expect(brokerRows()).toHaveLength(3);
    expect(screen.getAllByTestId('topic-row')).toHaveLength(4);
    expect(screen.queryByRole('list', { name: 'Findings' })).toBeNull();
  });

  it('judges a range that ends in the future ("Today") when the query ran, not at its end', () => {
    const times = stepTimes(POINTS);
    const last = times[times.length - 1];
    const today = { from: dateTime(times[0]), to: dateTime(last + 8 * 3600_000) };
    const { unmount } = renderPanel({
      frames: cluster(() => 100),
      timeRange: { ...today, raw: today },
      queriedAt: last + 5_000,
    });
    expect(verdict()).toHaveTextContent('OK');
    expect(figure('Cluster total')).toBe('1.20K msg/s');
    unmount();
    // Judged at the range's end instead, eight hours of "silence" would read as a dead cluster.
    renderPanel({ frames: cluster(() => 100), timeRange: { ...today, raw: today } });
    expect(verdict()).toHaveTextContent('CRITICAL');
  });

  it('shows one section per cluster, the worst first, under the verdict of them all', () => {
    const times = stepTimes(POINTS);
    const frames = ['prod', 'staging'].flatMap((env) =>
      [0, 1, 2].map((b) =>
        rangeFrame(
          { instance: brokerName(b), topic: 'orders', env },
          times,
          times.map((_, i) => (env === 'staging' && b === 1 && i >= POINTS - 8 ? 0 : env === 'prod' ? 200 : 50))
        )
      )
    );
    renderPanel({ frames });
    expect(verdict()).toHaveTextContent('CRITICAL');
    expect(verdict()).toHaveTextContent('staging: Broker broker-1 stopped taking messages');
    const sections = screen.getAllByRole('region', { name: /^Cluster / });
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual(['Cluster staging', 'Cluster prod']);
    const banners = screen.getAllByTestId('cluster-verdict');
    expect(banners.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Cluster staging health: CRITICAL',
      'Cluster prod health: OK',
    ]);
    // Each section lists its own brokers; the stalled one leads staging's table.
    const rowsOf = (section: HTMLElement) => within(section).getAllByTestId('broker-row');
    expect(rowsOf(sections[0])).toHaveLength(3);
    expect(rowsOf(sections[0])[0]).toHaveTextContent('Stalled');
    expect(rowsOf(sections[1]).map((r) => r.textContent)).toEqual([
      expect.stringContaining('OK'),
      expect.stringContaining('OK'),
      expect.stringContaining('OK'),
    ]);
  });

  it('keeps one layout for one cluster: no sections', () => {
    renderPanel({ frames: cluster(() => 100) });
    expect(screen.queryAllByRole('region', { name: /^Cluster / })).toEqual([]);
    expect(screen.queryAllByTestId('cluster-verdict')).toEqual([]);
  });

  it('says WARNING for a hot broker, names it and marks its row', () => {
    renderPanel({ frames: cluster((b) => (b === 0 ? 160 : 100)) });
    expect(verdict()).toHaveTextContent('WARNING');
    expect(verdict()).toHaveTextContent(brokerName(0));
    const findings = screen.getAllByTestId('finding');
    expect(findings[0]).toHaveTextContent('imbalance');
    // Worst first: the hot broker leads the table.
    expect(within(brokerRows()[0]).getByText(brokerName(0))).toBeInTheDocument();
    expect(brokerRows()[0]).toHaveTextContent('Hot');
  });

  it('says CRITICAL when a broker stops taking messages', () => {
    renderPanel({ frames: cluster((b, _t, i) => (b === 2 && i >= POINTS - 8 ? 0 : 100)) });
    expect(verdict()).toHaveTextContent('CRITICAL');
    expect(screen.getAllByTestId('finding').map((f) => f.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('broker-stalled')])
    );
    expect(rowFor(brokerName(2))).toHaveTextContent('Stalled');
  });

  it('says NO DATA with a diagnosis and the recommended query when there are no series', () => {
    renderPanel({ frames: [] });
    expect(verdict()).toHaveTextContent('NO DATA');
    expect(screen.getByLabelText('Recommended query')).toHaveTextContent(
      'sum by (instance, topic) (rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=""}[1m]))'
    );
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
    expect(brokerRows()).toHaveLength(0);
  });

  it('adjusts the recommended query to the broker label found in the data', () => {
    const frames = clusterFrames({ brokers: 2, topics: 1, points: POINTS, rate: () => 0, brokerLabel: 'pod' });
    renderPanel({ frames });
    expect(screen.getByLabelText('Recommended query')).toHaveTextContent('sum by (pod, topic)');
  });

  it('diagnoses raw counters that were not wrapped in rate()', () => {
    const times = stepTimes(POINTS);
    const frames = [0, 1].map((b) =>
      rangeFrame(
        { __name__: 'kafka_server_brokertopicmetrics_messagesin_total', instance: brokerName(b), topic: 't' },
        times,
        times.map((_, i) => 1e6 + i * 1500)
      )
    );
    renderPanel({ frames });
    expect(screen.getByText('The query needs attention')).toBeInTheDocument();
    expect(screen.getByLabelText('Recommended query')).toHaveTextContent(
      'rate(kafka_server_brokertopicmetrics_messagesin_total'
    );
    // Said once, in the diagnostics box beside the query that fixes it, not again in the findings.
    expect(screen.getAllByText(/cumulative counters.*rate\(\)/)).toHaveLength(1);
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    // The panel derives rates itself meanwhile, so the brokers still show a rate (1,500 per 15 s step).
    expect(rowFor(brokerName(0))).toHaveTextContent('100 msg/s');
  });

  it('shows the query errors when the data source failed', () => {
    renderPanel({ state: LoadingState.Error, errors: [{ message: 'bad_data: parse error at char 12' }] });
    expect(screen.getByText('The query failed')).toBeInTheDocument();
    expect(screen.getByText('bad_data: parse error at char 12')).toBeInTheDocument();
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('shows a loading placeholder before the first data arrives', () => {
    renderPanel({ state: LoadingState.Loading });
    expect(screen.getByText(/Loading broker metrics/)).toBeInTheDocument();
  });

  it('keeps showing the last result while a refresh is loading', () => {
    renderPanel({ state: LoadingState.Loading, frames: cluster(() => 100) });
    expect(verdict()).toHaveTextContent('OK');
  });

  it('handles a single broker without dividing by zero', () => {
    renderPanel({ frames: cluster(() => 50, 1, 2) });
    expect(verdict()).toHaveTextContent('OK');
    expect(brokerRows()).toHaveLength(1);
    expect(figure('Imbalance')).toBe('–');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('draws 100 brokers as a plain table, and windows 101', () => {
    const { unmount } = renderPanel({ frames: cluster((b) => 100 + (b % 7), 100, 1) });
    expect(brokerRows()).toHaveLength(100);
    expect(screen.queryByTestId('broker-scroller')).toBeNull();
    unmount();
    renderPanel({ frames: cluster((b) => 100 + (b % 7), 101, 1) });
    expect(screen.getByText('Brokers (101)')).toBeInTheDocument();
    expect(brokerRows().length).toBeLessThan(101);
    expect(screen.getByTestId('broker-scroller')).toBeInTheDocument();
  });

  it('virtualizes 5,000 topics: only the visible rows are in the DOM', () => {
    const frames = clusterFrames({ brokers: 3, topics: 5000, points: 5, rate: (_b, t) => 1 + (t % 97) });
    renderPanel({
      frames,
      points: 5,
      options: { ...DEFAULT_OPTIONS, display: { ...DEFAULT_OPTIONS.display, topTopics: 5000 } },
    });
    expect(screen.getByText('Topics (5000)')).toBeInTheDocument();
    const rendered = screen.getAllByTestId('topic-row').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('table', { name: 'Topics' })).toHaveAttribute('aria-rowcount', '5001');
  });

  it('shows hostile label values as inert text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const frames = clusterFrames({ brokers: 2, topics: 1, points: POINTS, rate: (b) => (b === 0 ? 300 : 100) }).map(
      (f, i) => ({
        ...f,
        fields: f.fields.map((fl) =>
          fl.labels
            ? { ...fl, labels: { ...fl.labels, instance: i === 0 ? evil : '"><script>x()</script>', topic: evil } }
            : fl
        ),
      })
    );
    const { container } = renderPanel({ frames });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
  });

  it('shows only the verdict in a tiny panel', () => {
    renderPanel({ frames: cluster((b) => (b === 0 ? 160 : 100)), width: 200, height: 100 });
    expect(verdict()).toHaveTextContent('WARNING');
    expect(brokerRows()).toHaveLength(0);
    expect(screen.queryByLabelText('Key figures')).toBeNull();
  });

  it('hides the sections switched off in the options', () => {
    const display = { ...DEFAULT_OPTIONS.display, showFigures: false, showTopics: false };
    renderPanel({ frames: cluster(() => 100), options: { ...DEFAULT_OPTIONS, display } });
    expect(screen.queryByLabelText('Key figures')).toBeNull();
    expect(screen.queryAllByTestId('topic-row')).toHaveLength(0);
    expect(brokerRows()).toHaveLength(3);
  });

  it('applies the thresholds from the panel options', () => {
    const frames = cluster((b) => (b === 0 ? 160 : 100));
    const thresholds = { ...DEFAULT_OPTIONS.thresholds, imbalance: { warning: 0.1, critical: 0.3 } };
    renderPanel({ frames, options: { ...DEFAULT_OPTIONS, thresholds } });
    expect(verdict()).toHaveTextContent('CRITICAL');
  });

  it('uses the unit and decimals of the standard options', () => {
    renderPanel({
      frames: cluster(() => 100),
      fieldConfig: { defaults: { unit: 'short', decimals: 1 }, overrides: [] },
    });
    expect(figure('Cluster total')).toBe('1.2 K');
  });

  it('never crashes on garbage frames', () => {
    const garbage = [
      { fields: [] },
      { fields: [{ name: 'Value', type: 'number', values: ['x', NaN, Infinity, null], config: {} }] },
      { fields: [{ name: 'Time', type: 'time', values: [3, 1, 2], config: {} }] },
      null,
    ];
    renderPanel({ frames: garbage as never });
    expect(verdict()).toBeInTheDocument();
  });
});

describe('HealthPanel interaction', () => {
  it('sorts brokers by a clicked column, reachable by keyboard, and reflects it in aria-sort', () => {
    renderPanel({ frames: cluster((b) => [120, 80, 100][b]) });
    const rateButton = screen.getByRole('button', { name: 'Rate' });
    act(() => rateButton.focus());
    expect(rateButton).toHaveFocus();
    fireEvent.click(rateButton);
    expect(rateButton.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(brokerRows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      brokerName(0),
      brokerName(2),
      brokerName(1),
    ]);
    fireEvent.click(rateButton);
    expect(rateButton.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(within(brokerRows()[0]).getByRole('rowheader')).toHaveTextContent(brokerName(1));
  });

  it('highlights the broker row when its finding is clicked', () => {
    renderPanel({ frames: cluster((b) => (b === 1 ? 160 : 100)) });
    expect(rowFor(brokerName(1))).not.toHaveAttribute('aria-current');
    fireEvent.click(screen.getByRole('button', { name: brokerName(1) }));
    expect(rowFor(brokerName(1))).toHaveAttribute('aria-current', 'true');
    expect(rowFor(brokerName(0))).not.toHaveAttribute('aria-current');
  });

  it('takes the keyboard from a finding to its row, and back with Escape', () => {
    renderPanel({ frames: cluster((b) => (b === 1 ? 160 : 100)) });
    const subject = screen.getByRole('button', { name: brokerName(1) });
    subject.focus();
    fireEvent.click(subject);
    expect(document.activeElement).toBe(rowFor(brokerName(1)));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(subject);
    // Chosen again, the row takes the focus again.
    fireEvent.click(subject);
    expect(document.activeElement).toBe(rowFor(brokerName(1)));
  });

  it('highlights a topic row from a topic-skew finding, even outside the top N', () => {
    // topic-0 sits entirely on broker-0; the other topics are spread evenly and busier.
    const frames = cluster((b, t) => (t === 0 ? (b === 0 ? 200 : 0) : 100), 3, 4);
    const display = { ...DEFAULT_OPTIONS.display, topTopics: 1 };
    renderPanel({ frames, options: { ...DEFAULT_OPTIONS, display } });
    const skew = screen.getAllByTestId('finding').find((f) => f.textContent?.includes('topic-skew'))!;
    fireEvent.click(within(skew).getByRole('button', { name: topicName(0) }));
    const row = screen.getAllByTestId('topic-row').find((r) => r.textContent?.includes(topicName(0)))!;
    expect(row).toHaveAttribute('aria-current', 'true');
    expect(row).toHaveTextContent('Skewed');
  });

  it('turns a broker name into the data link of the field config', () => {
    const links = [{ title: 'Broker dashboard', url: '/d/broker?var-broker=${__value.text}' }];
    renderPanel({ frames: cluster(() => 100), fieldConfig: { defaults: { unit: 'mps', links }, overrides: [] } });
    const link = within(rowFor(brokerName(1))).getByRole('link');
    expect(link.getAttribute('href')).toContain(`var-broker=${brokerName(1)}`);
  });

  it('opens a menu of data links when there are several', () => {
    const links = [
      { title: 'Broker dashboard', url: '/d/broker?var-broker=${__value.text}' },
      { title: 'Broker overview', url: '/d/overview?var-instance=${__field.labels.instance}' },
    ];
    renderPanel({ frames: cluster(() => 100), fieldConfig: { defaults: { unit: 'mps', links }, overrides: [] } });
    const button = within(rowFor(brokerName(0))).getByRole('button', { name: brokerName(0) });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    fireEvent.click(button);
    const item = screen.getByRole('menuitem', { name: /Broker dashboard/ });
    expect(item.closest('a')?.getAttribute('href') ?? item.getAttribute('href')).toContain(
      `var-broker=${brokerName(0)}`
    );
  });
});

describe('HealthPanel with the other queries (bytes, idle, replication, consumer lag)', () => {
  const times = stepTimes(POINTS);
  const perBroker = (name: string, value: (b: number) => number, refId: string) =>
    [0, 1, 2].map((b) =>
      rangeFrame(
        { __name__: name, instance: brokerName(b) },
        times,
        times.map(() => value(b)),
        refId
      )
    );

  it('adds broker columns, the replication strip and consumer groups when those queries are present', () => {
    const frames = [
      ...cluster(() => 100),
      ...perBroker('kafka_server_brokertopicmetrics_bytesin_total', () => 0, 'B').map((f) => ({
        ...f,
        fields: [f.fields[0], { ...f.fields[1], values: times.map((_, k) => k * 15 * 400_000) }],
      })),
      ...perBroker(
        'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent',
        (b) => (b === 2 ? 0.2 : 0.8),
        'C'
      ),
      ...perBroker('kafka_server_replicamanager_underreplicatedpartitions', (b) => (b === 1 ? 3 : 0), 'D'),
      ...perBroker('kafka_controller_kafkacontroller_activecontrollercount', (b) => (b === 0 ? 1 : 0), 'E'),
      rangeFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: topicName(0), partition: '0' },
        times,
        times.map((_, k) => 5000 + 100 * k),
        'F'
      ),
      // A group that catches up a little, and one whose lag only jitters.
      rangeFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'reports', topic: topicName(0), partition: '0' },
        times,
        times.map((_, k) => 9000 - 30 * k),
        'F'
      ),
      rangeFrame(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'audit', topic: topicName(0), partition: '0' },
        times,
        times.map((_, k) => 40 + (k % 2)),
        'F'
      ),
    ];
    renderPanel({ frames, width: 1080 });
    const strip = screen.getByLabelText('Replication and controller');
    expect(within(strip).getByText('Under-replicated partitions').nextElementSibling).toHaveTextContent('3');
    expect(within(strip).getByText('Active controllers').nextElementSibling).toHaveTextContent('1');
    const table = screen.getByRole('table', { name: 'Brokers' });
    expect(within(table).getByRole('columnheader', { name: 'Bytes in' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Idle' })).toBeInTheDocument();
    expect(rowFor(brokerName(0))).toHaveTextContent('400 kB/s');
    expect(rowFor(brokerName(2))).toHaveTextContent('20%');
    const groups = screen.getByRole('table', { name: 'Consumer groups' });
    expect(within(groups).getByText('billing')).toBeInTheDocument();
    expect(within(groups).getByText('Falling behind')).toBeInTheDocument();
    // Growth with a real minus sign, and "steady" where the lag only jitters.
    const groupRow = (name: string) => within(groups).getByText(name).closest('tr')!;
    expect(groupRow('billing')).toHaveTextContent('+6.67/s');
    expect(groupRow('reports')).toHaveTextContent('−2/s');
    expect(groupRow('audit')).toHaveTextContent('steady');
    const checksShown = screen.getAllByTestId('finding').map((f) => f.textContent ?? '');
    expect(checksShown.join('\n')).toMatch(/under-replicated/);
    expect(checksShown.join('\n')).toMatch(/request-handlers/);
    expect(checksShown.join('\n')).toMatch(/consumer-lag/);
  });

  it('shows the average message size per topic when the bytes query keeps the topic', () => {
    const bytes = [0, 1, 2].map((b) =>
      rangeFrame(
        { instance: brokerName(b), topic: topicName(0) },
        times,
        times.map(() => 100 * 1500),
        'B'
      )
    );
    renderPanel({
      frames: [...cluster(() => 100), ...bytes],
      width: 1000,
      options: { ...DEFAULT_OPTIONS, labels: { ...DEFAULT_OPTIONS.labels, roles: { B: 'bytesIn' } } },
    });
    const topics = screen.getByRole('table', { name: 'Topics' });
    expect(within(topics).getByRole('columnheader', { name: 'Msg size' })).toBeInTheDocument();
    const row = screen.getAllByTestId('topic-row').find((r) => r.textContent?.includes(topicName(0)))!;
    expect(row).toHaveTextContent('1.50 kB');
  });

  it('lists three findings above the tables and the rest on request, all of them beside the tables when wide', () => {
    const frames = [
      ...cluster((b) => (b === 0 ? 160 : 100)),
      ...perBroker('kafka_server_replicamanager_underreplicatedpartitions', () => 2, 'E'),
    ];
    const { unmount } = renderPanel({ frames, width: 900, height: 800 });
    expect(screen.getAllByTestId('finding')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more' }));
    expect(screen.getAllByTestId('finding')).toHaveLength(4);
    unmount();
    renderPanel({ frames, width: 1400 });
    expect(screen.getAllByTestId('finding')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /more finding/ })).toBeNull();
  });

  it('keeps a short panel to two findings with their advice closed', () => {
    const frames = [
      ...cluster((b) => (b === 0 ? 160 : 100)),
      ...perBroker('kafka_server_replicamanager_underreplicatedpartitions', () => 2, 'E'),
    ];
    renderPanel({ frames, width: 900, height: 500 });
    expect(screen.getAllByTestId('finding')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Show 2 more' })).toBeInTheDocument();
    expect(document.querySelector('details[open]')).toBeNull();
  });

  it('hides the consumer groups when switched off', () => {
    const lag = rangeFrame(
      { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: topicName(0), partition: '0' },
      times,
      times.map((_, k) => 5000 + 100 * k),
      'F'
    );
    const display = { ...DEFAULT_OPTIONS.display, showConsumerGroups: false };
    renderPanel({ frames: [...cluster(() => 100), lag], width: 1000, options: { ...DEFAULT_OPTIONS, display } });
    expect(screen.queryByRole('table', { name: 'Consumer groups' })).toBeNull();
    // The finding stays: hiding a section never hides a problem.
    expect(
      screen
        .getAllByTestId('finding')
        .map((f) => f.textContent)
        .join()
    ).toMatch(/consumer-lag/);
  });

  it('shows none of it with only the messages-in query', () => {
    renderPanel({ frames: cluster(() => 100), width: 1000 });
    expect(screen.queryByLabelText('Replication and controller')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Consumer groups' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Bytes in' })).toBeNull();
  });
});

describe('a cluster of 10,000 brokers', () => {
  const frames = clusterFrames({ brokers: 10_000, topics: 1, points: 5, rate: (b) => 100 + (b % 13) });

  it('draws only the broker rows in view, and follows the scroll', () => {
    renderPanel({ frames, points: 5, height: 800 });
    expect(screen.getByText('Brokers (10000)')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Brokers' });
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const first = brokerRows();
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(60);
    expect(first[0]).toHaveAttribute('aria-rowindex', '2');

    // Scrolled half way: the rows there are drawn, the first ones are not.
    const scroller = screen.getByTestId('broker-scroller');
    act(() => {
      scroller.scrollTop = 5000 * 32;
      fireEvent.scroll(scroller);
    });
    const middle = brokerRows();
    expect(middle.length).toBeLessThan(60);
    const indexes = middle.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(4900);
    expect(Math.max(...indexes)).toBeLessThan(5100);
  });
});

describe('the small things', () => {
  it('a topic’s spread counts and draws only the brokers its traffic lands on', () => {
    // topic-0 lands on brokers 0–2 only; brokers 3–5 carry other topics.
    const frames = clusterFrames({
      brokers: 6,
      topics: 2,
      points: POINTS,
      rate: (b, t) => (t === 0 ? (b < 3 ? 50 : 0) : 50),
    });
    renderPanel({ frames });
    const row = screen.getAllByTestId('topic-row').find((r) => r.textContent?.includes(topicName(0)))!;
    expect(row).toHaveTextContent('· 3 brokers');
    const bar = row.querySelector<HTMLElement>('[data-segments]')!;
    expect(bar).toHaveAttribute('data-segments', '3');
    // Who carries what, on hover: the three brokers with their shares.
    fireEvent.mouseEnter(bar);
    expect(bar.title.split('\n')).toEqual([0, 1, 2].map((b) => `${brokerName(b)}: 33%`));
    const other = screen.getAllByTestId('topic-row').find((r) => r.textContent?.includes(topicName(1)))!;
    expect(other).toHaveTextContent('· 6 brokers');
  });

  it('a spread over many brokers names the first ten on hover and counts the rest', () => {
    renderPanel({ frames: clusterFrames({ brokers: 14, topics: 1, points: POINTS, rate: () => 50 }) });
    const bar = screen.getAllByTestId('topic-row')[0].querySelector<HTMLElement>('[data-segments]')!;
    expect(bar).toHaveAttribute('data-segments', '14');
    expect(bar).not.toHaveAttribute('title');
    fireEvent.mouseEnter(bar);
    const lines = bar.title.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 10)).toEqual(lines.slice(0, 10).map(() => expect.stringMatching(/^broker-\d+: 7%$/)));
    expect(lines[10]).toBe('4 more brokers: 29%');
  });

  it('rows are not tab stops: Tab goes through the controls, not 100 rows', () => {
    renderPanel({ frames: cluster((b) => 100 + b, 20, 3) });
    for (const row of [...brokerRows(), ...screen.getAllByTestId('topic-row')]) {
      expect(row).toHaveAttribute('tabindex', '-1');
    }
    // The sort buttons stay reachable.
    expect(screen.getByRole('button', { name: 'Rate' })).not.toHaveAttribute('tabindex', '-1');
  });
});

describe('HealthPanel tells an incident: one cause, its effects, since when', () => {
  const down = SCENARIOS.down();
  const props = {
    frames: down.frames,
    points: 120,
    queriedAt: down.to,
    timeRange: {
      from: dateTime(down.from),
      to: dateTime(down.to),
      raw: { from: dateTime(down.from), to: dateTime(down.to) },
    },
  };

  it('lists the down broker as the one finding, its effects folded into one line that opens to each', () => {
    renderPanel({ ...props, width: 900, height: 700 });
    expect(verdict()).toHaveTextContent('Broker kafka-3 is down: no data for 4 min, since');
    const findings = screen.getAllByTestId('finding');
    expect(findings).toHaveLength(1);
    const effects = within(findings[0]).getByTestId('effects');
    expect(effects.querySelector('summary')).toHaveTextContent(
      '+5 effects: under-replicated partitions on kafka-0, kafka-1, kafka-2, kafka-4, kafka-5'
    );
    // Each effect keeps its subject button, by the short name, the full one in its tooltip.
    const kafka0 = within(effects).getByRole('button', { name: 'kafka-0' });
    expect(kafka0).toHaveAttribute('title', 'Show broker kafka-0:7071');
  });

  it('shows no stale figure for the down broker, and why the others are not OK', () => {
    renderPanel({ ...props, width: 1600, height: 860 });
    const row = brokerRows().find((r) => r.dataset.rowName === 'kafka-3:7071')!;
    expect(row).toHaveTextContent('Down');
    expect(row).toHaveTextContent(/down since \d\d:\d\d:\d\d \(4 min\)/);
    expect(row).not.toHaveTextContent('msg/s');
    expect(rowFor('kafka-0')).toHaveTextContent('Under-replicated');
    // The cluster total leaves the silent broker out.
    expect(figure('Brokers')).toBe('5');
  });

  it('draws since when, who first; a row of the timeline selects its broker', () => {
    renderPanel({ ...props, width: 900, height: 700 });
    const rows = screen.getAllByTestId('timeline-row');
    expect(rows[0]).toHaveTextContent('kafka-3');
    const bar = within(rows[0]).getByRole('button');
    expect(bar).toHaveAccessibleName(/^kafka-3: Down \d\d:\d\d:\d\d–\d\d:\d\d:\d\d$/);
    fireEvent.click(bar);
    const row = brokerRows().find((r) => r.dataset.rowName === 'kafka-3:7071')!;
    expect(row).toHaveAttribute('aria-current', 'true');
  });

  it('gives the timeline’s room back on a short panel, and shows none when nothing was ever wrong', () => {
    const { unmount } = renderPanel({ ...props, width: 900, height: 300 });
    expect(screen.queryByRole('heading', { name: 'Since when' })).toBeNull();
    unmount();
    renderPanel({ frames: cluster(() => 100), width: 900, height: 700 });
    expect(screen.queryByRole('heading', { name: 'Since when' })).toBeNull();
    // …but a panel as tall with the incident has it.
    cleanup();
    renderPanel({ ...props, width: 900, height: 700 });
    expect(screen.getByRole('heading', { name: 'Since when' })).toBeInTheDocument();
  });
});

/** One gauge per broker, flat over the range. */
const gauge = (name: string, perBroker: number[], refId: string) =>
  perBroker.map((v, b) =>
    rangeFrame(
      { __name__: name, instance: brokerName(b) },
      stepTimes(POINTS),
      stepTimes(POINTS).map(() => v),
      refId
    )
  );

describe('HealthPanel says why a broker is hot', () => {
  it('shows leaders and replicas per broker, and the drift as the cause of the hot broker', () => {
    renderPanel({
      frames: [
        ...cluster((b) => (b === 0 ? 200 : 100)),
        ...gauge('kafka_server_replicamanager_leadercount', [20, 10, 10], 'M'),
        ...gauge('kafka_server_replicamanager_partitioncount', [30, 30, 30], 'N'),
        ...gauge('kafka_controller_kafkacontroller_preferredreplicaimbalancecount', [8], 'O'),
      ],
      width: 1600,
      height: 900,
    });
    const table = screen.getByRole('table', { name: 'Brokers' });
    expect(within(table).getByRole('columnheader', { name: 'Leaders' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Replicas' })).toBeInTheDocument();
    const first = screen.getAllByTestId('finding')[0];
    expect(first).toHaveTextContent('preferred-leader-imbalance');
    expect(within(first).getByTestId('effects').querySelector('summary')).toHaveTextContent(
      `traffic out of balance on ${brokerName(0)}; leaders skewed on ${brokerName(0)}`
    );
  });
});

describe('HealthPanel gives the commands to run, filled from the data', () => {
  it('a hot topic on even leaders: a plan to spread it, in a block to copy', () => {
    // Topic 0 lands only on broker 0; the other topics are even.
    renderPanel({
      frames: [
        ...cluster((b, t) => (t === 0 ? (b === 0 ? 400 : 0) : 50)),
        ...gauge('kafka_server_replicamanager_leadercount', [10, 10, 10], 'M'),
        ...gauge('kafka_server_replicamanager_partitioncount', [30, 30, 30], 'N'),
      ],
      width: 1600,
      height: 900,
    });
    const first = screen.getAllByTestId('finding')[0];
    expect(first).toHaveTextContent('Its leaders and replicas are even overall');
    const block = within(first).getByTestId('commands');
    const lines = block.querySelector('code')?.textContent?.split('\n');
    // A plan to spread the topic over every broker (ids read from broker-0…2), and a look at its partitions.
    expect(lines?.[0]).toBe(`echo '{"version":1,"topics":[{"topic":"${topicName(0)}"}]}' > topics-to-move.json`);
    expect(lines?.[1]).toContain('--broker-list "0,1,2" --generate');
    expect(lines?.at(-1)).toBe(`kafka-topics --bootstrap-server <broker:9092> --describe --topic ${topicName(0)}`);
    expect(within(block).getByRole('button', { name: /Copy/ })).toBeInTheDocument();
  });
});

describe('HealthPanel colours each alarm by its finding', () => {
  it('a group critical in time shows its status in the critical colour, a keeping-up one in none', () => {
    const s = SCENARIOS.slow();
    renderPanel({
      frames: s.frames,
      points: 120,
      queriedAt: s.to,
      timeRange: { from: dateTime(s.from), to: dateTime(s.to), raw: { from: dateTime(s.from), to: dateTime(s.to) } },
      width: 1600,
      height: 1400,
    });
    const rows = screen.getAllByTestId('group-row');
    const status = (name: string) =>
      within(rows.find((r) => r.textContent?.startsWith(name))!).getByText(/Behind|Keeping up/);
    const theme = createTheme();
    expect(status('billing').closest('span')!.style.color).toBe(toRgb(theme.colors.error.text));
    expect(status('analytics').closest('span')!.style.color).toBe('');
  });
});

/** How jsdom reports a CSS colour set inline. */
function toRgb(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  return probe.style.color;
}
