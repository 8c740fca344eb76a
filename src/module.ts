import { PanelPlugin } from '@grafana/data';
import { HealthPanel } from './components/HealthPanel';
import { PanelOptions } from './types';

export const plugin = new PanelPlugin<PanelOptions>(HealthPanel);
