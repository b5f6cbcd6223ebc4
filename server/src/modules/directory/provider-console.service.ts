import {
  FUNDING_TYPES,
  LOCATION_FEATURES,
  needCodeSchema,
  postcodeSchema,
  RATINGS,
  REGISTRATION_STATUSES,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
  textSchema,
  WEEKDAYS,
  type Registration,
} from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import { organisationAccess } from '../access/policy';
import type { OrganisationsService } from '../organisations/organisations.service';
import {
  LocationModel,
  ProviderProfileModel,
  RegistrationChangeModel,
  ServiceModel,
} from './directory.model';
import { insideUk, placeOf, type DirectoryService } from './directory.service';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30');
const optionalText = (label: string, max: number) => textSchema(label, { max }).nullish();

const profileSchema = z.object({
  organisationId: z.string(),
  description: optionalText('Description', 2000),
  website: z.url({ error: 'Enter a website address like https://example.org' }).max(300).nullish(),
  email: z
    .email({ error: 'Enter an email address in the correct format, like name@example.com' })
    .nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +()]{7,20}$/, 'Enter a UK phone number, like 01392 123456')
    .nullish(),
});

const locationSchema = z.object({
  organisationId: z.string(),
  locationId: z.string().nullish(),
  name: textSchema('Location name', { min: 1, max: 120 }),
  addressLine: optionalText('Address', 200),
  town: optionalText('Town', 80),
  postcode: postcodeSchema,
  lat: z.number().nullish(),
  lng: z.number().nullish(),
  features: z.array(LOCATION_FEATURES.schema('location feature')).max(10).default([]),
});

const serviceSchema = z
  .object({
    organisationId: z.string(),
    serviceId: z.string().nullish(),
    locationIds: z.array(z.string()).min(1, 'Choose at least one location').max(50),
    name: textSchema('Service name', { min: 1, max: 120 }),
    description: optionalText('Description', 2000),
    type: SERVICE_TYPES.schema('service type'),
    needs: z.array(needCodeSchema).max(20).default([]),
    minAge: z.number().int().min(0, 'Youngest age must be 0 or more').max(25),
    maxAge: z.number().int().min(0).max(25, 'Oldest age must be 25 or less'),
    accessibilitySupport: z.array(z.string().max(200)).max(10).default([]),
    ratios: z.array(SUPPORT_RATIOS.schema('support ratio')).max(3).default([]),
    upcomingRatios: z
      .array(
        z.object({
          ratio: SUPPORT_RATIOS.schema('support ratio'),
          from: z.string().refine(isCalendarDate, 'Enter the date it starts, like 2027-09-01'),
        }),
      )
      .max(3, 'Add at most 3 planned ratios')
      .default([]),
    skills: z.array(STAFF_SKILLS.schema('staff skill')).max(10).default([]),
    costOptions: z
      .array(
        z.object({
          label: textSchema('Cost label', { min: 1, max: 80 }),
          amountPence: z
            .number()
            .int('Amounts are whole pence')
            .min(0)
            .max(1_000_000, 'Cost must be £10,000 or less'),
          unit: z.enum(['SESSION', 'HOUR', 'DAY', 'NIGHT'], {
            error: 'Choose SESSION, HOUR, DAY or NIGHT',
          }),
        }),
      )
      .max(10)
      .default([]),
    funding: z.array(FUNDING_TYPES.schema('funding type')).max(6).default([]),
    days: z.array(WEEKDAYS.schema('day')).max(7).default([]),
    startTime: time.nullish(),
    endTime: time.nullish(),
    scheduleSummary: optionalText('When it runs', 300),
    status: z.enum(['ACTIVE', 'WITHDRAWN']).default('ACTIVE'),
  })
  .refine((s) => s.minAge <= s.maxAge, {
    path: ['maxAge'],
    message: 'Oldest age must be the same as or more than the youngest age',
  })
  .refine((s) => !s.startTime || !s.endTime || s.startTime < s.endTime, {
    path: ['endTime'],
    message: 'Finishing time must be after the start time',
  });

const registrationRequestSchema = z.object({
  organisationId: z.string(),
  locationId: z.string().nullish(),
  regulator: z.enum(['OFSTED', 'CQC'], { error: 'Choose Ofsted or CQC' }),
  identifier: z
    .string()
    .trim()
    .regex(
      /^(SC|EY)?\d{6,7}$|^1-\d{9,11}$/,
      'Enter an Ofsted URN like SC123456 or a CQC location ID like 1-545611283',
    ),
  registrationType: textSchema('Registration type', { min: 1, max: 120 }),
  status: REGISTRATION_STATUSES.schema('registration status'),
  rating: RATINGS.schema('rating').nullish(),
  inspectedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date like 2025-03-27')
    .nullish(),
});

