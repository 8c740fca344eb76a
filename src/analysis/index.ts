/**
 * Kafka broker health analysis: Grafana frames in, health report out.
 * Plain TypeScript with type-only imports from @grafana/data, so it also runs in Node.
 */
export { analyze } from './analyze';
export { DEFAULT_HEALTH_OPTIONS, resolveOptions } from './options';
export { recommendedQuery, DEFAULT_MESSAGES_IN_METRIC } from './promql';
export { isMetricRole, METRIC_ROLES } from './signals/roles';
export { compareNames } from './names';
export { formatDuration, withSign, type DurationUnits } from './format';
export { glanceAtKafkaData } from './recognise';
export type { KafkaDataGlance } from './recognise';
export { CHECKS } from './checks/registry';
export { STATUS_RANK } from './checks/context';
export { effectsLine, EFFECT_PHRASES, formatParams, SENTENCES, templatesOf } from './messages';
export type { MessageKey, ParamKind, Params } from './messages';
export { ALL_DECLARATIONS, defaultThresholds, SHARED_SETTINGS, THRESHOLDS } from './thresholds';
export type { SharedSettingKey, SharedSettings, ThresholdDeclaration, ThresholdKey, ThresholdKind } from './thresholds';
export type * from './types';
