import { EMPTY_PROFILE, type ChildProfile } from '@harbour/shared';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../platform/database';
import { ChildModel, ChildVersionModel } from './family.model';

/** A child as stored. */
export interface StoredConsent {
  organisation: Types.ObjectId | string;
  grantedAt: Date;
  grantedBy?: Types.ObjectId | string | null;
  sections?: string[] | null;
}

export interface StoredChild {
  _id: Types.ObjectId;
  family: Types.ObjectId;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  youngPersonAccount?: Types.ObjectId | null;
  consents: StoredConsent[];
  profile?: Partial<ChildProfile> | null;
  profileVersion?: number | null;
}

export interface ChildChange {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  profile?: Partial<ChildProfile>;
  /** The whole list of providers the family shares with, as it is to be. */
  consents?: StoredConsent[];
}

export type ChildChangeOutcome =
  { saved: true; child: StoredChild; version: number } | { saved: false; message: string };

const STALE =
  'Someone else changed this record since you opened it. Check the latest details and make your change again.';

export function profileOf(child: StoredChild): ChildProfile {
  return { ...EMPTY_PROFILE, ...(child.profile ?? {}) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a change to a child's record as a new version, then applies it to the child. The
 * version's unique id decides between concurrent changes; a version saved by a process
 * that stopped before applying it is applied by the next change (rolled forward).
 */
export async function saveChildChange(
  child: StoredChild,
  change: ChildChange,
  changedBy: string,
  expectedVersion?: number | null,
): Promise<ChildChangeOutcome> {
  const current = child.profileVersion ?? 0;
  if (expectedVersion != null && expectedVersion !== current)
    return { saved: false, message: STALE };
  const before = profileOf(child);
  const profile = { ...before, ...change.profile };
  const names = {
    firstName: change.firstName ?? child.firstName,
    lastName: change.lastName ?? child.lastName,
    dateOfBirth: change.dateOfBirth ?? child.dateOfBirth,
  };
  const consents = change.consents ?? child.consents;
  const changedFields = [
    ...(['firstName', 'lastName', 'dateOfBirth'] as const).filter((f) => names[f] !== child[f]),
    ...(Object.keys(profile) as (keyof ChildProfile)[]).filter((f) => !same(profile[f], before[f])),
    ...(same(consents, child.consents) ? [] : ['consents']),
  ];
  if (current > 0 && changedFields.length === 0) {
    return { saved: true, version: current, child };
  }
  const version = current + 1;
  try {
    await ChildVersionModel.create({
      _id: `${String(child._id)}:${version}`,
      child: child._id,
      family: child.family,
      version,
      changedAt: new Date(),
      changedBy,
      changedFields: current === 0 ? ['created'] : changedFields,
      ...names,
      profile,
      consents,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await rollForward(child, version);
    return { saved: false, message: STALE };
  }
  // Only forwards: a slow writer must not put back an older version over a newer one.
  await ChildModel.updateOne(
    { _id: child._id, profileVersion: { $lt: version } },
    { $set: { ...names, profile, consents, profileVersion: version } },
  );
  return {
    saved: true,
    version,
    child: { ...child, ...names, profile, consents, profileVersion: version },
  };
}

/**
 * Applies a version that was saved but not applied (its writer stopped in between, or is
 * about to apply it). Returns whether there was one.
 */
export async function rollForward(child: StoredChild, version: number): Promise<boolean> {
  const saved = await ChildVersionModel.findById(`${String(child._id)}:${version}`).lean();
  if (!saved) return false;
  await ChildModel.updateOne(
    { _id: child._id, profileVersion: { $lt: version } },
    {
      $set: {
        firstName: saved.firstName,
        lastName: saved.lastName,
        dateOfBirth: saved.dateOfBirth,
        profile: saved.profile,
        ...(saved.consents ? { consents: saved.consents } : {}),
        profileVersion: version,
      },
    },
  );
  return true;
}

/** A child's versions, newest first (at most `limit`), read by id. */
export async function childVersions(
  childId: string,
  latest: number,
  limit = 50,
): Promise<
  {
    version: number;
    changedAt: Date;
    changedBy: string;
    changedFields: string[];
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    profile: ChildProfile;
  }[]
> {
  const numbers = Array.from({ length: Math.min(latest, limit) }, (_, i) => latest - i);
  const versions = await Promise.all(
    numbers.map((n) => ChildVersionModel.findById(`${childId}:${n}`).lean().exec()),
  );
  return versions.flatMap((v) =>
    v
      ? [
          {
            version: v.version,
            changedAt: v.changedAt,
            changedBy: String(v.changedBy),
            changedFields: v.changedFields,
            firstName: v.firstName,
            lastName: v.lastName,
            dateOfBirth: v.dateOfBirth,
            profile: { ...EMPTY_PROFILE, ...(v.profile as Partial<ChildProfile>) },
          },
        ]
      : [],
  );
}