/** What a provider's console edits: its profile, locations and services, and registration requests. */
export class ProviderConsoleService {
  constructor(
    private readonly deps: { directory: DirectoryService; organisations: OrganisationsService },
  ) {}

  /** The organisation named in the input, if the actor may work on it: checked before anything else. */
  private async organisationFor(actor: SignedInActor, input: unknown) {
    const organisationId = String(
      (input as { organisationId?: unknown } | null)?.organisationId ?? '',
    );
    if (!Types.ObjectId.isValid(organisationId) || !organisationAccess(actor, organisationId))
      throw forbidden();
    return this.deps.organisations.get(actor, organisationId);
  }

  async console(actor: SignedInActor, organisationId: string) {
    const organisation = await this.organisationFor(actor, { organisationId });
    const profile = await ProviderProfileModel.findById(organisationId).lean();
    const locations = await LocationModel.find({ organisation: organisationId })
      .sort({ name: 1 })
      .lean();
    const services = await ServiceModel.find({ organisation: organisationId })
      .sort({ name: 1 })
      .lean();
    const pending = await RegistrationChangeModel.find({
      organisation: organisationId,
      state: 'PENDING',
    }).lean();
    return { organisation, profile, locations, services, pendingRegistrationChanges: pending };
  }

  async updateProfile(actor: SignedInActor, input: unknown): Promise<{ userErrors: UserError[] }> {
    const organisation = await this.organisationFor(actor, input);
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error) };
    const profile = await ProviderProfileModel.findById(organisation.id).lean();
    await this.deps.directory.upsertProvider(
      {
        name: organisation.name,
        description: parsed.data.description,
        website: parsed.data.website,
        email: parsed.data.email,
        phone: parsed.data.phone,
        // Registrations change only through an admin-checked request.
        registrations: (profile?.registrations ?? []) as Registration[],
        externalIds: profile?.externalIds ?? {},
        source: profile?.source ?? 'SELF',
      },
      organisation.id,
    );
    return { userErrors: [] };
  }

  async saveLocation(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; locationId: string | null }> {
    const organisation = await this.organisationFor(actor, input);
    const parsed = locationSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), locationId: null };
    const data = parsed.data;
    if (data.lat != null && data.lng != null && !insideUk(data.lat, data.lng)) {
      return {
        userErrors: [
          { field: ['input', 'lat'], message: 'The pin must be in the UK', code: 'OUTSIDE_UK' },
        ],
        locationId: null,
      };
    }
    if ((data.lat == null || data.lng == null) && !placeOf(data.postcode)) {
      return {
        userErrors: [
          {
            field: ['input', 'postcode'],
            message: `We could not place ${data.postcode} on the map: drop a pin where the location is`,
            code: 'UNKNOWN_POSTCODE',
          },
        ],
        locationId: null,
      };
    }
    let existing: { registrations?: unknown[] } | null = null;
    if (data.locationId) {
      existing = Types.ObjectId.isValid(data.locationId)
        ? await LocationModel.findOne({
            _id: data.locationId,
            organisation: organisation.id,
          }).lean()
        : null;
      if (!existing) throw forbidden('There is no location with this id in your organisation');
    }
    const { locationId } = await this.deps.directory.upsertLocation(
      {
        ...data,
        organisationId: organisation.id,
        registrations: (existing?.registrations ?? []) as Registration[],
      },
      data.locationId ?? undefined,
    );
    return { userErrors: [], locationId };
  }

  async saveService(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; serviceId: string | null }> {
    const organisation = await this.organisationFor(actor, input);
    const parsed = serviceSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), serviceId: null };
    const data = parsed.data;
    if (!organisation.canPublish) {
      return {
        userErrors: [
          {
            field: null,
            message:
              'Harbour has to verify your organisation before its services can be published. We will email you when it is done.',
            code: 'NOT_VERIFIED',
          },
        ],
        serviceId: null,
      };
    }
    const own = await LocationModel.find({ organisation: organisation.id }, { _id: 1 }).lean();
    const ownIds = new Set(own.map((location) => String(location._id)));
    const foreign = data.locationIds.findIndex((id) => !ownIds.has(id));
    if (foreign >= 0) {
      return {
        userErrors: [
          {
            field: ['input', 'locationIds', String(foreign)],
            message: 'Choose one of your own locations',
            code: 'NOT_FOUND',
          },
        ],
        serviceId: null,
      };
    }
    if (data.serviceId) {
      const mine =
        Types.ObjectId.isValid(data.serviceId) &&
        (await ServiceModel.exists({ _id: data.serviceId, organisation: organisation.id }));
      if (!mine) throw forbidden('There is no service with this id in your organisation');
    }
    const { serviceId } = await this.deps.directory.upsertService(
      { ...data, organisationId: organisation.id },
      data.serviceId ?? undefined,
    );
    return { userErrors: [], serviceId };
  }

  /** "These details are still right": refreshes last verified on the profile, locations and services. */
  async confirmDetails(
    actor: SignedInActor,
    input: { organisationId?: unknown },
  ): Promise<{ userErrors: UserError[]; lastVerifiedAt: Date }> {
    const organisation = await this.organisationFor(actor, input);
    const now = new Date();
    await ProviderProfileModel.updateOne(
      { _id: organisation.id },
      { $set: { lastVerifiedAt: now } },
    );
    await LocationModel.updateMany(
      { organisation: organisation.id },
      { $set: { lastVerifiedAt: now } },
    );
    await ServiceModel.updateMany(
      { organisation: organisation.id },
      { $set: { lastVerifiedAt: now } },
    );
    await this.deps.directory.reprojectOrganisation(organisation.id);
    return { userErrors: [], lastVerifiedAt: now };
  }

  async requestRegistrationChange(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; requestId: string | null }> {
    const organisation = await this.organisationFor(actor, input);
    const parsed = registrationRequestSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), requestId: null };
    const { locationId, ...fields } = parsed.data;
    const registration = { ...fields, organisationId: undefined };
    if (
      locationId &&
      !(
        Types.ObjectId.isValid(locationId) &&
        (await LocationModel.exists({ _id: locationId, organisation: organisation.id }))
      )
    ) {
      return {
        userErrors: [
          {
            field: ['input', 'locationId'],
            message: 'Choose one of your own locations',
            code: 'NOT_FOUND',
          },
        ],
        requestId: null,
      };
    }
    const request = await RegistrationChangeModel.create({
      organisation: organisation.id,
      location: locationId ?? undefined,
      registration: { ...registration, source: 'PROVIDER', lastVerifiedAt: new Date() },
      requestedBy: actor.accountId,
    });
    return { userErrors: [], requestId: String(request._id) };
  }

  async pendingRegistrationChanges() {
    return RegistrationChangeModel.find({ state: 'PENDING' })
      .sort({ createdAt: 1 })
      .limit(200)
      .lean()
      .exec();
  }

  /** An admin checks a requested registration against the regulator's register, then approves or rejects it. */
  async reviewRegistrationChange(
    actor: SignedInActor,
    input: { requestId?: unknown; decision?: unknown; note?: unknown },
  ): Promise<{ userErrors: UserError[] }> {
    const id = String(input.requestId ?? '');
    if (input.decision !== 'APPROVED' && input.decision !== 'REJECTED') {
      return {
        userErrors: [
          { field: ['input', 'decision'], message: 'Choose APPROVED or REJECTED', code: 'INVALID' },
        ],
      };
    }
    const request = Types.ObjectId.isValid(id)
      ? await RegistrationChangeModel.findOne({ _id: id, state: 'PENDING' }).lean()
      : null;
    if (!request)
      return {
        userErrors: [
          {
            field: ['input', 'requestId'],
            message: 'There is no pending request with this id',
            code: 'NOT_FOUND',
          },
        ],
      };
    await RegistrationChangeModel.updateOne(
      { _id: id },
      {
        $set: {
          state: input.decision,
          reviewedBy: actor.accountId,
          reviewedAt: new Date(),
          reviewNote: typeof input.note === 'string' ? input.note.slice(0, 500) : undefined,
        },
      },
    );
    if (input.decision === 'APPROVED') {
      const registration = {
        ...request.registration,
        source: 'PROVIDER, checked by an admin',
        lastVerifiedAt: new Date(),
      };
      const replace = (list: Registration[]) => [
        ...list.filter(
          (r) =>
            !(r.regulator === registration.regulator && r.identifier === registration.identifier),
        ),
        registration as Registration,
      ];
      if (request.location) {
        const location = await LocationModel.findById(request.location).lean();
        if (location) {
          await LocationModel.updateOne(
            { _id: location._id },
            { $set: { registrations: replace((location.registrations ?? []) as Registration[]) } },
          );
        }
      } else {
        const profile = await ProviderProfileModel.findById(request.organisation).lean();
        if (profile) {
          await ProviderProfileModel.updateOne(
            { _id: profile._id },
            { $set: { registrations: replace((profile.registrations ?? []) as Registration[]) } },
          );
        }
      }
      await this.deps.directory.reprojectOrganisation(String(request.organisation));
    }
    return { userErrors: [] };
  }
}

/** A real day written YYYY-MM-DD (not 2027-02-30). */
function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
