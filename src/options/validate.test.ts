import fc from 'fast-check';
import { LEVEL_KINDS, levelsError, numberError } from './validate';

describe('threshold validation', () => {
  it('wants warning below critical for a ceiling and above it for a floor', () => {
    expect(levelsError({ warning: 0.25, critical: 0.5 }, 'ceiling')).toBeUndefined();
    expect(levelsError({ warning: 0.5, critical: 0.25 }, 'ceiling')).toMatch(/below critical/);
    expect(levelsError({ warning: 0.5, critical: 0.5 }, 'ceiling')).toMatch(/below critical/);
    expect(levelsError({ warning: 100, critical: 10 }, 'floor')).toBeUndefined();
    expect(levelsError({ warning: 10, critical: 100 }, 'floor')).toMatch(/above critical/);
  });

  it('lets 0 switch off either level without an order conflict', () => {
    expect(levelsError({ warning: 0, critical: 5 }, 'floor')).toBeUndefined();
    expect(levelsError({ warning: 5, critical: 0 }, 'ceiling')).toBeUndefined();
  });

  it('rejects negatives, non-numbers and missing levels', () => {
    expect(levelsError({ warning: -1, critical: 5 }, 'ceiling')).toMatch(/negative/);
    expect(levelsError({ warning: NaN, critical: 5 }, 'ceiling')).toMatch(/number/);
    expect(levelsError({ warning: 1 }, 'ceiling')).toMatch(/Critical must be a number/);
    expect(levelsError(undefined, 'floor')).toBeDefined();
    expect(numberError('3')).toBeDefined();
    expect(numberError(-0.5)).toMatch(/negative/);
    expect(numberError(Infinity)).toBeDefined();
    expect(numberError(0)).toBeUndefined();
  });

  it('accepts exactly the ordered non-negative pairs (property)', () => {
    const level = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(level, level, fc.constantFrom('ceiling' as const, 'floor' as const), (warning, critical, kind) => {
        const ok = warning === 0 || critical === 0 || (kind === 'ceiling' ? warning < critical : warning > critical);
        expect(levelsError({ warning, critical }, kind) === undefined).toBe(ok);
      })
    );
  });

  it('knows the direction of every levelled threshold', () => {
    expect(LEVEL_KINDS).toEqual({
      imbalance: 'ceiling',
      brokerOverload: 'ceiling',
      drop: 'ceiling',
      lowThroughput: 'floor',
      requestHandlerIdle: 'floor',
      networkProcessorIdle: 'floor',
      partitionSkew: 'ceiling',
      requestLatencyFactor: 'ceiling',
      produceLatencyMs: 'ceiling',
      consumerLagSeconds: 'ceiling',
      storageSkew: 'ceiling',
      diskUsage: 'ceiling',
    });
  });
});
