import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { StandardEditorContext, StandardEditorsRegistryItem } from '@grafana/data';
import { instantFrame, tableFrame } from '../../analysis/testkit/frames';
import { LabelEditor, labelNamesIn } from './LabelEditor';
import { LevelsEditor, LevelsEditorSettings } from './LevelsEditor';
import { NumberEditor } from './NumberEditor';
import { refIdsIn, RolesEditor } from './RolesEditor';

function item<S>(settings: S): StandardEditorsRegistryItem<never, S> {
  return { id: 'x', name: 'x', settings, editor: () => null } as unknown as StandardEditorsRegistryItem<never, S>;
}
const context = (data: unknown[] = []) => ({ data, options: {} }) as unknown as StandardEditorContext<unknown>;

function renderLevels(value: { warning: number; critical: number }, settings: LevelsEditorSettings) {
  const onChange = jest.fn();
  const utils = render(
    <LevelsEditor value={value} onChange={onChange} item={item(settings) as never} context={context()} />
  );
  return { ...utils, onChange };
}

describe('LevelsEditor', () => {
  it('applies a valid pair', () => {
    const { onChange } = renderLevels({ warning: 0.25, critical: 0.5 }, { kind: 'ceiling' });
    fireEvent.change(screen.getByLabelText('Critical'), { target: { value: '0.7' } });
    expect(onChange).toHaveBeenLastCalledWith({ warning: 0.25, critical: 0.7 });
    expect(screen.queryByText(/must/)).toBeNull();
  });

  it('shows an inline error and does not apply a ceiling pair in the wrong order', () => {
    const { onChange } = renderLevels({ warning: 0.25, critical: 0.5 }, { kind: 'ceiling' });
    fireEvent.change(screen.getByLabelText('Warning'), { target: { value: '0.9' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Warning must be below critical/)).toBeInTheDocument();
    // The typed text stays so the user can fix it.
    expect(screen.getByLabelText('Warning')).toHaveValue(0.9);
  });

  it('wants a floor pair the other way round', () => {
    const { onChange } = renderLevels({ warning: 100, critical: 10 }, { kind: 'floor', unit: 'msg/s' });
    fireEvent.change(screen.getByLabelText('Critical'), { target: { value: '200' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Warning must be above critical/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Critical'), { target: { value: '50' } });
    expect(onChange).toHaveBeenLastCalledWith({ warning: 100, critical: 50 });
  });

  it('rejects a negative level', () => {
    const { onChange } = renderLevels({ warning: 0.25, critical: 0.5 }, { kind: 'ceiling' });
    fireEvent.change(screen.getByLabelText('Warning'), { target: { value: '-1' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/must not be negative/)).toBeInTheDocument();
  });

  it('shows the saved pair again when it changes from outside', () => {
    const { rerender } = renderLevels({ warning: 0.25, critical: 0.5 }, { kind: 'ceiling' });
    fireEvent.change(screen.getByLabelText('Warning'), { target: { value: '0.9' } });
    rerender(
      <LevelsEditor
        value={{ warning: 0.1, critical: 0.2 }}
        onChange={jest.fn()}
        item={item({ kind: 'ceiling' }) as never}
        context={context()}
      />
    );
    expect(screen.getByLabelText('Warning')).toHaveValue(0.1);
    expect(screen.queryByText(/must/)).toBeNull();
  });
});

describe('NumberEditor', () => {
  it('applies non-negative numbers only', () => {
    const onChange = jest.fn();
    render(<NumberEditor value={3} onChange={onChange} item={item({ unit: '×' }) as never} context={context()} />);
    const input = screen.getByRole('spinbutton');
    fireEvent.change(input, { target: { value: '-2' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Must not be negative')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByText('Must be a number')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: '2.5' } });
    expect(onChange).toHaveBeenLastCalledWith(2.5);
  });

  it('refuses 0 where the declaration wants a positive number (a window)', () => {
    const onChange = jest.fn();
    render(<NumberEditor value={5} onChange={onChange} item={item({ positive: true }) as never} context={context()} />);
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '0' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Must be above 0')).toBeInTheDocument();
  });
});

describe('LabelEditor', () => {
  it('offers the labels of both time series and table frames, without __name__', () => {
    const frames = [
      instantFrame({ __name__: 'm', instance: 'a:7071', topic: 'orders' }, 1),
      tableFrame([{ time: 0, labels: { pod: 'kafka-0', topic: 'orders' }, value: 1 }]),
      { fields: [] },
      null,
    ];
    expect(labelNamesIn(frames as never)).toEqual(['instance', 'pod', 'topic']);
  });

  it('shows Auto by default and the chosen label otherwise', () => {
    const props = { onChange: jest.fn(), item: item({ autoDescription: 'auto' }) as never, context: context() };
    const { rerender } = render(<LabelEditor value="auto" {...props} />);
    expect(screen.getByRole('combobox')).toHaveValue('Auto');
    rerender(<LabelEditor value="pod" {...props} />);
    expect(screen.getByRole('combobox')).toHaveValue('pod');
  });

  it('offers None where a label may be turned off (the cluster label), and shows it when chosen', () => {
    const props = {
      onChange: jest.fn(),
      item: item({ autoDescription: 'auto', noneDescription: 'never split' }) as never,
      context: context(),
    };
    render(<LabelEditor value="none" {...props} />);
    expect(screen.getByRole('combobox')).toHaveValue('None');
  });
});

describe('RolesEditor', () => {
  it('offers one row per query in the data, Auto by default', () => {
    const data = [rangeLike('A'), rangeLike('B'), rangeLike('B'), { fields: [] }];
    render(<RolesEditor value={{}} onChange={jest.fn()} item={item({}) as never} context={context(data)} />);
    const boxes = screen.getAllByRole('combobox');
    expect(boxes).toHaveLength(2);
    expect(screen.getByText('Query A')).toBeInTheDocument();
    expect(boxes[1]).toHaveValue('Auto');
  });

  it('shows a saved role, and keeps rows for saved queries that returned nothing', () => {
    render(
      <RolesEditor
        value={{ H: 'consumerLag' }}
        onChange={jest.fn()}
        item={item({}) as never}
        context={context([rangeLike('A')])}
      />
    );
    expect(screen.getAllByRole('combobox').map((b) => (b as HTMLInputElement).value)).toEqual(['Auto', 'Consumer lag']);
  });

  it('lists the refIds of the data, sorted and unique', () => {
    expect(refIdsIn([rangeLike('C'), rangeLike('A'), rangeLike('C'), null] as never)).toEqual(['A', 'C']);
  });
});

function rangeLike(refId: string) {
  return { refId, fields: [] };
}
