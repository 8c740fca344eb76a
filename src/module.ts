import { initPluginTranslations } from '@grafana/i18n';
import { PLUGIN_ID } from './i18n';

// Grafana 12.1+ loads src/locales/<language> itself (plugin.json `languages`); this binds t() to
// them before the panel first renders.
await initPluginTranslations(PLUGIN_ID);

export { plugin } from './plugin';
