import {
  bookingWindow,
  cancellationPolicyInWords,
  expandSchedule,
  seriesScheduleSchema,
  sessionTermsSchema,
  staffNeeded,
  supportUnitsOf,
  type SessionTerms,
} from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, withoutNulls, type UserError } from '../../graphql/user-errors';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import { organisationAccess } from '../access/policy';
import type { DirectoryService } from '../directory/directory.service';
import {
  BookingModel,
  ScheduledSessionModel,
  SessionSeriesModel,
  type StoredSession,
} from './booking.model';
import { capacityUsed } from './capacity-claims';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** The terms a series sets, with a whole-pence price (the API takes a number so fractions get words). */
const seriesCreateSchema = z
  .strictObject({
    listingId: z.string(),
    schedule: seriesScheduleSchema,
    terms: sessionTermsSchema,
  })
  .superRefine((input, ctx) => {
    if (input.terms.maxAge < input.terms.minAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['terms', 'maxAge'],
        message: 'Oldest age must be the same as or more than the youngest age',
      });
    }
  });

export interface SessionView {
  id: string;
  seriesId: string;
  organisationId: string;
  listingId: string;
  name: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  pattern: string;
  status: string;
  cancelledReason: string | null;
  terms: SessionTerms;
  placesBooked: number;
  placesLeft: number;
  staffNeeded: number;
  supportUnitsLeft: number;
  waitlistLength: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  cancellationPolicy: string;
  modified: number;
}

/** London's Monday 00:00 of the week holding `day` (YYYY-MM-DD), as a UTC instant range. */
function weekOf(day: string): { from: Date; to: Date } {
  const date = new Date(`${day}T12:00:00Z`);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY);
  const from = new Date(`${monday.toISOString().slice(0, 10)}T00:00:00Z`);
  // A day either side covers the hour's difference of British Summer Time; callers filter by date.
  return { from: new Date(from.getTime() - HOUR), to: new Date(from.getTime() + 7 * DAY + HOUR) };
}

export function termsOf(session: Pick<StoredSession, keyof SessionTerms>): SessionTerms {
  return {
    places: session.places,
    staff: session.staff,
    groupRatio: session.groupRatio,
    minAge: session.minAge,
    maxAge: session.maxAge,
    opensDaysBefore: session.opensDaysBefore,
    closesHoursBefore: session.closesHoursBefore,
    pricePence: session.pricePence,
    freeCancellationHours: session.freeCancellationHours,
    chargeAt: (session.chargeAt ?? 'ATTENDANCE') as SessionTerms['chargeAt'],
  };
}

/**
 * Sessions: a provider's series (expanded from their schedules into sessions families can
 * book) and the views of them with their fill: places and staff, from the capacity claims.
 */
export class SessionsService {
  constructor(private readonly deps: { directory: DirectoryService }) {}

