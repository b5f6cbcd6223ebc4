import type { Money } from '@harbour/shared';
import { GraphQLRequestError, graphqlRequest } from '../../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../../api/userErrors';

// As in accountApi.ts, inputs are written out field by field, so these documents depend on the
// field names in the API contract rather than on what the server calls its input types.

export type VerificationStatus = 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';

export type Organisation = {
  id: string;
  name: string;
  kind: 'PROVIDER' | 'COMMISSIONER';
  verificationStatus: VerificationStatus;
  canPublish: boolean;
};

export type Regulator = 'OFSTED' | 'CQC';

export type Registration = {
  regulator: Regulator;
  identifier: string;
  registrationType: string;
  status: string;
  rating: string | null;
  inspectedOn: string | null;
};

export const costUnits = ['SESSION', 'HOUR', 'DAY', 'NIGHT'] as const;
export type CostUnit = (typeof costUnits)[number];

export type CostOption = { label: string; amount: Money; unit: CostUnit };

export type ProviderProfile = {
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  registrations: Registration[];
  lastVerifiedAt: string | null;
};

export type ProviderLocation = {
  id: string;
  name: string;
  addressLine: string | null;
  town: string | null;
  postcode: string;
  lat: number;
  lng: number;
  features: string[];
  registrations: Registration[];
};

/** A support ratio the service will offer from a day (YYYY-MM-DD), such as 1:1 from September. */
export type UpcomingRatio = { ratio: string; from: string };

export type ProviderService = {
  id: string;
  name: string;
  description: string | null;
  type: string;
  needs: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport: string[];
  ratios: string[];
  upcomingRatios: UpcomingRatio[];
  skills: string[];
  costOptions: CostOption[];
  funding: string[];
  days: string[];
  startTime: string | null;
  endTime: string | null;
  scheduleSummary: string | null;
  status: 'ACTIVE' | 'WITHDRAWN';
  locationIds: string[];
  listingIds: string[];
};

export type RegistrationChangeRequest = {
  id: string;
  organisationId: string;
  locationId: string | null;
  registration: Registration;
  createdAt: string;
};

export type ProviderConsole = {
  organisation: Organisation;
  profile: ProviderProfile | null;
  locations: ProviderLocation[];
  services: ProviderService[];
  pendingRegistrationChanges: RegistrationChangeRequest[];
};

const organisationFields = /* GraphQL */ `
  id
  name
  kind
  verificationStatus
  canPublish
`;

export const registrationFields = /* GraphQL */ `
  regulator
  identifier
  registrationType
  status
  rating
  inspectedOn
`;

const myOrganisationsQuery = /* GraphQL */ `
  query ProviderOrganisations {
    viewer {
      id
      organisations {
        organisation {
          ${organisationFields}
        }
        role
      }
    }
  }
`;

const allOrganisationsQuery = /* GraphQL */ `
  query Organisations {
    organisations {
      ${organisationFields}
    }
  }
`;

const consoleQuery = /* GraphQL */ `
  query ProviderConsole($organisationId: ID!) {
    providerConsole(organisationId: $organisationId) {
      organisation {
        ${organisationFields}
      }
      profile {
        description
        website
        email
        phone
        registrations {
          ${registrationFields}
        }
        lastVerifiedAt
      }
      locations {
        id
        name
        addressLine
        town
        postcode
        lat
        lng
        features
        registrations {
          ${registrationFields}
        }
      }
      services {
        id
        name
        description
        type
        needs
        minAge
        maxAge
        accessibilitySupport
        ratios
        upcomingRatios {
          ratio
          from
        }
        skills
        costOptions {
          label
          amount {
            amountPence
            currency
          }
          unit
        }
        funding
        days
        startTime
        endTime
        scheduleSummary
        status
        locationIds
        listingIds
      }
      pendingRegistrationChanges {
        id
        organisationId
        locationId
        registration {
          ${registrationFields}
        }
        createdAt
      }
    }
  }
`;

