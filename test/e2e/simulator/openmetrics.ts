/**
 * History for `promtool tsdb create-blocks-from openmetrics`: the samples Prometheus would have
 * scraped from every broker and controller, every `step` seconds, with the labels its scrape
 * config attaches (`instance` = node name, `job`). OpenMetrics wants each family contiguous, `# EOF` last.
 */
import { BROKERS, CONTROLLERS, Counters } from './model';
import { brokerFamilies, controllerFamilies, javaDouble, lagFamilies } from './exposition';

/** The demo's scrape job of the controllers (provisioning/prometheus/prometheus.yml). */
export const CONTROLLER_JOB = 'kafka-controller';

export function historyOpenMetrics(
  counters: Counters,
  job: string,
  from: number,
  to: number,
  step: number,
  anchor: number
): string {
  // family name → series key → lines
  const families = new Map<string, { type: string; lines: string[] }>();
  for (let t = from; t <= to; t += step) {
    const targets: Array<{ instance: string; job: string; families: ReturnType<typeof brokerFamilies> }> =
      BROKERS.filter((b) => counters.scenario.up(b, t)).map((broker) => ({
        instance: broker,
        job,
        families: brokerFamilies(counters, broker, t),
      }));
    for (const controller of CONTROLLERS) {
      targets.push({
        instance: controller,
        job: CONTROLLER_JOB,
        families: controllerFamilies(counters, controller, t),
      });
    }
    targets.push({ instance: 'kafka-exporter', job: 'kafka-exporter', families: lagFamilies(counters, t) });
    for (const target of targets) {
      for (const f of target.families) {
        // OpenMetrics names a counter family without `_total`; its samples keep it.
        const familyName = f.type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
        let family = families.get(familyName);
        if (!family) {
          family = { type: f.type, lines: [] };
          families.set(familyName, family);
        }
        for (const s of f.samples) {
          const labels = Object.entries({ ...s.labels, instance: target.instance, job: target.job })
            .map(([k, v]) => `${k}="${v}"`)
            .join(',');
          family.lines.push(`${f.name}{${labels}} ${javaDouble(s.value)} ${anchor + t}`);
        }
      }
    }
  }
  const out: string[] = [];
  for (const [name, family] of families) {
    out.push(`# TYPE ${name} ${family.type}`);
    // Each series' samples in time order: sort by series, stable in time.
    const bySeries = new Map<string, string[]>();
    for (const line of family.lines) {
      const key = line.slice(0, line.lastIndexOf('}') + 1);
      (bySeries.get(key) ?? bySeries.set(key, []).get(key)!).push(line);
    }
    for (const lines of bySeries.values()) {
      out.push(...lines);
    }
  }
  out.push('# EOF');
  return out.join('\n') + '\n';
}
