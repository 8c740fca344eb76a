/**
 * A topic's spread over brokers as one bar: a CSS gradient with a hard-edged band per broker,
 * rather than an element per broker. Twenty rows of thirty brokers were six hundred elements to
 * style, lay out and paint on every refresh, for slivers a few pixels wide.
 */

export interface SpreadBand {
  /** Fraction of the topic's traffic, 0–1. */
  share: number;
  color: string;
}

/** Two decimals of a percent: a band edge to a hundredth of a pixel on any panel. */
const edge = (fraction: number) => `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(2)}%`;

/**
 * `linear-gradient(to right, c1 0% a%, c2 a% b%, …, transparent z% 100%)`: each band from where the
 * one before ends, the rest of the track left clear. `none` when no band has a share.
 */
export function spreadGradient(bands: readonly SpreadBand[]): string {
  const stops: string[] = [];
  let at = 0;
  for (const band of bands) {
    if (!(band.share > 0)) {
      continue;
    }
    const end = at + band.share;
    stops.push(`${band.color} ${edge(at)} ${edge(end)}`);
    at = end;
  }
  if (stops.length === 0) {
    return 'none';
  }
  if (at < 1) {
    stops.push(`transparent ${edge(at)} 100%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
