import { readFileSync } from 'fs';
import { join } from 'path';
import type { PanelModel } from '@grafana/data';
import { plugin } from '../plugin';
import { DEFAULT_OPTIONS } from './defaults';
import { migrateOptions, shouldMigrate } from './migrate';
import { toAnalysisOptions } from './toAnalysisOptions';
import { OPTIONS_VERSION, PanelOptions } from './types';

const fixture = (name: string): PanelModel =>
  JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/options', name), 'utf8'));

describe('saved options migration', () => {
  it('is wired into the plugin', () => {
    expect(plugin.onPanelMigration).toBeDefined();
    expect(plugin.shouldMigrate).toBeDefined();
  });

  it('brings a panel saved by 0.1.0 to the current version, keeping every setting', () => {
    const panel = fixture('panel-v0.1.0.json');
    expect(plugin.shouldMigrate!(panel)).toBe(true);
    const options = plugin.onPanelMigration!(panel) as PanelOptions;
    expect(options.version).toBe(OPTIONS_VERSION);
    expect(options.labels).toEqual({
      broker: 'pod',
      topic: 'auto',
      metricName: '',
      rateReducer: 'mean',
      roles: {},
      cluster: 'auto',
    });
    expect(options.thresholds.minRate).toBe(5);
    // Partial pairs are completed from the defaults; untouched thresholds keep theirs.
    expect(options.thresholds.imbalance).toEqual({
      warning: 0.3,
      critical: DEFAULT_OPTIONS.thresholds.imbalance.critical,
    });
    expect(options.thresholds.drop).toEqual({ warning: 0.4, critical: 0.8 });
    expect(options.thresholds.spikeFactor).toBe(4);
    expect(options.thresholds.topicSkew).toBe(DEFAULT_OPTIONS.thresholds.topicSkew);
    expect(options.display).toEqual(DEFAULT_OPTIONS.display);
    // Migrating again changes nothing, and Grafana is told not to.
    expect(migrateOptions(options)).toEqual(options);
    expect(shouldMigrate({ ...panel, options } as PanelModel)).toBe(false);
  });

  it('fills sections missing from a current-version save and never applies invalid values', () => {
    const panel = fixture('panel-v1-partial.json');
    const options = migrateOptions(panel.options);
    expect(options.display).toEqual(DEFAULT_OPTIONS.display);
    expect(options.labels.broker).toBe('instance');
    expect(options.labels.topic).toBe('auto');
    expect(options.thresholds.brokerOverload).toEqual({ warning: 20000, critical: 50000 });
    const analysis = toAnalysisOptions(options);
    expect(analysis.thresholds?.imbalance).toEqual(DEFAULT_OPTIONS.thresholds.imbalance);
    expect(analysis.thresholds?.spikeFactor).toBe(DEFAULT_OPTIONS.thresholds.spikeFactor);
    expect(analysis.thresholds?.brokerOverload).toEqual({ warning: 20000, critical: 50000 });
    expect(analysis.brokerLabel).toBe('instance');
  });

  it('hands the windows and the cluster label to the analysis, defaults for panels saved before them', () => {
    const saved = migrateOptions({ version: 1, thresholds: { recentMinutes: 10 }, labels: { cluster: 'env' } });
    expect(saved.thresholds.shiftMinutes).toBe(30);
    const analysis = toAnalysisOptions(saved);
    expect([analysis.recentMinutes, analysis.shiftMinutes, analysis.clusterLabel]).toEqual([10, 30, 'env']);
    const broken = toAnalysisOptions(
      migrateOptions({ version: 1, thresholds: { recentMinutes: 'soon', shiftMinutes: -5 }, labels: { cluster: 7 } })
    );
    expect([broken.recentMinutes, broken.shiftMinutes, broken.clusterLabel]).toEqual([5, 30, 'auto']);
  });

  it('gives a new panel (no options at all) the defaults', () => {
    expect(migrateOptions(undefined)).toEqual(DEFAULT_OPTIONS);
    expect(migrateOptions({})).toEqual(DEFAULT_OPTIONS);
    expect(migrateOptions('garbage')).toEqual(DEFAULT_OPTIONS);
  });

  it('does not let a section of the wrong type through', () => {
    const options = migrateOptions({ version: 1, thresholds: [1, 2], labels: 'pod', display: null });
    expect(options).toEqual(DEFAULT_OPTIONS);
  });
});
