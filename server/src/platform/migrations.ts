import mongoose from 'mongoose';
import type { Logger } from './logger';
import { applySteps, type Step } from './steps';

/**
 * Schema changes, in order, each applied once. Indexes declared on models are synced at
 * every start instead (createIndexes is idempotent), so most modules need no step here.
 */
export const migrations: Step[] = [
  {
    // Memberships became a per-account list (organisations/organisation.model.ts).
    id: '2026-11-account-membership-lists',
    async apply() {
      const organisations = mongoose.connection.collection('organisations');
      const lists = new Map<string, { organisation: unknown; role: string }[]>();
      for await (const organisation of organisations.find({}, { projection: { members: 1 } })) {
        for (const member of (organisation.members ?? []) as { account: unknown; role: string }[]) {
          const key = String(member.account);
          lists.set(key, [
            ...(lists.get(key) ?? []),
            { organisation: organisation._id, role: member.role },
          ]);
        }
      }
      const memberships = mongoose.connection.collection<{ _id: string }>('account_memberships');
      for (const [account, list] of lists) {
        await memberships.updateOne(
          { _id: account },
          { $set: { memberships: list } },
          { upsert: true },
        );
      }
    },
  },
];

export async function migrate(log: Logger): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  await applySteps('migrations', migrations, log);
}
