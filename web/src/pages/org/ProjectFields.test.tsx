// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectFields } from './ProjectFields';
import { projectErrors, projectFormFrom, type ProjectForm } from './projectForms';

function Harness({ initial }: { initial: ProjectForm }) {
  const [form, setForm] = useState(initial);
  return (
    <ProjectFields
      form={form}
      errors={projectErrors(form)}
      creating={false}
      onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))}
    />
  );
}

afterEach(cleanup);

describe('a project’s KYC providers', () => {
  it('offers the other provider as the fallback, and says what a fallback does', async () => {
    const user = userEvent.setup();
    render(<Harness initial={projectFormFrom({ name: 'Shop', kyc_provider: 'persona', kyc_fallback_provider: null })} />);
    const fallback = screen.getByRole('combobox', { name: 'Fallback provider' });
    expect(within(fallback).getAllByRole('option').map((o) => o.textContent)).toEqual(['None', 'Sumsub']);
    expect(screen.getByText(/New cases go to the fallback while the preferred provider is unavailable; cases in flight stay/)).toBeTruthy();

    await user.selectOptions(fallback, 'sumsub');
    await user.selectOptions(screen.getByRole('combobox', { name: 'KYC provider' }), 'sumsub');
    // The stored choice stays listed, flagged, until it is changed.
    expect(fallback.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The fallback must be another provider than the preferred one.')).toBeTruthy();
    await user.selectOptions(fallback, 'persona');
    expect(fallback.getAttribute('aria-invalid')).toBeNull();
  });
});
