import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ALL_DECLARATIONS, defaultThresholds, readersOf, resolveThresholds, THRESHOLDS } from './thresholds';
import { DEFAULT_HEALTH_OPTIONS, resolveOptions } from './options';
import { CHECKS } from './checks/registry';
import { analyze } from './analyze';

const REPO = join(__dirname, '../..');
/** The documentation: the README and docs/. */
const README = [
  readFileSync(join(REPO, 'README.md'), 'utf8'),
  ...readdirSync(join(REPO, 'docs')).map((f) => readFileSync(join(REPO, 'docs', f), 'utf8')),
].join('\n');

describe('threshold declarations', () => {
  it.each(ALL_DECLARATIONS)(
    '%s is complete: label, description, a default of its kind, the checks that read it',
    (key, d) => {
      expect(d.label).toBeTruthy();
      expect(d.description.length).toBeGreaterThan(20);
      expect(readersOf(key).length).toBeGreaterThan(0);
      if (d.kind === 'single') {
        expect(typeof d.default).toBe('number');
      } else {
        const { warning, critical } = d.default;
        // A ceiling fires above its levels (warning below critical), a floor below them.
        if (warning > 0 && critical > 0) {
          expect(d.kind === 'ceiling' ? warning < critical : warning > critical).toBe(true);
        }
      }
      // The README's options table names every one.
      expect(README).toContain(d.label);
    }
  );

  it('are the defaults of the core', () => {
    expect(DEFAULT_HEALTH_OPTIONS.thresholds).toEqual(defaultThresholds());
    expect(Object.keys(DEFAULT_HEALTH_OPTIONS.thresholds)).toEqual(Object.keys(THRESHOLDS));
    // Fresh copies: nobody can change the defaults through one.
    const mine = defaultThresholds();
    mine.imbalance.warning = 9;
    expect(defaultThresholds().imbalance.warning).toBe(0.25);
  });

  it('validate what callers pass: wrong types and signs fall back level by level', () => {
    const t = resolveThresholds({
      imbalance: { warning: 0.3, critical: 'high' },
      spikeFactor: -2,
      topicSkew: 0.7,
      drop: null,
    });
    expect(t.imbalance).toEqual({ warning: 0.3, critical: 0.5 });
    expect(t.spikeFactor).toBe(3);
    expect(t.topicSkew).toBe(0.7);
    expect(t.drop).toEqual({ warning: 0.5, critical: 0.9 });
    // A window must not be empty: 0 minutes is not a window.
    expect(resolveOptions({ recentMinutes: 0, shiftMinutes: 45 })).toMatchObject({
      recentMinutes: 5,
      shiftMinutes: 45,
    });
  });
});

describe('the check registry', () => {
  it('names every check once, and the README documents each', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect({ id, documented: README.includes(`\`${id}\``) }).toEqual({ id, documented: true });
    }
  });

  it('gathers each threshold from the checks that declare it: a shared key is one declaration', () => {
    const seen = new Map<string, unknown>();
    for (const check of CHECKS) {
      for (const [key, d] of Object.entries(check.thresholds)) {
        // Two checks sharing a key import the one declaration; two different ones would fight.
        expect({ key, same: !seen.has(key) || seen.get(key) === d }).toEqual({ key, same: true });
        seen.set(key, d);
      }
    }
    expect(Object.keys(THRESHOLDS)).toEqual(Array.from(seen.keys()));
    expect(readersOf('imbalance')).toEqual(['imbalance', 'bytes-imbalance']);
    expect(readersOf('minRate')).toEqual(expect.arrayContaining(['drop', 'spike', 'broker-stalled', 'imbalance']));
  });
});

describe('finding units', () => {
  it('every finding with a figure says how it reads, as its check declares', () => {
    const times = Array.from({ length: 60 }, (_, i) => 1_700_000_000_000 + i * 15_000);
    const frame = (instance: string, values: Array<number | null>) => ({
      refId: 'A',
      fields: [
        { name: 'Time', type: 'time', config: { interval: 15_000 }, values: times },
        { name: 'Value', type: 'number', labels: { instance, topic: 'orders' }, config: {}, values },
      ],
      length: times.length,
    });
    const r = analyze([
      frame(
        'b1',
        times.map(() => 300)
      ),
      frame(
        'b2',
        times.map(() => 100)
      ),
      frame(
        'b3',
        times.map((_, i) => (i > 40 ? null : 100))
      ),
    ]);
    const withFigures = r.findings.filter((f) => f.value !== undefined);
    expect(withFigures.map((f) => f.check).sort()).toEqual(['broker-missing', 'imbalance']);
    const declared = new Map<string, string | undefined>(CHECKS.map((c) => [c.id, 'unit' in c ? c.unit : undefined]));
    for (const f of withFigures) {
      expect({ check: f.check, unit: f.unit }).toEqual({ check: f.check, unit: declared.get(f.check) });
    }
    expect(r.findings.find((f) => f.check === 'broker-missing')!.unit).toBe('duration');
  });
});