const organisationCreateMutation = /* GraphQL */ `
  mutation OrganisationCreate($name: String!) {
    organisationCreate(input: { name: $name, kind: PROVIDER }) {
      ${userErrorFields}
      organisation {
        id
      }
    }
  }
`;

const profileUpdateMutation = /* GraphQL */ `
  mutation ProviderProfileUpdate(
    $organisationId: ID!
    $description: String
    $website: String
    $email: String
    $phone: String
  ) {
    providerProfileUpdate(
      input: {
        organisationId: $organisationId
        description: $description
        website: $website
        email: $email
        phone: $phone
      }
    ) {
      ${userErrorFields}
    }
  }
`;

const locationSaveMutation = /* GraphQL */ `
  mutation LocationSave(
    $organisationId: ID!
    $locationId: ID
    $name: String!
    $addressLine: String
    $town: String
    $postcode: String!
    $lat: Float
    $lng: Float
    $features: [String!]
  ) {
    locationSave(
      input: {
        organisationId: $organisationId
        locationId: $locationId
        name: $name
        addressLine: $addressLine
        town: $town
        postcode: $postcode
        lat: $lat
        lng: $lng
        features: $features
      }
    ) {
      ${userErrorFields}
      locationId
    }
  }
`;

const serviceSaveMutation = /* GraphQL */ `
  mutation ServiceSave(
    $organisationId: ID!
    $serviceId: ID
    $locationIds: [ID!]!
    $name: String!
    $description: String
    $type: ServiceType!
    $needs: [String!]
    $minAge: Int!
    $maxAge: Int!
    $accessibilitySupport: [String!]
    $ratios: [String!]
    $upcomingRatios: [UpcomingRatioInput!]
    $skills: [String!]
    $costOptions: [CostOptionInput!]
    $funding: [String!]
    $days: [Weekday!]
    $startTime: String
    $endTime: String
    $scheduleSummary: String
    $status: String
  ) {
    serviceSave(
      input: {
        organisationId: $organisationId
        serviceId: $serviceId
        locationIds: $locationIds
        name: $name
        description: $description
        type: $type
        needs: $needs
        minAge: $minAge
        maxAge: $maxAge
        accessibilitySupport: $accessibilitySupport
        ratios: $ratios
        upcomingRatios: $upcomingRatios
        skills: $skills
        costOptions: $costOptions
        funding: $funding
        days: $days
        startTime: $startTime
        endTime: $endTime
        scheduleSummary: $scheduleSummary
        status: $status
      }
    ) {
      ${userErrorFields}
      serviceId
    }
  }
`;

const detailsConfirmMutation = /* GraphQL */ `
  mutation ProviderDetailsConfirm($organisationId: ID!) {
    providerDetailsConfirm(input: { organisationId: $organisationId }) {
      ${userErrorFields}
      lastVerifiedAt
    }
  }
`;

const registrationChangeRequestMutation = /* GraphQL */ `
  mutation RegistrationChangeRequest(
    $organisationId: ID!
    $locationId: ID
    $regulator: Regulator!
    $identifier: String!
    $registrationType: String!
    $status: String!
    $rating: String
    $inspectedOn: String
  ) {
    registrationChangeRequest(
      input: {
        organisationId: $organisationId
        locationId: $locationId
        regulator: $regulator
        identifier: $identifier
        registrationType: $registrationType
        status: $status
        rating: $rating
        inspectedOn: $inspectedOn
      }
    ) {
      ${userErrorFields}
      requestId
    }
  }
`;

type Payload = { userErrors: UserError[] };

/** The organisations the signed-in provider belongs to. */
export async function fetchMyOrganisations(): Promise<Organisation[]> {
  const { viewer } = await graphqlRequest<{
    viewer: { organisations: { organisation: Organisation }[] } | null;
  }>(myOrganisationsQuery);
  if (!viewer) throw new GraphQLRequestError('Not signed in', { codes: ['UNAUTHENTICATED'] });
  return viewer.organisations.map(({ organisation }) => organisation);
}