  async createSeries(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; seriesId: string | null; sessions: SessionView[] }> {
    const nothing = { seriesId: null, sessions: [] };
    const parsed = seriesCreateSchema.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), ...nothing };
    const { listingId, schedule, terms } = parsed.data;
    const listing = await this.deps.directory.listingById(listingId);
    if (!listing || !organisationAccess(actor, listing.organisationId)) {
      return {
        userErrors: [
          {
            field: ['input', 'listingId'],
            message:
              'There is no published service at this location of yours: sessions can be added once the service is listed',
            code: 'NOT_FOUND',
          },
        ],
        ...nothing,
      };
    }
    const expanded = expandSchedule(schedule);
    if ('problem' in expanded) {
      return {
        userErrors: [
          {
            field: ['input', 'schedule', ...(expanded.path ?? []).map(String)],
            message: expanded.problem,
            code: 'INVALID',
          },
        ],
        ...nothing,
      };
    }
    const now = Date.now();
    if (expanded.occurrences.every((o) => o.startsAt.getTime() <= now)) {
      return {
        userErrors: [
          {
            field: ['input', 'schedule', 'firstDate'],
            message: 'Every session of this pattern is in the past: choose dates from today',
            code: 'INVALID',
          },
        ],
        ...nothing,
      };
    }
    const series = await SessionSeriesModel.create({
      organisation: listing.organisationId,
      listingId,
      service: listing.serviceId,
      location: listing.locationId,
      name: listing.serviceName,
      schedule,
      ...terms,
      createdBy: actor.accountId,
    });
    const docs = expanded.occurrences
      .filter((o) => o.startsAt.getTime() > now)
      .map((occurrence, index) => ({
        series: series._id,
        organisation: listing.organisationId,
        listingId,
        name: listing.serviceName,
        plannedDate: occurrence.plannedDate,
        date: occurrence.date,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        pattern: schedule.pattern,
        ...terms,
        modified: now + index,
      }));
    const sessions = await ScheduledSessionModel.insertMany(docs);
    return {
      userErrors: [],
      seriesId: String(series._id),
      sessions: await this.views(sessions.map((s) => s.toObject() as unknown as StoredSession)),
    };
  }

  /** A provider's sessions in one week (London), with their fill; optionally one service's. */
  async calendar(
    actor: SignedInActor,
    input: { organisationId: string; weekOf: string; serviceId?: string | null },
  ): Promise<SessionView[]> {
    if (!organisationAccess(actor, input.organisationId)) throw forbidden();
    const day = /^\d{4}-\d{2}-\d{2}$/.test(input.weekOf) ? input.weekOf : null;
    if (!day) return [];
    const { from, to } = weekOf(day);
    const monday = new Date(from.getTime() + HOUR).toISOString().slice(0, 10);
    const sunday = new Date(from.getTime() + HOUR + 6 * DAY).toISOString().slice(0, 10);
    const sessions = await ScheduledSessionModel.find({
      organisation: input.organisationId,
      startsAt: { $gte: from, $lt: to },
    })
      .sort({ startsAt: 1 })
      .lean();
    const inWeek = sessions.filter(
      (s) =>
        s.date >= monday &&
        s.date <= sunday &&
        (!input.serviceId || s.listingId.startsWith(`${input.serviceId}:`)),
    );
    return this.views(inWeek as unknown as StoredSession[]);
  }

  /** The upcoming sessions of one listing that families can see (not cancelled, not started). */
  async upcomingForListing(listingId: string, limit = 60): Promise<SessionView[]> {
    const sessions = await ScheduledSessionModel.find({
      listingId,
      status: 'SCHEDULED',
      startsAt: { $gt: new Date() },
    })
      .sort({ startsAt: 1 })
      .limit(limit)
      .lean();
    return this.views(sessions as unknown as StoredSession[]);
  }

  /**
   * Places at a service's sessions over the next four weeks, at every location: the numbers
   * the ORUK API publishes as service_capacity (the OpenActive feed gives them per session).
   */
  async capacityOfService(
    serviceId: string,
  ): Promise<{ maximum: number; available: number; updated: Date } | null> {
    const now = new Date();
    const sessions = (await ScheduledSessionModel.find({
      listingId: { $regex: `^${serviceId.replace(/[^a-f0-9]/gi, '')}:` },
      status: 'SCHEDULED',
      startsAt: { $gt: now, $lt: new Date(now.getTime() + 28 * DAY) },
    }).lean()) as unknown as StoredSession[];
    if (sessions.length === 0) return null;
    const views = await this.views(sessions);
    return {
      maximum: views.reduce((sum, v) => sum + v.terms.places, 0),
      available: views.reduce((sum, v) => sum + v.placesLeft, 0),
      updated: now,
    };
  }

  async session(id: string): Promise<StoredSession | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return (await ScheduledSessionModel.findById(id).lean()) as unknown as StoredSession | null;
  }

  async sessions(ids: readonly string[]): Promise<StoredSession[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    // One _id read each: FerretDB reads every session for a long `$in`.
    const found = await Promise.all(valid.map((id) => ScheduledSessionModel.findById(id).lean()));
    return found.filter(Boolean) as unknown as StoredSession[];
  }

  /** One session as it is now, with its fill. */
  async viewOf(sessionId: string): Promise<SessionView> {
    const session = await this.session(sessionId);
    const [view] = session ? await this.views([session]) : [];
    if (!view) throw new Error(`session ${sessionId} has gone`);
    return view;
  }

  /** Sessions as views with their fill, counted from the claims in one grouped read. */
  async views(sessions: readonly StoredSession[]): Promise<SessionView[]> {
    const ids = sessions.map((s) => String(s._id));
    const [used, waiting] = await Promise.all([capacityUsed(ids), this.waitlistLengths(ids)]);
    return sessions.map((session) => {
      const id = String(session._id);
      const fill = used.get(id) ?? { places: 0, supportUnits: 0 };
      const terms = termsOf(session);
      return {
        id,
        seriesId: String(session.series),
        organisationId: String(session.organisation),
        listingId: session.listingId,
        name: session.name,
        date: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        pattern: session.pattern,
        status: session.status,
        cancelledReason: session.cancelledReason ?? null,
        terms,
        placesBooked: fill.places,
        placesLeft: Math.max(0, terms.places - fill.places),
        staffNeeded: staffNeeded(fill.supportUnits, terms.groupRatio),
        supportUnitsLeft: Math.max(0, supportUnitsOf(terms) - fill.supportUnits),
        waitlistLength: waiting.get(id) ?? 0,
        bookingOpensAt: new Date(session.startsAt.getTime() - terms.opensDaysBefore * DAY),
        bookingClosesAt: new Date(session.startsAt.getTime() - terms.closesHoursBefore * HOUR),
        cancellationPolicy: cancellationPolicyInWords(terms),
        modified: session.modified,
      };
    });
  }

  /** Whether a session can be booked now, and why not in words. */
  bookable(session: StoredSession, now = new Date()): { open: boolean; why: string | null } {
    if (session.status === 'CANCELLED') {
      return { open: false, why: 'This session has been cancelled by the provider' };
    }
    const window = bookingWindow(
      {
        startsAt: session.startsAt,
        opensDaysBefore: session.opensDaysBefore,
        closesHoursBefore: session.closesHoursBefore,
      },
      now,
    );
    return window.open ? { open: true, why: null } : { open: false, why: window.why };
  }

  /** Children waiting at each session (equality filters only: see capacityUsed). */
  private async waitlistLengths(ids: readonly string[]): Promise<Map<string, number>> {
    const lengths = await Promise.all(
      ids.map(
        async (id) =>
          [id, await BookingModel.countDocuments({ session: id, state: 'WAITLISTED' })] as const,
      ),
    );
    return new Map(lengths);
  }
}
