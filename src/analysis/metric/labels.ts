import type { Labels } from '../read/decodeFrame';

/** Broker identity labels, most specific first (Strimzi/k8s relabeling, then the scrape target). */
export const BROKER_LABEL_CANDIDATES = ['broker_id', 'broker', 'kubernetes_pod_name', 'pod', 'instance', 'host'];
export const TOPIC_LABEL_CANDIDATES = ['topic', 'redpanda_topic'];

export interface LabelChoice {
  /** The label used, or undefined when none of the candidates is present. */
  label?: string;
  /** The option named a label that no series carries; auto-detection was used instead. */
  requestedButAbsent?: string;
}

/**
 * Picks the label to read. An explicit option wins when any series carries it; otherwise the
 * first candidate present on any series.
 */
export function chooseLabel(labelSets: Labels[], option: string, candidates: string[]): LabelChoice {
  const present = new Set<string>();
  for (const labels of labelSets) {
    for (const key of Object.keys(labels)) {
      present.add(key);
    }
  }
  if (option !== 'auto') {
    if (present.has(option)) {
      return { label: option };
    }
    return { label: candidates.find((c) => present.has(c)), requestedButAbsent: option };
  }
  return { label: candidates.find((c) => present.has(c)) };
}
