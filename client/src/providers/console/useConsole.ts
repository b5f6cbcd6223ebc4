import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import type { Role } from '../../account/viewer';
import {
  fetchAllOrganisations,
  fetchMyOrganisations,
  fetchProviderConsole,
  type Organisation,
  type ProviderConsole,
} from './consoleApi';

export const consoleRoot = '/providers/console';

// The address names the organisation only when there is a choice to make: administrators, and
// providers who belong to several. Everyone else's console is simply theirs.
const organisationParam = 'organisation';

type Loaded =
  { kind: 'console'; console: ProviderConsole } | { kind: 'choose'; organisations: Organisation[] };

async function load(role: Role, chosen: string | null): Promise<Loaded> {
  if (chosen) return { kind: 'console', console: await fetchProviderConsole(chosen) };
  const organisations = (
    role === 'ADMIN' ? await fetchAllOrganisations() : await fetchMyOrganisations()
  ).filter((organisation) => organisation.kind === 'PROVIDER');
  const [only] = organisations;
  if (role !== 'ADMIN' && only && organisations.length === 1) {
    return { kind: 'console', console: await fetchProviderConsole(only.id) };
  }
  return { kind: 'choose', organisations };
}

/**
 * The console of the organisation being worked on, or the organisations to choose from, and a
 * way to link to other console pages for the same organisation.
 */
export function useConsole() {
  const { role } = useSignedInViewer();
  const [searchParams] = useSearchParams();
  const chosen = searchParams.get(organisationParam);
  const loadConsole = useCallback(() => load(role, chosen), [role, chosen]);
  const { state, reload } = useSignedInQuery(loadConsole);

  const pathTo = useCallback(
    (path = '') =>
      `${consoleRoot}${path}${chosen ? `?${new URLSearchParams({ [organisationParam]: chosen })}` : ''}`,
    [chosen],
  );

  return { state, reload, pathTo };
}

/** The console of one organisation, for administrators and for choosing between several. */
export function consolePathFor(organisationId: string): string {
  return `${consoleRoot}?${new URLSearchParams({ [organisationParam]: organisationId })}`;
}
