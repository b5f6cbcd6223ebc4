import type { Types } from 'mongoose';
import { currentRequest } from '../../platform/request-context';
import type { SignedInActor } from './actor';
import { AuditEventModel, type AuditAction } from './audit.model';

export interface AuditEntry {
  action: AuditAction;
  actor: SignedInActor;
  familyId: string | Types.ObjectId;
  childId?: string | Types.ObjectId | null;
  reason?: string | null;
  /** The actor's organisation, shown to the family ("Jo, Sunrise Play Ltd"). */
  organisationName?: string | null;
}

export interface AccessEvent {
  id: string;
  at: Date;
  action: AuditAction;
  actorName: string;
  actorRole: string;
  reason: string | null;
  childId: string | null;
}

export class AuditService {
  constructor(private readonly accountNames: (ids: string[]) => Promise<Map<string, string>>) {}

  async record(entry: AuditEntry): Promise<void> {
    const { actor } = entry;
    const outsider = !(
      (actor.role === 'FAMILY' || actor.role === 'YOUNG_PERSON') &&
      actor.familyId === String(entry.familyId)
    );
    await AuditEventModel.create({
      at: new Date(),
      action: entry.action,
      actor: {
        account: actor.accountId,
        role: actor.role,
        organisationName: entry.organisationName ?? undefined,
      },
      outsider,
      family: entry.familyId,
      child: entry.childId ?? undefined,
      reason: entry.reason ?? undefined,
      requestId: currentRequest()?.requestId,
    });
  }

  /** A view of commissioners' aggregates: which panel, with which filters. */
  async recordAggregateView(actor: SignedInActor, reason: string): Promise<void> {
    await AuditEventModel.create({
      at: new Date(),
      action: 'INSIGHTS_VIEWED',
      actor: { account: actor.accountId, role: actor.role },
      outsider: false,
      reason,
      requestId: currentRequest()?.requestId,
    });
  }

  /** What people outside the family did with its children's data, newest first. */
  async outsiderEventsForFamily(familyId: string, childId?: string | null): Promise<AccessEvent[]> {
    const events = await AuditEventModel.find({
      family: familyId,
      outsider: true,
      ...(childId ? { child: childId } : {}),
    })
      .sort({ at: -1 })
      .limit(500)
      .lean();
    return this.withNames(events);
  }

  /** Every event about the family, oldest first, for its data download. */
  async allForFamily(familyId: string): Promise<AccessEvent[]> {
    const events = await AuditEventModel.find({ family: familyId }).sort({ at: 1 }).lean();
    return this.withNames(events);
  }

  async recent(filter: { childId?: string | null; limit: number }): Promise<AccessEvent[]> {
    const events = await AuditEventModel.find(filter.childId ? { child: filter.childId } : {})
      .sort({ at: -1 })
      .limit(filter.limit)
      .lean();
    return this.withNames(events);
  }

  private async withNames(events: StoredEvent[]): Promise<AccessEvent[]> {
    const names = await this.accountNames([
      ...new Set(events.map((event) => String(event.actor?.account))),
    ]);
    return events.map((event) =>
      toAccessEvent(event, names.get(String(event.actor?.account)) ?? 'Erased account'),
    );
  }
}

type StoredEvent = {
  _id: unknown;
  at: Date;
  action: string;
  actor?: { account: unknown; role: string; organisationName?: string | null } | null;
  reason?: string | null;
  child?: unknown;
};

function toAccessEvent(event: StoredEvent, name: string): AccessEvent {
  return {
    id: String(event._id),
    at: event.at,
    action: event.action as AuditAction,
    actorName: event.actor?.organisationName ? `${name}, ${event.actor.organisationName}` : name,
    actorRole: event.actor?.role ?? 'FAMILY',
    reason: event.reason ?? null,
    childId: event.child ? String(event.child) : null,
  };
}
