import { noteChanges } from '../insights/insights.changes';
import { Schema } from 'mongoose';
import { model } from '../../platform/models';

/** A registration with Ofsted or CQC (see shared Registration and the handbook's domain notes). */
const registrationSchema = new Schema(
  {
    regulator: { type: String, enum: ['OFSTED', 'CQC'], required: true },
    identifier: { type: String, required: true },
    registrationType: { type: String, required: true },
    status: {
      type: String,
      enum: ['ACTIVE', 'SUSPENDED', 'CANCELLED', 'RESIGNED'],
      required: true,
    },
    minAge: { type: Number },
    maxAge: { type: Number },
    rating: { type: String },
    /** The scale the rating is on, e.g. "Ofsted overall effectiveness", "CQC overall". */
    ratingScale: { type: String },
    inspectedOn: { type: String },
    source: { type: String, required: true },
    lastVerifiedAt: { type: Date, required: true },
  },
  { _id: false },
);

const externalIdsSchema = new Schema(
  {
    ofstedUrn: { type: String },
    cqcLocationId: { type: String },
    cqcProviderId: { type: String },
    orukId: { type: String },
  },
  { _id: false },
);

/** What the directory says about a provider organisation; `_id` is the organisation's id. */
const providerProfileSchema = new Schema(
  {
    name: { type: String, required: true },
    description: { type: String },
    website: { type: String },
    email: { type: String },
    phone: { type: String },
    registrations: { type: [registrationSchema], default: [] },
    externalIds: { type: externalIdsSchema, default: {} },
    /** Where the record came from: the provider itself, an import, or the demo seed. */
    source: { type: String, required: true },
    lastVerifiedAt: { type: Date, required: true },
  },
  { timestamps: true, collection: 'provider_profiles' },
);

providerProfileSchema.index({ 'externalIds.ofstedUrn': 1 });
providerProfileSchema.index({ 'externalIds.cqcProviderId': 1 });
providerProfileSchema.index({ 'externalIds.orukId': 1 });

export const ProviderProfileModel = model('ProviderProfile', providerProfileSchema);

const locationSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    addressLine: { type: String },
    town: { type: String },
    postcode: { type: String, required: true },
    district: { type: String },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    features: { type: [String], default: [] },
    registrations: { type: [registrationSchema], default: [] },
    externalIds: { type: externalIdsSchema, default: {} },
    lastVerifiedAt: { type: Date, required: true },
  },
  { timestamps: true, collection: 'locations' },
);

locationSchema.index({ organisation: 1 });
locationSchema.index({ 'externalIds.cqcLocationId': 1 });
locationSchema.index({ 'externalIds.ofstedUrn': 1 });
locationSchema.index({ 'externalIds.orukId': 1 });

export const LocationModel = model('Location', locationSchema);

const costOptionSchema = new Schema(
  {
    label: { type: String, required: true },
    amountPence: { type: Number, required: true },
    /** Per session, per hour, per night, per day. */
    unit: { type: String, required: true },
  },
  { _id: false },
);

const serviceSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, required: true },
    locations: { type: [Schema.Types.ObjectId], default: [] },
    name: { type: String, required: true },
    description: { type: String },
    type: { type: String, required: true },
    needs: { type: [String], default: [] },
    minAge: { type: Number, required: true },
    maxAge: { type: Number, required: true },
    accessibilitySupport: { type: [String], default: [] },
    ratios: { type: [String], default: [] },
    /** Ratios the provider will offer from a date (YYYY-MM-DD), e.g. 1:1 from September. */
    upcomingRatios: {
      type: [
        {
          _id: false,
          ratio: { type: String, required: true },
          from: { type: String, required: true },
        },
      ],
      default: [],
    },
    skills: { type: [String], default: [] },
    costOptions: { type: [costOptionSchema], default: [] },
    funding: { type: [String], default: [] },
    /** When it runs: days and a daily window in Europe/London, plus words for exceptions. */
    days: { type: [String], default: [] },
    startTime: { type: String },
    endTime: { type: String },
    scheduleSummary: { type: String },
    phone: { type: String },
    email: { type: String },
    website: { type: String },
    status: { type: String, enum: ['ACTIVE', 'WITHDRAWN'], required: true, default: 'ACTIVE' },
    externalIds: { type: externalIdsSchema, default: {} },
    lastVerifiedAt: { type: Date, required: true },
    /** Ids of the listings currently published for this service (so they can be withdrawn by _id). */
    listingIds: { type: [String], default: [] },
  },
  { timestamps: true, collection: 'services' },
);

serviceSchema.index({ organisation: 1 });
serviceSchema.index({ locations: 1 });
serviceSchema.index({ 'externalIds.orukId': 1 });

export const ServiceModel = model('Service', serviceSchema);

/**
 * The search read model: one document per service at a location, with everything a search
 * filters on or a result card shows, and its compliance worked out. Rebuilt whenever the
 * service, its location or its provider changes (directory/listings.ts).
 */
const listingSchema = new Schema(
  {
    _id: { type: String, required: true },
    service: { type: Schema.Types.ObjectId, required: true },
    location: { type: Schema.Types.ObjectId, required: true },
    organisation: { type: Schema.Types.ObjectId, required: true },
    document: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, collection: 'service_listings', minimize: false },
);

listingSchema.index({ service: 1 });
listingSchema.index({ organisation: 1 });

noteChanges(listingSchema, 'listing');
export const ListingModel = model('Listing', listingSchema);

/** Each change to the listings, in order, so every server's in-memory search index can catch up. */
const listingChangeSchema = new Schema(
  {
    listing: { type: String, required: true },
    removed: { type: Boolean, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'listing_changes' },
);

export const ListingChangeModel = model('ListingChange', listingChangeSchema);

/** A provider's proposed change to its registrations, waiting for an admin to check it against the register. */
const registrationChangeSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, required: true },
    location: { type: Schema.Types.ObjectId },
    registration: { type: registrationSchema, required: true },
    state: {
      type: String,
      enum: ['PENDING', 'APPROVED', 'REJECTED'],
      required: true,
      default: 'PENDING',
    },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    reviewedBy: { type: Schema.Types.ObjectId },
    reviewedAt: { type: Date },
    reviewNote: { type: String },
  },
  { timestamps: true, collection: 'registration_changes' },
);

registrationChangeSchema.index({ state: 1, createdAt: 1 });
registrationChangeSchema.index({ organisation: 1 });

export const RegistrationChangeModel = model('RegistrationChange', registrationChangeSchema);
