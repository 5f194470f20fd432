/** Rendering a page under test at an address, for the Vitest files of the pages (not a test file itself). */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Routes, useLocation } from 'react-router';

/** The router's address (path and query), in an `<output>` named "Address" for tests to read. */
export function ShownAddress() {
  const { pathname, search } = useLocation();
  return <output aria-label="Address">{pathname + search}</output>;
}

/**
 * Renders `routes` (the `<Route>`s of the pages under test) in a router at `path`, with {@link ShownAddress} unless
 * `showAddress` is false (an `<output>` has the role `status`, which some pages' tests look for).
 */
export function renderRoutesAt(path: string, routes: ReactNode, { showAddress = true }: { showAddress?: boolean } = {}): void {
  render(
    <MemoryRouter initialEntries={[path]}>
      {showAddress && <ShownAddress />}
      <Routes>{routes}</Routes>
    </MemoryRouter>,
  );
}
