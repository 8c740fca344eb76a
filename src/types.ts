import type { HealthOptionsInput } from './analysis';

/** Saved panel options. The analysis options are stored as-is so the core reads them directly. */
export interface PanelOptions {
  analysis: HealthOptionsInput;
}
