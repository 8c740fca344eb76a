import React from 'react';
import { render, screen } from '@testing-library/react';
import { analyze } from '../analysis';
import { clusterFrames } from '../analysis/testkit/frames';
import { HealthPanel } from '../components/HealthPanel';
import { DEFAULT_OPTIONS } from '../options';
import { panelProps } from '../testkit/panelProps';

jest.mock('../analysis', () => {
  const actual = jest.requireActual('../analysis');
  return { ...actual, analyze: jest.fn(actual.analyze) };
});

const analyzeSpy = analyze as jest.MockedFunction<typeof analyze>;
const frames = clusterFrames({ brokers: 3, topics: 3, points: 20, rate: (b) => (b === 0 ? 160 : 100) });

describe('analysis memoization', () => {
  beforeEach(() => analyzeSpy.mockClear());

  it('analyses once per render of the whole panel, not once per section', () => {
    render(<HealthPanel {...panelProps({ frames, points: 20 })} />);
    expect(screen.getAllByTestId('broker-row')).toHaveLength(3);
    expect(analyzeSpy).toHaveBeenCalledTimes(1);
  });

  it('does not analyse again on a re-render with the same data and options', () => {
    const props = panelProps({ frames, points: 20 });
    const { rerender } = render(<HealthPanel {...props} />);
    // Grafana re-renders panels on resize and on unrelated prop changes.
    rerender(<HealthPanel {...props} width={700} renderCounter={1} />);
    rerender(
      <HealthPanel {...props} options={{ ...props.options, display: { ...props.options.display, compact: true } }} />
    );
    expect(analyzeSpy).toHaveBeenCalledTimes(1);
  });

  it('analyses again when the data or a threshold changes', () => {
    const props = panelProps({ frames, points: 20 });
    const { rerender } = render(<HealthPanel {...props} />);
    rerender(<HealthPanel {...props} data={{ ...props.data, series: [...props.data.series] }} />);
    expect(analyzeSpy).toHaveBeenCalledTimes(2);
    const thresholds = { ...DEFAULT_OPTIONS.thresholds, minRate: 10 };
    rerender(<HealthPanel {...props} options={{ ...props.options, thresholds }} />);
    expect(analyzeSpy).toHaveBeenCalledTimes(3);
  });
});
