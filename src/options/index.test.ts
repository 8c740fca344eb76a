import { PanelOptionsEditorBuilder, FieldConfigProperty } from '@grafana/data';
import { plugin } from '../plugin';
import { registerStandardEditors } from '../testkit/optionsRegistry';
import { buildPanelOptions, DEFAULT_OPTIONS, PanelOptions } from './index';

registerStandardEditors();

function items() {
  const builder = new PanelOptionsEditorBuilder<PanelOptions>();
  buildPanelOptions(builder);
  return builder.getItems();
}

const get = (obj: unknown, path: string) =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);

describe('panel options', () => {
  it('groups every option in a category with a name', () => {
    const categories = new Set(items().map((i) => i.category?.[0]));
    expect(categories).toEqual(new Set(['Thresholds', 'Labels and metric', 'Display']));
    for (const item of items()) {
      expect(item.name).toBeTruthy();
    }
  });

  it('exposes every threshold of the analysis with the panel default', () => {
    const thresholdPaths = items()
      .filter((i) => i.category?.[0] === 'Thresholds')
      .map((i) => i.path)
      .sort();
    const expected = Object.keys(DEFAULT_OPTIONS.thresholds)
      .map((k) => `thresholds.${k}`)
      .sort();
    expect(thresholdPaths).toEqual(expected);
    for (const item of items()) {
      expect(item.defaultValue).toEqual(get(DEFAULT_OPTIONS, item.path));
    }
  });

  it('offers unit, decimals and links from the standard options and nothing else', () => {
    const config = plugin.fieldConfigRegistry;
    const standard = [FieldConfigProperty.Unit, FieldConfigProperty.Decimals, FieldConfigProperty.Links];
    for (const id of standard) {
      expect(config.getIfExists(id)).toBeDefined();
    }
    for (const id of [FieldConfigProperty.Thresholds, FieldConfigProperty.Mappings, FieldConfigProperty.Color]) {
      expect(config.getIfExists(id)).toBeUndefined();
    }
    expect(plugin.fieldConfigDefaults.defaults.unit).toBe('mps');
  });
});
