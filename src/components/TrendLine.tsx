import React from 'react';
import { useTheme2 } from '@grafana/ui';
import { t } from '../i18n';

interface Props {
  values: Array<number | null>;
  width: number;
  height: number;
  /** Index where the recent window starts; shaded so baseline and recent read apart. */
  recentStart?: number;
  label: string;
}

/**
 * A sparkline as one SVG path. A uPlot instance per row (the Sparkline of @grafana/ui) costs too
 * much with hundreds of brokers; a path with gaps where the broker reported nothing does not.
 */
export function TrendLine({ values, width, height, recentStart, label }: Props) {
  const theme = useTheme2();
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2 || finite.length === 0) {
    return null;
  }
  const max = Math.max(...finite, 0);
  const min = Math.min(...finite, 0);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - 1 - ((v - min) / span) * (height - 2);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return (
    <svg width={width} height={height} role="img" aria-label={label} style={{ display: 'block' }}>
      {recentStart !== undefined && recentStart > 0 && (
        <rect x={x(recentStart)} y={0} width={width - x(recentStart)} height={height} fill={theme.colors.action.hover}>
          <title>{t('panel.trend.recent', 'Shaded: the recent window, what “now” is judged on')}</title>
        </rect>
      )}
      <path d={d} fill="none" stroke={theme.colors.primary.text} strokeWidth={1.5} />
    </svg>
  );
}
