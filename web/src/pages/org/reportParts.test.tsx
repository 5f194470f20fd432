// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberTable, RangeForm, SeriesCard } from './reportParts';

// chart.js draws on a canvas jsdom does not have: the chart is its props.
vi.mock('./UsageChart', () => ({
  UsageChart: (props: { label: string; days: string[]; description: string }) => (
    <div role="img" aria-label={props.description} data-days={props.days.join(',')} />
  ),
}));

afterEach(cleanup);

describe('RangeForm', () => {
  const base = {
    label: 'Report range',
    draft: { from: '2026-12-01', to: '2026-12-06' },
    errors: {},
    projectId: '',
    pending: false,
  };

  it('edits the dates, the granularity and the project, and submits', async () => {
    const user = userEvent.setup();
    const onDraft = vi.fn();
    const onGranularity = vi.fn();
    const onProject = vi.fn();
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <RangeForm
        {...base}
        errors={{ to: 'Must not be before From.' }}
        onDraft={onDraft}
        granularity={{ value: 'day', onChange: onGranularity }}
        projects={[{ id: 'p1', name: 'Main' }]}
        onProject={onProject}
        onSubmit={onSubmit}
      />,
    );
    const form = screen.getByRole('form', { name: 'Report range' });
    expect(within(form).getByLabelText('From')).toHaveProperty('value', '2026-12-01');
    expect(form.textContent).toContain('Must not be before From.');
    await user.clear(within(form).getByLabelText('From'));
    expect(onDraft).toHaveBeenLastCalledWith({ from: '' });
    await user.selectOptions(within(form).getByLabelText('Per'), 'hour');
    expect(onGranularity).toHaveBeenCalledWith('hour');
    await user.selectOptions(within(form).getByLabelText('Project'), 'Main');
    expect(onProject).toHaveBeenCalledWith('p1');
    expect(within(form).getAllByRole('option').map((o) => o.textContent)).toEqual(['Day', 'Hour', 'All projects', 'Main']);
    await user.click(within(form).getByRole('button', { name: 'Show' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('leaves out the granularity without one and the project without projects', () => {
    render(<RangeForm {...base} onDraft={vi.fn()} projects={null} onProject={vi.fn()} onSubmit={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Report range' });
    expect(within(form).queryByLabelText('Per')).toBeNull();
    expect(within(form).queryByLabelText('Project')).toBeNull();
    expect(within(form).getByLabelText('To')).toHaveProperty('value', '2026-12-06');
  });
});

describe('SeriesCard', () => {
  it('heads the chart with the metric and summarises it under the chart', () => {
    render(<SeriesCard label="KYC cases" periods={['2026-12-05', '2026-12-06']} values={[1, 3]} level={3} />);
    const card = screen.getByRole('region', { name: 'KYC cases' });
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('KYC cases');
    const chart = within(card).getByRole('img');
    expect(chart.getAttribute('data-days')).toBe('2026-12-05,2026-12-06');
    expect(card.querySelector('p.muted')?.textContent).toBe(chart.getAttribute('aria-label'));
    expect(chart.getAttribute('aria-label')).toContain('KYC cases');
  });
});

describe('NumberTable', () => {
  it('names each row and right-aligns the numbers, empty cells left empty', () => {
    render(
      <NumberTable
        label="Costs table"
        caption="Costs per item"
        columns={['Item', 'Quantity', 'Amount']}
        rows={[
          { key: 'a', head: 'Persona inquiries', cells: ['3', '4.50 USD'] },
          { key: 'total', head: 'Total', cells: [null, <strong key="t">4.50 USD</strong>] },
        ]}
        empty="Nothing."
      />,
    );
    const table = within(screen.getByRole('group', { name: 'Costs table' })).getByRole('table');
    expect(table.querySelector('caption')?.className).toBe('visually-hidden');
    expect(within(table).getAllByRole('columnheader').map((h) => [h.textContent, h.className])).toEqual([
      ['Item', ''],
      ['Quantity', 'num'],
      ['Amount', 'num'],
    ]);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Persona inquiries', 'Total']);
    const total = within(table).getAllByRole('row')[2]!;
    expect(Array.from(total.querySelectorAll('td')).map((td) => [td.textContent, td.className])).toEqual([
      ['', ''],
      ['4.50 USD', 'num'],
    ]);
    expect(table.textContent).not.toContain('Nothing.');
  });

  it('shows the empty row across the columns when there are no rows, and a shown caption', () => {
    render(<NumberTable label="Kinds table" caption="Requests by kind" captionShown columns={['Route class', 'Requests']} rows={[]} empty="No requests." />);
    const table = screen.getByRole('table', { name: 'Requests by kind' });
    expect(table.querySelector('caption')?.className).toBe('');
    const cell = within(table).getByRole('cell');
    expect([cell.textContent, cell.getAttribute('colspan')]).toEqual(['No requests.', '2']);
  });
});
