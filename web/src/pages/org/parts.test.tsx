// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { describeDfnsCheck } from './connectionTest';
import { Confirm, SecretOnce, StatusBadge, TableScroll } from './parts';
import { TestResult } from './TestResult';

afterEach(cleanup);

describe('Confirm', () => {
  it('asks first, runs the operation on confirmation, and closes', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => true);
    render(
      <Confirm trigger="Revoke" triggerLabel="Revoke key ci" title="Revoke the key “ci”?" confirmLabel="Revoke key" onConfirm={onConfirm}>
        <p>This cannot be undone.</p>
      </Confirm>,
    );
    await user.click(screen.getByRole('button', { name: 'Revoke key ci' }));
    const step = screen.getByRole('group', { name: 'Revoke the key “ci”?' });
    expect(step).toHaveProperty('textContent', expect.stringContaining('This cannot be undone.'));
    expect(document.activeElement).toBe(step);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Revoke key' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    // The step closes once the operation's promise has settled, and the focus returns in the effect after it.
    await waitFor(() => expect(screen.queryByRole('group')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke key ci' })));
  });

  it('stays open when the operation fails, and Escape cancels', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => false);
    render(<Confirm trigger="Delete" title="Delete it?" confirmLabel="Delete endpoint" onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete endpoint' }));
    expect(screen.getByRole('group', { name: 'Delete it?' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group')).toBeNull();
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});

describe('SecretOnce', () => {
  it('shows the secret once, warns, and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const onDone = vi.fn();
    render(<SecretOnce title="Your new API key" label="New API key" value="ak_test_123" onDone={onDone} />);
    const region = screen.getByRole('region', { name: 'Your new API key' });
    expect(region.textContent).toContain('you will not see it again');
    expect((screen.getByLabelText('New API key') as HTMLInputElement).value).toBe('ak_test_123');
    expect((screen.getByLabelText('New API key') as HTMLInputElement).readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('ak_test_123');
    expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard.');
    await user.click(screen.getByRole('button', { name: 'I have stored it safely' }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});

describe('TestResult', () => {
  it('announces success politely and a failure as an alert, each part in words', () => {
    const { rerender } = render(<TestResult provider="Dfns" pending={false} failure={null} outcome={describeDfnsCheck({ ok: true, token: 'ok', signing_key: 'ok' })} />);
    expect(screen.getByRole('status').textContent).toContain('Connection works');
    rerender(
      <TestResult
        provider="Dfns"
        pending={false}
        failure={null}
        outcome={describeDfnsCheck({
          ok: false,
          token: 'failed',
          signing_key: 'skipped',
          result: 'unauthorized',
          detail: 'token: Dfns refused the credentials.',
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('API token: failed.');
    expect(alert.textContent).toContain('Dfns refused the API token');
    expect(alert.textContent).toContain('(check result: unauthorized)');
    rerender(<TestResult provider="Dfns" pending failure={null} outcome={null} />);
    expect(screen.getByRole('status').textContent).toContain('Testing the connection to Dfns');
  });

  it('says to save first when nothing is set up, and shows any other failure as a problem in words', () => {
    const { rerender } = render(
      <TestResult provider="Dfns" pending={false} outcome={null} failure={new ApiError(404, { type: 'https://attest.dev/problems/not-found' })} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Dfns is not set up for this organization yet. Save the settings first, then test.');
    rerender(<TestResult provider="Persona" pending={false} outcome={null} failure={new ApiError(503, null, 'req-7')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not test the Persona connection');
    expect(alert.textContent).toContain('A service Attest depends on is not answering right now.');
    expect(alert.textContent).toContain('req-7');
  });
});

describe('StatusBadge and TableScroll', () => {
  it('say the status in words and let the keyboard reach a wide table', () => {
    render(
      <TableScroll label="Keys table">
        <StatusBadge status="awaiting_approval" />
      </TableScroll>,
    );
    const group = screen.getByRole('group', { name: 'Keys table' });
    expect(group.tabIndex).toBe(0);
    expect(group.textContent).toBe('awaiting approval');
  });
});
