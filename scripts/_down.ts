import { analyze } from '../src/analysis';
import { SCENARIOS } from '../test/browser/host/scenarios';
const s = SCENARIOS[process.argv[2] ?? 'down']();
const r = analyze(s.frames, { now: s.to } as any);
console.log(r.verdict);
for (const f of r.findings) console.log(f.severity, f.check, f.subject ?? '', '|', f.message);
for (const b of r.brokers) console.log(b.name, b.status, b.rate.toFixed(0), b.underReplicated, b.bytesIn);
console.log(r.cluster.totalRate, r.cluster.avgPerBroker, r.cluster.brokerCount);
for (const i of r.incidents) console.log('INCIDENT', i.severity, i.cause.check, i.cause.subject, '<=', i.effects.map((e) => `${e.check}:${e.subject ?? ''}`).join(' '));
