// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { FormField } from './FormField';
import { Progress } from './Progress';

describe('FormField', () => {
  it('labels its control and ties the hint and the error to it', () => {
    render(
      <FormField label="Amount" hint="In wei" error="Must be a positive integer" required>
        {(control) => <input {...control} name="amount" />}
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: /Amount/ });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.hasAttribute('required')).toBe(true);
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['In wei', 'Must be a positive integer']);
  });

  it('is not invalid without an error', () => {
    render(<FormField label="Recipient">{(control) => <input {...control} />}</FormField>);
    const input = screen.getByRole('textbox', { name: 'Recipient' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('ErrorMessage', () => {
  it('announces the failure in words with the invalid fields', () => {
    const error = new ApiError(400, {
      type: 'https://attest.dev/problems/validation-failed',
      title: 'Validation failed',
      errors: [{ field: 'to', message: 'must be an address' }],
    });
    render(<ErrorMessage error={error} title="Could not send the transfer" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not send the transfer');
    expect(alert.textContent).toContain('Some fields are not valid');
    expect(alert.textContent).toContain('to: must be an address');
  });

  it('renders nothing without an error and offers a retry', async () => {
    const { container, rerender } = render(<ErrorMessage error={null} />);
    expect(container.childElementCount).toBe(0);
    const retry = vi.fn();
    rerender(<ErrorMessage error={new TypeError('Failed to fetch')} onRetry={retry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('Button', () => {
  it('shows its pending state and ignores clicks meanwhile', async () => {
    const click = vi.fn();
    const { rerender } = render(
      <Button onClick={click} pendingLabel="Saving…">
        Save
      </Button>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(click).toHaveBeenCalledOnce();
    rerender(
      <Button onClick={click} pending pendingLabel="Saving…">
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Saving…' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    await userEvent.click(button);
    expect(click).toHaveBeenCalledOnce();
  });
});

describe('Progress', () => {
  it('measures an upload: the bar and the percentage in words', () => {
    const { container } = render(<Progress label="Uploading the encrypted document" value={262_144} max={1_048_576} />);
    expect(screen.getByRole('status').textContent).toBe('Uploading the encrypted document… 25%');
    const bar = container.querySelector('progress')!;
    expect(bar.getAttribute('value')).toBe('262144');
    expect(bar.getAttribute('max')).toBe('1048576');
  });

  it('stays indeterminate without a measure', () => {
    const { container } = render(<Progress label="Loading the case" />);
    expect(screen.getAllByRole('status').at(-1)!.textContent).toBe('Loading the case…');
    expect(container.querySelector('progress')!.hasAttribute('value')).toBe(false);
  });
});
