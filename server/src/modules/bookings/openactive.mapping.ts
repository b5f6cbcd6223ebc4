import { ACCESSIBILITY_SUPPORT } from '@harbour/shared';
import type { Listing } from '../directory/listing';

/** OpenActive's context: the Modelling Opportunity Data specification 2.0. */
const CONTEXT = ['https://openactive.io/', 'https://openactive.io/ns-beta'];
const ACTIVITY_LIST = 'https://openactive.io/activity-list';
export const FEED_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * The OpenActive Activity List is about sport and physical activity: Harbour's holiday
 * schemes are an "Activity Holiday Camp"; anything else is the inclusive play and activity
 * the list calls "Multisports" only loosely, so it is named in its own words as well.
 */
function activityOf(type: string) {
  if (type === 'HOLIDAY_SCHEME') {
    return {
      '@type': 'Concept',
      id: `${ACTIVITY_LIST}#051e492d-e053-4d24-a54c-e9de9fc637cf`,
      inScheme: ACTIVITY_LIST,
      prefLabel: 'Activity Holiday Camp',
    };
  }
  return {
    '@type': 'Concept',
    id: `${ACTIVITY_LIST}#26a7b902-1ddd-46fd-9371-853e414c9eb3`,
    inScheme: ACTIVITY_LIST,
    prefLabel: 'Multisports',
  };
}

export interface FeedSession {
  id: string;
  seriesId: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  places: number;
  placesLeft: number;
  pricePence: number;
  modified: number;
}

export interface FeedSeries {
  id: string;
  listing: Listing | null;
  schedule: {
    pattern: string;
    firstDate: string;
    lastDate?: string | null;
    startTime: string;
    endTime: string;
    days?: string[] | null;
  };
  minAge: number;
  maxAge: number;
  pricePence: number;
  modified: number;
}

/** 2027-03-06T16:00:00Z: OpenActive's DateTime, without milliseconds. */
const isoSeconds = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

const offer = (baseUrl: string, id: string, pricePence: number) => ({
  '@type': 'Offer',
  '@id': `${baseUrl}#offer`,
  identifier: `${id}-offer`,
  name: pricePence === 0 ? 'Free' : 'Per session',
  price: pricePence / 100,
  priceCurrency: 'GBP',
});

const SCHEMA_DAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const weekdayOf = (date: string) =>
  ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'MO';

/** The series' pattern as an OpenActive PartialSchedule, in Europe/London wall-clock time. */
function scheduleOf(schedule: FeedSeries['schedule']) {
  const days =
    schedule.pattern === 'HOLIDAY_SCHEME'
      ? schedule.days?.length
        ? schedule.days
        : ['MO', 'TU', 'WE', 'TH', 'FR']
      : [weekdayOf(schedule.firstDate)];
  const frequency = { WEEKLY: 'P1W', FORTNIGHTLY: 'P2W', HOLIDAY_SCHEME: 'P1D' }[schedule.pattern];
  return {
    '@type': 'PartialSchedule',
    ...(frequency ? { repeatFrequency: frequency } : {}),
    byDay: days.map((day) => `https://schema.org/${SCHEMA_DAYS[day] ?? 'Monday'}`),
    startDate: schedule.firstDate,
    ...(schedule.lastDate || !frequency
      ? { endDate: schedule.lastDate ?? schedule.firstDate }
      : {}),
    startTime: schedule.startTime,
    endTime: schedule.endTime,
    scheduleTimezone: 'Europe/London',
  };
}

