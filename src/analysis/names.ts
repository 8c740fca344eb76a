/**
 * Natural order by the collator: one built once (localeCompare with options builds one per call,
 * which shows when sorting thousands). A fixed locale keeps the report the same on every machine.
 */
const collate: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Broker, topic and group names in natural order (kafka-2 before kafka-10), as the collator
 * orders them. Names that differ only in a trailing number (kafka-7, kafka-12) are compared here:
 * the collator's call costs a microsecond or so, and sorting a thousand brokers makes ten
 * thousand of them. With the same text before it, the collator orders such names by the number;
 * without leading zeros the longer run of digits is the larger number, and runs of one length
 * order as texts do.
 */
export function compareNames(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  let p = 0;
  const shorter = Math.min(a.length, b.length);
  while (p < shorter && a.charCodeAt(p) === b.charCodeAt(p)) {
    p++;
  }
  // Back to where the run of digits the names differ in starts.
  while (p > 0 && isDigit(a.charCodeAt(p - 1))) {
    p--;
  }
  if (!trailingNumber(a, p) || !trailingNumber(b, p)) {
    return collate(a, b);
  }
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
}

/** Whether `name` from `from` on is a run of ASCII digits without a leading zero. */
function trailingNumber(name: string, from: number): boolean {
  if (from >= name.length || (name.charCodeAt(from) === 48 && name.length - from > 1)) {
    return false;
  }
  for (let i = from; i < name.length; i++) {
    if (!isDigit(name.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/;

/** Where a name may be cut: before a dot (a domain) or a colon (a port). */
function cutsAt(name: string, at: number): boolean {
  return at > 0 && (name[at] === '.' || name[at] === ':');
}

/**
 * Short names for brokers whose instance labels repeat the same domain or port
 * (`kafka-3.kafka-headless.prod.svc.cluster.local:7071` → `kafka-3`): the longest ending all of
 * them share, cut at a dot or a colon, is dropped consistently. IP addresses keep their host part
 * (only a shared port goes). A name that would become empty or ambiguous keeps its full form.
 * Returns only the names that change.
 */
export function shortNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const unique = Array.from(new Set(names));
  if (unique.length === 0) {
    return out;
  }
  let common = unique[0];
  for (const name of unique) {
    let k = 0;
    while (k < common.length && k < name.length && common[common.length - 1 - k] === name[name.length - 1 - k]) {
      k++;
    }
    common = common.slice(common.length - k);
  }
  const ip = unique.some((n) => IPV4.test(n));
  // The longest shared ending that starts at a cut in every name; an IP keeps everything before its port.
  let drop = 0;
  for (let len = common.length; len > 0; len--) {
    const startsAtCut = unique.every((n) => cutsAt(n, n.length - len));
    if (startsAtCut && (!ip || common[common.length - len] === ':')) {
      drop = len;
      break;
    }
  }
  // A single name: its own domain and port (its first label is the host), unless it is an address.
  if (unique.length === 1 && !ip) {
    const first = unique[0].search(/[.:]/);
    drop = first > 0 ? unique[0].length - first : 0;
  }
  if (drop === 0) {
    return out;
  }
  const shortened = unique.map((n) => n.slice(0, n.length - drop));
  if (new Set(shortened).size !== unique.length) {
    return out;
  }
  unique.forEach((n, i) => out.set(n, shortened[i]));
  return out;
}
