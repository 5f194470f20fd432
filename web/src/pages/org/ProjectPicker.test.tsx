// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api/client';
import { testApi } from '../../test/fixtures';
import { ProjectPicker } from './ProjectPicker';
import { useProjectParam } from './useProjectParam';

const holder = vi.hoisted(() => ({ api: null as Api | null }));
vi.mock('../../api/ApiContext', () => ({ useApi: () => holder.api }));

const PROJECTS = [
  { id: 'p1', name: 'Main', environment: 'production' },
  { id: 'p2', name: 'Trial', environment: 'sandbox' },
];

function projectsService(answer: () => Response) {
  const paths: string[] = [];
  holder.api = testApi(async (request) => {
    paths.push(new URL(request.url).pathname);
    return answer();
  });
  return paths;
}

function Harness() {
  const picker = useProjectParam('demo');
  const { search } = useLocation();
  return (
    <>
      <ProjectPicker picker={picker} empty="Create a project first: this is per project." />
      {picker.project && <p>Showing {picker.project.name}</p>}
      <output aria-label="Search">{search}</output>
    </>
  );
}

function renderPicker(entry = '/org/demo/x') {
  render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route path="/org/:org/x" element={<Harness />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  holder.api = null;
});
afterEach(cleanup);

describe('the project picker', () => {
  it('shows the first project, and another one chosen into ?project=', async () => {
    const user = userEvent.setup();
    const paths = projectsService(() => Response.json(PROJECTS));
    renderPicker();
    expect(await screen.findByText('Showing Main')).toBeTruthy();
    expect(paths).toEqual(['/orgs/demo/projects']);
    const select = screen.getByRole('combobox', { name: 'Project' });
    expect(select).toHaveProperty('value', 'p1');
    expect(screen.getByRole('option', { name: 'Trial (sandbox)' })).toBeTruthy();

    await user.selectOptions(select, 'p2');
    expect(await screen.findByText('Showing Trial')).toBeTruthy();
    expect(select).toHaveProperty('value', 'p2');
    expect(screen.getByRole('status', { name: 'Search' }).textContent).toBe('?project=p2');
  });

  it('starts from the address’s ?project=', async () => {
    projectsService(() => Response.json(PROJECTS));
    renderPicker('/org/demo/x?project=p2');
    expect(await screen.findByText('Showing Trial')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveProperty('value', 'p2');
  });

  it('says the page’s own sentence when the organization has no project', async () => {
    projectsService(() => Response.json([]));
    renderPicker();
    expect(await screen.findByText('Create a project first: this is per project.')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows a failed load, and loads again on Try again', async () => {
    const user = userEvent.setup();
    let calls = 0;
    projectsService(() => (++calls === 1 ? Response.json({ title: 'Boom' }, { status: 500 }) : Response.json(PROJECTS)));
    renderPicker();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the projects');
    expect(screen.queryByRole('combobox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Showing Main')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