/** A session series as an OpenActive SessionSeries, with its place and provider. */
export function sessionSeriesData(series: FeedSeries, publicUrl: string) {
  const listing = series.listing;
  const url = `${publicUrl}/api/openactive/session-series/${series.id}`;
  return {
    '@context': CONTEXT,
    '@type': 'SessionSeries',
    '@id': url,
    identifier: series.id,
    name: listing?.serviceName ?? 'Session',
    description: listing?.description || undefined,
    url: listing ? `${publicUrl}/services/${encodeURIComponent(listing.id)}` : undefined,
    activity: [activityOf(listing?.type ?? '')],
    organizer: {
      '@type': 'Organization',
      '@id': `${publicUrl}/api/oruk/organizations/${listing?.organisationId ?? 'unknown'}`,
      name: listing?.providerName ?? 'Provider',
      ...(listing?.website ? { url: listing.website } : {}),
    },
    location: listing
      ? {
          '@type': 'Place',
          name: listing.locationName,
          address: {
            '@type': 'PostalAddress',
            ...(listing.addressLine ? { streetAddress: listing.addressLine } : {}),
            ...(listing.town ? { addressLocality: listing.town } : {}),
            addressRegion: 'Devon',
            postalCode: listing.postcode,
            addressCountry: 'GB',
          },
          geo: { '@type': 'GeoCoordinates', latitude: listing.lat, longitude: listing.lng },
        }
      : undefined,
    accessibilitySupport: (listing?.accessibilitySupport ?? []).flatMap((id) => {
      const concept = ACCESSIBILITY_SUPPORT.find((c) => c.id === id);
      return concept
        ? [
            {
              '@type': 'Concept',
              id: concept.id,
              inScheme: 'https://openactive.io/accessibility-support',
              prefLabel: concept.label,
            },
          ]
        : [];
    }),
    eventSchedule: [scheduleOf(series.schedule)],
    ageRange: { '@type': 'QuantitativeValue', minValue: series.minAge, maxValue: series.maxAge },
    offers: [offer(url, series.id, series.pricePence)],
  };
}

/** One session as an OpenActive ScheduledSession: its time, places left and status. */
export function scheduledSessionData(session: FeedSession, publicUrl: string) {
  const url = `${publicUrl}/api/openactive/scheduled-sessions/${session.id}`;
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  return {
    '@context': CONTEXT,
    '@type': 'ScheduledSession',
    '@id': url,
    identifier: session.id,
    superEvent: `${publicUrl}/api/openactive/session-series/${session.seriesId}`,
    startDate: isoSeconds(session.startsAt),
    endDate: isoSeconds(session.endsAt),
    duration: `PT${Math.floor(minutes / 60)}H${minutes % 60}M`,
    maximumAttendeeCapacity: session.places,
    remainingAttendeeCapacity: session.status === 'CANCELLED' ? 0 : session.placesLeft,
    eventStatus:
      session.status === 'CANCELLED'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    offers: [offer(url, session.id, session.pricePence)],
  };
}

/** The dataset page: what the feeds hold, where they are, and the licence. */
export function datasetDescription(publicUrl: string) {
  const base = `${publicUrl}/api/openactive`;
  return {
    '@context': ['https://schema.org/', 'https://openactive.io/'],
    '@type': 'Dataset',
    '@id': `${base}/`,
    url: `${base}/`,
    name: 'Harbour short breaks and inclusive activities in Devon',
    description:
      'Sessions of short breaks and inclusive activities for disabled children and young people in Devon, with places left, as OpenActive RPDE feeds.',
    license: FEED_LICENSE,
    publisher: { '@type': 'Organization', name: 'Harbour', url: publicUrl },
    distribution: [
      {
        '@type': 'DataDownload',
        name: 'SessionSeries',
        additionalType: 'https://openactive.io/SessionSeries',
        encodingFormat: 'application/vnd.openactive.rpde+json; version=1',
        contentUrl: `${base}/session-series`,
      },
      {
        '@type': 'DataDownload',
        name: 'ScheduledSession',
        additionalType: 'https://openactive.io/ScheduledSession',
        encodingFormat: 'application/vnd.openactive.rpde+json; version=1',
        contentUrl: `${base}/scheduled-sessions`,
      },
    ],
  };
}
