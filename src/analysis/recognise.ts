/**
 * Whether data looks like Kafka broker metrics, cheaply (for Grafana's visualization suggestions,
 * which ask on every data change): a known metric name in a field, its labels or the query text,
 * or series that name a topic and a broker. Looks at a bounded number of fields.
 */
import { classifyMetric } from './metric/metricNames';
import { BROKER_LABEL_CANDIDATES, TOPIC_LABEL_CANDIDATES } from './metric/labels';
import { roleOfName, roleOfQuery } from './signals/roles';

/** Fields looked at, at most: a suggestion needs a glance, not a scan of 100k series. */
const MAX_FIELDS = 500;

export interface KafkaDataGlance {
  /** A messages-in series by its name (or query text). */
  messagesIn: boolean;
  /** Any known Kafka broker metric (bytes, handlers, replication, controller, lag, messages in). */
  kafkaMetric: boolean;
  /** Series labelled with a topic and a broker. */
  brokerAndTopic: boolean;
}

interface FieldGlance {
  name?: unknown;
  labels?: unknown;
  config?: { displayNameFromDS?: unknown };
}

interface FrameGlance {
  name?: unknown;
  fields?: unknown;
  meta?: { executedQueryString?: unknown };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function metricNameOf(field: FieldGlance): string {
  const labels = isRecord(field.labels) ? field.labels : {};
  const name = typeof labels.__name__ === 'string' ? labels.__name__ : typeof field.name === 'string' ? field.name : '';
  return name === 'Value' ? '' : name;
}

export function glanceAtKafkaData(frames: readonly unknown[] | undefined): KafkaDataGlance {
  const out: KafkaDataGlance = { messagesIn: false, kafkaMetric: false, brokerAndTopic: false };
  let seen = 0;
  for (const frame of frames ?? []) {
    if (!isRecord(frame)) {
      continue;
    }
    const f = frame as FrameGlance;
    const query = typeof f.meta?.executedQueryString === 'string' ? f.meta.executedQueryString : '';
    if (query) {
      const role = roleOfQuery(query);
      out.kafkaMetric ||= role !== undefined;
      out.messagesIn ||= role === 'messagesIn';
    }
    for (const field of Array.isArray(f.fields) ? (f.fields as FieldGlance[]) : []) {
      if (++seen > MAX_FIELDS) {
        return out;
      }
      if (!isRecord(field)) {
        continue;
      }
      const name = metricNameOf(field);
      if (name) {
        const messagesIn = classifyMetric(name, '').messagesIn;
        out.messagesIn ||= messagesIn;
        out.kafkaMetric ||= messagesIn || roleOfName(name) !== undefined;
      }
      const labels = isRecord(field.labels) ? Object.keys(field.labels) : [];
      out.brokerAndTopic ||=
        labels.some((l) => TOPIC_LABEL_CANDIDATES.includes(l)) &&
        labels.some((l) => BROKER_LABEL_CANDIDATES.includes(l));
    }
  }
  return out;
}
