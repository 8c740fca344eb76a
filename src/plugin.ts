import { PanelPlugin, VisualizationSuggestionsSupplier } from '@grafana/data';
import { HealthPanel } from './components/HealthPanel';
import { suggestionsSupplier } from './suggestions';
import { buildPanelOptions, fieldConfigOptions, panelMigrationHandler, PanelOptions, shouldMigrate } from './options';

/** The panel plugin: the component, its options, the migration of saved options, and its suggestion. */
export const plugin = new PanelPlugin<PanelOptions>(HealthPanel)
  .setPanelOptions(buildPanelOptions)
  .useFieldConfig(fieldConfigOptions)
  .setMigrationHandler(panelMigrationHandler, shouldMigrate)
  // As the function Grafana 12.4+ calls (it also answers the builder of earlier versions).
  .setSuggestionsSupplier(suggestionsSupplier as VisualizationSuggestionsSupplier<PanelOptions>);
