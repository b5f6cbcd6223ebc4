import { Schema } from 'mongoose';
import { model } from '../../platform/models';
import { refuseChanges } from '../../platform/database';

export const AUDIT_ACTIONS = [
  'CHILD_VIEWED',
  'CHILD_ADDED',
  'CHILD_UPDATED',
  'CONSENT_GRANTED',
  'CONSENT_REVOKED',
  'COMMISSIONER_ACCESS_GRANTED',
  'FAMILY_DATA_EXPORTED',
  'FAMILY_ERASED',
  'BUDGET_VIEWED',
  'BUDGET_ALLOCATED',
  /** A commissioner looked at an insights panel (aggregates only: no family is named). */
  'INSIGHTS_VIEWED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The append-only audit log: who did what to which child's data, when and why. It holds
 * ids, roles and organisation names, never a person's name or a child's details: names are
 * looked up when the log is read, so erasing a family leaves the log whole and anonymous.
 * Nothing updates or deletes these documents (the hooks below refuse it).
 */
const auditEventSchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    actor: {
      account: { type: Schema.Types.ObjectId, required: true },
      role: { type: String, required: true },
      organisationName: { type: String },
    },
    /** True when the actor is outside the child's family: families see these as "who viewed". */
    outsider: { type: Boolean, required: true },
    /** The family whose data it was; absent for views of aggregates (INSIGHTS_VIEWED). */
    family: { type: Schema.Types.ObjectId },
    child: { type: Schema.Types.ObjectId },
    reason: { type: String },
    requestId: { type: String },
  },
  { collection: 'audit_events', versionKey: false },
);

auditEventSchema.index({ family: 1, at: -1 });
auditEventSchema.index({ child: 1, at: -1 });
auditEventSchema.index({ at: -1 });

refuseChanges(auditEventSchema, 'The audit log is append-only');

export const AuditEventModel = model('AuditEvent', auditEventSchema);
