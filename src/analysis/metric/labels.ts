import { inheritedName, type Labels } from '../read/decodeFrame';

/** Broker identity labels, most specific first (Strimzi/k8s relabeling, then the scrape target). */
export const BROKER_LABEL_CANDIDATES = ['broker_id', 'broker', 'kubernetes_pod_name', 'pod', 'instance', 'host'];
export const TOPIC_LABEL_CANDIDATES = ['topic', 'redpanda_topic'];

export interface LabelChoice {
  /** The label used, or undefined when none of the candidates is present. */
  label?: string;
  /** The option named a label that no series carries; auto-detection was used instead. */
  requestedButAbsent?: string;
}

/** Every label name any of the series carries: read once, then asked for each label to choose. */
export function labelNames(series: Iterable<{ labels: Labels }>): Set<string> {
  const present = new Set<string>();
  for (const s of series) {
    addLabelNames(present, s.labels);
  }
  return present;
}

/** Adds one label set's names to `present` (for passes that read the series for more than that). */
export function addLabelNames(present: Set<string>, labels: Labels): void {
  for (const key in labels) {
    present.add(key);
  }
}

/**
 * Picks the label to read. An explicit option wins when any series carries it; otherwise the
 * first candidate present on any series.
 */
export function chooseLabel(present: ReadonlySet<string>, option: string, candidates: string[]): LabelChoice {
  if (option !== 'auto') {
    if (usableLabel(present, option)) {
      return { label: option };
    }
    return { label: candidates.find((c) => usableLabel(present, c)), requestedButAbsent: option };
  }
  return { label: candidates.find((c) => usableLabel(present, c)) };
}

/**
 * A label some series carries, and one that can be read: never a name every object inherits
 * (`constructor`, `__proto__`, …), which a label set that is the frame's own object would answer
 * with something that is not a label.
 */
export function usableLabel(present: ReadonlySet<string>, name: string): boolean {
  return present.has(name) && !inheritedName(name);
}
