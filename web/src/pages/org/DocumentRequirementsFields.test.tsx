// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../api/client';
import { DocumentRequirementsFields, requirementErrors } from './DocumentRequirementsFields';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));
vi.mock('../../auth/AuthContext', () => ({ useOptionalAuth: () => null }));

afterEach(cleanup);

function requirementsService() {
  const puts: unknown[] = [];
  const fetch = vi.fn(async (request: Request) => {
    expect(new URL(request.url).pathname).toBe('/documents/projects/project-1/requirements');
    if (request.method === 'GET') {
      return Response.json({
        project_id: 'project-1',
        requirements: [{ kind: 'proof-of-address', title: 'Proof of address', accepted_types: ['application/pdf'], max_bytes: 5 * 1024 * 1024 }],
      });
    }
    const body = (await request.json()) as { requirements: unknown[] };
    puts.push(body);
    return Response.json({ project_id: 'project-1', requirements: body.requirements });
  });
  holder.api = createApi({ accessToken: async () => 'token', projectId: () => null }, { baseUrl: 'http://attest.test', fetch: fetch as unknown as typeof globalThis.fetch });
  return puts;
}

describe('a project’s required documents', () => {
  it('adds a personal-details form beside the stored requirement and saves the whole list', async () => {
    const user = userEvent.setup();
    const puts = requirementsService();
    render(<DocumentRequirementsFields projectId="project-1" />);

    const form = await screen.findByRole('form', { name: 'Required documents' });
    expect(await within(form).findByRole('textbox', { name: 'Requirement 1: title' })).toHaveProperty('value', 'Proof of address');
    expect(within(form).getByRole('textbox', { name: 'Requirement 1: size limit (KiB)' })).toHaveProperty('value', '5120');
    await user.click(within(form).getByRole('button', { name: 'Add a personal-details form' }));
    expect(within(form).queryByRole('button', { name: 'Add a personal-details form' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save required documents' }));

    expect(await screen.findByText('Required documents saved.')).toBeTruthy();
    expect(puts).toEqual([
      {
        requirements: [
          { kind: 'proof-of-address', title: 'Proof of address', accepted_types: ['application/pdf'], max_bytes: 5 * 1024 * 1024 },
          { kind: 'personal-data', title: 'Personal details', accepted_types: ['application/json'], max_bytes: 64 * 1024 },
        ],
      },
    ]);
  });

  it('shows what is wrong by field and sends nothing', async () => {
    const user = userEvent.setup();
    const puts = requirementsService();
    render(<DocumentRequirementsFields projectId="project-1" />);
    const form = await screen.findByRole('form', { name: 'Required documents' });
    await within(form).findByRole('textbox', { name: 'Requirement 1: title' });
    await user.click(within(form).getByRole('button', { name: 'Add a document' }));
    await user.type(within(form).getByRole('textbox', { name: 'Requirement 2: kind' }), 'proof-of-address');
    await user.click(within(form).getByRole('button', { name: 'Save required documents' }));
    expect(within(form).getByText('Another requirement has this kind.')).toBeTruthy();
    expect(within(form).getAllByText('Required.')).toHaveLength(1);
    expect(puts).toEqual([]);
  });

  it('checks kinds, types and limits as document-service does', () => {
    const [bad] = requirementErrors([{ kind: 'Proof', title: 'x', accepted_types: [], max_kib: '20000' }]);
    expect(Object.keys(bad!).sort()).toEqual(['accepted_types', 'kind', 'max_kib']);
    const [personal] = requirementErrors([{ kind: 'personal-data', title: 'x', accepted_types: ['application/pdf'], max_kib: '64' }]);
    expect(personal!.accepted_types).toBe('A personal-data form is sent as a form (JSON) only.');
    const [json] = requirementErrors([{ kind: 'proof-of-address', title: 'x', accepted_types: ['application/json'], max_kib: '64' }]);
    expect(json!.accepted_types).toBe('A form (JSON) is accepted for the personal-data kind only.');
  });
});
