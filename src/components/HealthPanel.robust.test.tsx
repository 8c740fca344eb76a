/**
 * The panel never blanks: saved configurations Grafana can hand it, and a component that fails
 * while drawing, still leave a verdict on screen.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import type { FieldConfigSource } from '@grafana/data';
import { clusterFrames } from '../analysis/testkit/frames';
import { panelProps } from '../testkit/panelProps';
import type { PanelOptions } from '../options';
import { HealthPanel } from './HealthPanel';

/** Set to make the key figures fail while drawing. */
let failFigures = false;
jest.mock('./KeyFigures', () => {
  const actual = jest.requireActual('./KeyFigures');
  return {
    ...actual,
    KeyFigures: (props: object) => {
      if (failFigures) {
        throw new Error('figures exploded');
      }
      return actual.KeyFigures(props);
    },
  };
});

const POINTS = 40;
const frames = clusterFrames({ brokers: 3, topics: 4, points: POINTS, rate: () => 100 });
const hostile = (o: unknown) => o as PanelOptions;

describe('the panel never blanks', () => {
  afterEach(() => {
    failFigures = false;
  });

  it.each<[string, unknown]>([
    ['links as an object', { defaults: { links: {} }, overrides: [] }],
    ['a null link', { defaults: { links: [null] }, overrides: [] }],
    ['no defaults', { overrides: [] }],
    ['nothing at all', undefined],
  ])('field config with %s: the verdict and the brokers are drawn', (_, fieldConfig) => {
    const props = panelProps({ frames, points: POINTS });
    render(<HealthPanel {...props} fieldConfig={fieldConfig as FieldConfigSource} />);
    expect(screen.getByTestId('verdict')).toHaveTextContent('OK');
    expect(screen.getAllByTestId('broker-row')).toHaveLength(3);
  });

  it('reads display options by type: "abc" topics, "false" findings', () => {
    // broker-0 carries three times the others: an imbalance finding to hide.
    const hot = clusterFrames({ brokers: 3, topics: 4, points: POINTS, rate: (b) => (b === 0 ? 300 : 100) });
    const props = panelProps({ frames: hot, points: POINTS });
    const { unmount } = render(<HealthPanel {...props} />);
    expect(screen.getByRole('heading', { name: /^Findings/ })).toBeInTheDocument();
    unmount();
    render(
      <HealthPanel
        {...props}
        options={hostile({
          ...props.options,
          display: { topTopics: 'abc', showFindings: 'false', showTopics: 'true' },
        })}
      />
    );
    // The default 20 topics, all four listed (not "Topics (4)" over an empty list).
    expect(screen.getAllByTestId('topic-row')).toHaveLength(4);
    expect(screen.queryByRole('heading', { name: /^Findings/ })).toBeNull();
  });

  it('options that are not objects at all still give the default panel', () => {
    const props = panelProps({ frames, points: POINTS });
    render(<HealthPanel {...props} options={hostile('nonsense')} />);
    expect(screen.getByTestId('verdict')).toHaveTextContent('OK');
  });

  it('a component failing while drawing shows the error and the last verdict drawn, then recovers', () => {
    const props = panelProps({ frames, points: POINTS });
    const { rerender } = render(<HealthPanel {...props} />);
    expect(screen.getByTestId('verdict')).toHaveTextContent('OK');

    failFigures = true;
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    rerender(<HealthPanel {...props} width={901} />);
    expect(screen.getByText('The panel could not be drawn')).toBeInTheDocument();
    expect(screen.getByText('figures exploded')).toBeInTheDocument();
    expect(screen.getByTestId('last-good-report')).toHaveTextContent('Last verdict drawn: OK');

    // Drawn again once something changes and drawing works.
    failFigures = false;
    rerender(<HealthPanel {...props} width={902} />);
    expect(screen.getByTestId('verdict')).toHaveTextContent('OK');
    expect(screen.queryByText('The panel could not be drawn')).toBeNull();
  });
});
