import { Schema } from 'mongoose';
import { model } from '../../platform/models';

export const MESSAGE_STATES = ['QUEUED', 'SENT', 'FAILED', 'UNCERTAIN'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const MESSAGE_CHANNELS = ['EMAIL', 'SMS'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * An email or text waiting to go, or gone: what we asked to send, and what became of it.
 * `to` is an email address, or for a text a mobile number in E.164 (+447700900982).
 */
const outboxMessageSchema = new Schema(
  {
    channel: { type: String, enum: MESSAGE_CHANNELS, required: true, default: 'EMAIL' },
    to: { type: String, required: true },
    template: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    state: { type: String, enum: MESSAGE_STATES, required: true, default: 'QUEUED' },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String },
    providerReference: { type: String },
    sentAt: { type: Date },
  },
  { timestamps: true, collection: 'outbox_messages' },
);

outboxMessageSchema.index({ to: 1, createdAt: -1 });

export const OutboxMessageModel = model('OutboxMessage', outboxMessageSchema);

/**
 * The claim to hand a message to the transport. Inserted (unique `_id` = message id)
 * before sending and removed only when the transport says it did not send, so a message
 * is never handed over twice — even when two workers or a crash get in the way.
 */
const sendClaimSchema = new Schema(
  { _id: { type: String, required: true }, worker: { type: String } },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'outbox_send_claims' },
);

export const SendClaimModel = model('OutboxSendClaim', sendClaimSchema);

/** What the recording transport kept (development and tests only). */
const recordedMessageSchema = new Schema(
  {
    channel: { type: String, enum: MESSAGE_CHANNELS, required: true, default: 'EMAIL' },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'recorded_messages' },
);

recordedMessageSchema.index({ to: 1, createdAt: -1 });

export const RecordedMessageModel = model('RecordedMessage', recordedMessageSchema);
