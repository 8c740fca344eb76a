/**
 * Broker, topic and group names in natural order (kafka-2 before kafka-10). One collator built
 * once: localeCompare with options builds one per call, which shows when sorting thousands.
 * A fixed locale keeps the report the same on every machine.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare;
