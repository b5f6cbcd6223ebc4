import { graphqlRequest } from '../api/graphql';
import { userErrorFields, type UserError } from '../api/userErrors';
import {
  registrationFields,
  type Organisation,
  type RegistrationChangeRequest,
} from '../providers/console/consoleApi';

const awaitingVerificationQuery = /* GraphQL */ `
  query OrganisationsAwaitingVerification {
    organisations(verificationStatus: UNVERIFIED) {
      id
      name
      kind
      verificationStatus
      canPublish
    }
  }
`;

const organisationVerifyMutation = /* GraphQL */ `
  mutation OrganisationVerify($organisationId: ID!, $decision: VerificationDecision!) {
    organisationVerify(input: { organisationId: $organisationId, decision: $decision }) {
      ${userErrorFields}
    }
  }
`;

// Requests name their organisation and location by id only, so the names come alongside.
const pendingChangesQuery = /* GraphQL */ `
  query RegistrationChangeRequests {
    registrationChangeRequests {
      id
      organisationId
      locationId
      registration {
        ${registrationFields}
      }
      createdAt
    }
    organisations {
      id
      name
    }
  }
`;

const locationNamesQuery = /* GraphQL */ `
  query ProviderLocationNames($organisationId: ID!) {
    providerConsole(organisationId: $organisationId) {
      locations {
        id
        name
      }
    }
  }
`;

const registrationChangeReviewMutation = /* GraphQL */ `
  mutation RegistrationChangeReview($requestId: ID!, $decision: RegistrationChangeDecision!) {
    registrationChangeReview(input: { requestId: $requestId, decision: $decision }) {
      ${userErrorFields}
    }
  }
`;

export type Decision = 'APPROVE' | 'REJECT';

/** Provider organisations that have asked to publish and wait for an administrator. */
export async function fetchOrganisationsAwaitingVerification(): Promise<Organisation[]> {
  const { organisations } = await graphqlRequest<{ organisations: Organisation[] }>(
    awaitingVerificationQuery,
  );
  return organisations.filter((organisation) => organisation.kind === 'PROVIDER');
}

export async function verifyOrganisation(
  organisationId: string,
  decision: Decision,
): Promise<UserError[]> {
  const { organisationVerify } = await graphqlRequest<{
    organisationVerify: { userErrors: UserError[] };
  }>(organisationVerifyMutation, {
    organisationId,
    decision: decision === 'APPROVE' ? 'VERIFIED' : 'REJECTED',
  });
  return organisationVerify.userErrors;
}

export type PendingRegistrationChange = RegistrationChangeRequest & {
  organisationName: string;
  /** The registered location's name; null for the provider's own registration. */
  locationName: string | null;
};

/** Registration changes waiting for an administrator, oldest first, with who they are for. */
export async function fetchPendingRegistrationChanges(): Promise<PendingRegistrationChange[]> {
  const { registrationChangeRequests: requests, organisations } = await graphqlRequest<{
    registrationChangeRequests: RegistrationChangeRequest[];
    organisations: { id: string; name: string }[];
  }>(pendingChangesQuery);
  const withLocations = [
    ...new Set(requests.filter((r) => r.locationId).map((r) => r.organisationId)),
  ];
  const locations = (
    await Promise.all(
      withLocations.map(async (organisationId) => {
        const { providerConsole } = await graphqlRequest<{
          providerConsole: { locations: { id: string; name: string }[] } | null;
        }>(locationNamesQuery, { organisationId });
        return providerConsole?.locations ?? [];
      }),
    )
  ).flat();
  return requests.map((request) => ({
    ...request,
    organisationName:
      organisations.find(({ id }) => id === request.organisationId)?.name ?? 'Unknown provider',
    locationName: request.locationId
      ? (locations.find(({ id }) => id === request.locationId)?.name ?? 'One of its locations')
      : null,
  }));
}

export async function reviewRegistrationChange(
  requestId: string,
  decision: Decision,
): Promise<UserError[]> {
  const { registrationChangeReview } = await graphqlRequest<{
    registrationChangeReview: { userErrors: UserError[] };
  }>(registrationChangeReviewMutation, {
    requestId,
    decision: decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
  });
  return registrationChangeReview.userErrors;
}
