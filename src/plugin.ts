import { PanelPlugin } from '@grafana/data';
import { HealthPanel } from './components/HealthPanel';
import { buildPanelOptions, fieldConfigOptions, panelMigrationHandler, PanelOptions, shouldMigrate } from './options';

/** The panel plugin: the component, its options, and the migration of saved options. */
export const plugin = new PanelPlugin<PanelOptions>(HealthPanel)
  .setPanelOptions(buildPanelOptions)
  .useFieldConfig(fieldConfigOptions)
  .setMigrationHandler(panelMigrationHandler, shouldMigrate);