/** Every organisation, for administrators. */
export async function fetchAllOrganisations(): Promise<Organisation[]> {
  const data = await graphqlRequest<{ organisations: Organisation[] }>(allOrganisationsQuery);
  return data.organisations;
}

export async function fetchProviderConsole(organisationId: string): Promise<ProviderConsole> {
  const { providerConsole } = await graphqlRequest<{ providerConsole: ProviderConsole | null }>(
    consoleQuery,
    { organisationId },
  );
  if (!providerConsole) throw new GraphQLRequestError('No provider console for the organisation');
  return providerConsole;
}

export async function createOrganisation(name: string): Promise<UserError[]> {
  const { organisationCreate } = await graphqlRequest<{
    organisationCreate: Payload & { organisation: { id: string } | null };
  }>(organisationCreateMutation, { name });
  return userErrorsOf('organisationCreate', organisationCreate, organisationCreate.organisation);
}

export type ProfileInput = {
  organisationId: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
};

export async function updateProfile(input: ProfileInput): Promise<UserError[]> {
  const data = await graphqlRequest<{ providerProfileUpdate: Payload }>(
    profileUpdateMutation,
    input,
  );
  return data.providerProfileUpdate.userErrors;
}

export type LocationInput = {
  organisationId: string;
  locationId: string | null;
  name: string;
  addressLine: string | null;
  town: string | null;
  postcode: string;
  lat: number | null;
  lng: number | null;
  features: string[];
};

export async function saveLocation(input: LocationInput): Promise<UserError[]> {
  const { locationSave } = await graphqlRequest<{
    locationSave: Payload & { locationId: string | null };
  }>(locationSaveMutation, input);
  return userErrorsOf('locationSave', locationSave, locationSave.locationId);
}

export type ServiceInput = {
  organisationId: string;
  serviceId: string | null;
  locationIds: string[];
  name: string;
  description: string | null;
  type: string;
  needs: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport: string[];
  ratios: string[];
  upcomingRatios: UpcomingRatio[];
  skills: string[];
  costOptions: { label: string; amountPence: number; unit: CostUnit }[];
  funding: string[];
  days: string[];
  startTime: string | null;
  endTime: string | null;
  scheduleSummary: string | null;
  status: 'ACTIVE' | 'WITHDRAWN';
};

export async function saveService(input: ServiceInput): Promise<UserError[]> {
  const { serviceSave } = await graphqlRequest<{
    serviceSave: Payload & { serviceId: string | null };
  }>(serviceSaveMutation, input);
  return userErrorsOf('serviceSave', serviceSave, serviceSave.serviceId);
}

/** Confirms the details are still right; returns when, or why not. */
export async function confirmDetails(
  organisationId: string,
): Promise<{ userErrors: UserError[]; lastVerifiedAt: string | null }> {
  const { providerDetailsConfirm } = await graphqlRequest<{
    providerDetailsConfirm: Payload & { lastVerifiedAt: string | null };
  }>(detailsConfirmMutation, { organisationId });
  userErrorsOf(
    'providerDetailsConfirm',
    providerDetailsConfirm,
    providerDetailsConfirm.lastVerifiedAt,
  );
  return providerDetailsConfirm;
}

export type RegistrationChangeInput = {
  organisationId: string;
  locationId: string | null;
} & Registration;

export async function requestRegistrationChange(
  input: RegistrationChangeInput,
): Promise<UserError[]> {
  const { registrationChangeRequest } = await graphqlRequest<{
    registrationChangeRequest: Payload & { requestId: string | null };
  }>(registrationChangeRequestMutation, input);
  return userErrorsOf(
    'registrationChangeRequest',
    registrationChangeRequest,
    registrationChangeRequest.requestId,
  );
}
