/**
 * Causes before effects: the findings grouped into incidents by what each check declares it
 * explains (`explains` in checks/<check>.ts). A broker that is down is one incident; the
 * under-replicated partitions the others report, its silence in the bytes and the imbalance among
 * the survivors are listed under it rather than as alarms of their own.
 */
import type { Finding, Incident, Severity } from './types';
import { ALL_CHECKS } from './checks/registry';

type Scope = 'cluster' | 'subject';

/** For each check, the checks whose findings can explain its findings, and how (registry order). */
const EXPLAINED_BY: ReadonlyMap<string, ReadonlyArray<{ cause: string; scope: Scope }>> = (() => {
  const out = new Map<string, Array<{ cause: string; scope: Scope }>>();
  for (const c of ALL_CHECKS) {
    for (const [effect, scope] of Object.entries(c.explains ?? {})) {
      const list = out.get(effect) ?? [];
      list.push({ cause: c.id, scope });
      out.set(effect, list);
    }
  }
  return out;
})();

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Findings by check and cluster, and by check, cluster and subject: first in report order wins. */
class FindingIndex {
  private readonly first = new Map<string, number>();
  constructor(private readonly findings: readonly Finding[]) {
    findings.forEach((f, i) => {
      for (const key of [FindingIndex.key(f.check, f.cluster), FindingIndex.key(f.check, f.cluster, f.subject)]) {
        if (!this.first.has(key)) {
          this.first.set(key, i);
        }
      }
    });
  }

  private static key(check: string, cluster: string | undefined, subject?: string): string {
    return subject === undefined
      ? `${check}\u0000${cluster ?? ''}`
      : `${check}\u0000${cluster ?? ''}\u0000\u0001${subject}`;
  }

  /**
   * The finding that directly explains the one at `i`: one about the same subject first (the down
   * broker's own bytes), else the first in report order.
   */
  causeOf(i: number): number | undefined {
    const f = this.findings[i];
    if (f.severity === 'info') {
      return undefined;
    }
    let sameSubject: number | undefined;
    let any: number | undefined;
    for (const { cause, scope } of EXPLAINED_BY.get(f.check) ?? []) {
      const own = f.subject === undefined ? undefined : this.first.get(FindingIndex.key(cause, f.cluster, f.subject));
      if (own !== undefined && own !== i && (sameSubject === undefined || own < sameSubject)) {
        sameSubject = own;
      }
      const first = scope === 'cluster' ? this.first.get(FindingIndex.key(cause, f.cluster)) : undefined;
      if (first !== undefined && first !== i && (any === undefined || first < any)) {
        any = first;
      }
    }
    return sameSubject ?? any;
  }
}

/**
 * The finding at the top of the chain of causes above the one at `i` (a down broker above the
 * imbalance above the bytes), or undefined when nothing explains it.
 */
function rootOf(i: number, index: FindingIndex, limit: number): number | undefined {
  let root: number | undefined;
  // Bounded: the registry test keeps the explains graph acyclic, so a chain is short.
  for (let current = i, hops = 0; hops < limit; hops++) {
    const next = index.causeOf(current);
    if (next === undefined || next === i) {
      break;
    }
    root = next;
    current = next;
  }
  return root;
}

/** The report's findings (in report order) as incidents, worst first, each finding in exactly one. */
export function incidentsOf(findings: readonly Finding[]): Incident[] {
  const byCause = new Map<Finding, Incident>();
  const order: Incident[] = [];
  const index = new FindingIndex(findings);
  const causeOf = findings.map((_, i) => rootOf(i, index, ALL_CHECKS.length));
  findings.forEach((f, i) => {
    if (causeOf[i] === undefined) {
      const incident: Incident = { cause: f, effects: [], severity: f.severity };
      byCause.set(f, incident);
      order.push(incident);
    }
  });
  findings.forEach((f, i) => {
    const cause = causeOf[i];
    const incident = cause === undefined ? undefined : byCause.get(findings[cause]);
    if (incident) {
      incident.effects.push(f);
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[incident.severity]) {
        incident.severity = f.severity;
      }
    }
  });
  // Stable: within a severity, incidents keep their causes' report order.
  return order
    .map((incident, position) => ({ incident, position }))
    .sort((a, b) => SEVERITY_RANK[a.incident.severity] - SEVERITY_RANK[b.incident.severity] || a.position - b.position)
    .map(({ incident }) => incident);
}
