import { DEFAULT_HEALTH_OPTIONS, resolveOptions } from './options';

describe('resolveOptions', () => {
  it('returns the defaults for nothing', () => {
    expect(resolveOptions()).toEqual({ ...DEFAULT_HEALTH_OPTIONS, timeRange: undefined });
    expect(resolveOptions(null)).toEqual(resolveOptions({}));
  });

  it('deep-merges nested thresholds', () => {
    const o = resolveOptions({ thresholds: { imbalance: { warning: 0.1 }, drop: { critical: 0.8 } } });
    expect(o.thresholds.imbalance).toEqual({ warning: 0.1, critical: 0.5 });
    expect(o.thresholds.drop).toEqual({ warning: 0.5, critical: 0.8 });
    expect(o.thresholds.spikeFactor).toBe(3);
  });

  it('falls back to the default for invalid values from saved dashboards', () => {
    const o = resolveOptions({
      minRate: -1,
      rateReducer: 'median' as never,
      brokerLabel: '  ',
      thresholds: { imbalance: { warning: NaN, critical: '0.7' as never }, topicSkew: Infinity },
      timeRange: { from: 10, to: 5 },
    });
    expect(o.minRate).toBe(1);
    expect(o.rateReducer).toBe('last');
    expect(o.brokerLabel).toBe('auto');
    expect(o.thresholds.imbalance).toEqual({ warning: 0.25, critical: 0.5 });
    expect(o.thresholds.topicSkew).toBe(0.8);
    expect(o.timeRange).toBeUndefined();
  });

  it('keeps explicit zeros: 0 disables a check', () => {
    expect(resolveOptions({ thresholds: { imbalance: { warning: 0, critical: 0 } } }).thresholds.imbalance).toEqual({
      warning: 0,
      critical: 0,
    });
  });

  it('never mutates the defaults', () => {
    const o = resolveOptions();
    o.thresholds.imbalance.warning = 9;
    expect(DEFAULT_HEALTH_OPTIONS.thresholds.imbalance.warning).toBe(0.25);
  });
});
