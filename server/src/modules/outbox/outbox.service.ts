import type { Logger } from '../../platform/logger';
import type { JobQueue } from '../jobs/job.service';
import { OutboxMessageModel, RecordedMessageModel, SendClaimModel } from './message.model';
import { renderMessage, renderText, type MessageTemplate } from './templates';
import type { MessageTransport } from './transports';
import { isDuplicateKey } from '../../platform/database';

export const DELIVER_JOB = 'outbox.deliver';
const MAX_ATTEMPTS = 10;

/**
 * Emails and texts go through the outbox: the message is stored first, then a job delivers it through
 * the configured transport, retrying with backoff. A message is handed to the transport at
 * most once (see SendClaimModel); one whose fate is unknown after a crash is marked
 * UNCERTAIN for a person to check rather than sent again.
 */
export class OutboxService {
  constructor(
    private readonly queue: JobQueue,
    private readonly transport: MessageTransport,
    private readonly log: Logger,
  ) {}

  async send(to: string, message: MessageTemplate): Promise<string> {
    const rendered = renderMessage(message);
    const saved = await OutboxMessageModel.create({ to, template: message.template, ...rendered });
    const id = String(saved._id);
    await this.queue.enqueue(
      DELIVER_JOB,
      { messageId: id },
      { key: `${DELIVER_JOB}:${id}`, maxAttempts: MAX_ATTEMPTS },
    );
    return id;
  }

  /**
   * The text of this notice to a mobile number (E.164), where the notice has one and the
   * transport can send texts; null otherwise. Delivered like an email: stored, then a job.
   */
  async sendText(to: string, message: MessageTemplate): Promise<string | null> {
    const body = renderText(message);
    if (!body || !this.transport.sendText) return null;
    const saved = await OutboxMessageModel.create({
      channel: 'SMS',
      to,
      template: message.template,
      subject: 'Text message',
      body,
    });
    const id = String(saved._id);
    await this.queue.enqueue(
      DELIVER_JOB,
      { messageId: id },
      { key: `${DELIVER_JOB}:${id}`, maxAttempts: MAX_ATTEMPTS },
    );
    return id;
  }

  async deliver(messageId: string): Promise<void> {
    const message = await OutboxMessageModel.findById(messageId).lean();
    if (!message || message.state !== 'QUEUED') return;

    try {
      await SendClaimModel.create({ _id: messageId });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await OutboxMessageModel.updateOne({ _id: messageId }, { $set: { state: 'UNCERTAIN' } });
      this.log.error(
        { messageId },
        'email may or may not have been sent before a crash; not sending again',
      );
      return;
    }

    try {
      const outgoing = { id: messageId, to: message.to, body: message.body };
      const { reference } =
        message.channel === 'SMS'
          ? await this.textTransport().sendText(outgoing)
          : await this.transport.send({ ...outgoing, subject: message.subject });
      await OutboxMessageModel.updateOne(
        { _id: messageId },
        {
          $set: { state: 'SENT', sentAt: new Date(), providerReference: reference },
          $inc: { attempts: 1 },
        },
      );
    } catch (error) {
      // The transport refused it, so it was not sent: free the claim for the next attempt.
      await SendClaimModel.deleteOne({ _id: messageId });
      const lastAttempt = message.attempts + 1 >= MAX_ATTEMPTS;
      await OutboxMessageModel.updateOne(
        { _id: messageId },
        {
          $set: {
            lastError: (error as Error).message,
            ...(lastAttempt ? { state: 'FAILED' } : {}),
          },
          $inc: { attempts: 1 },
        },
      );
      throw error;
    }
  }

  private textTransport() {
    const { sendText } = this.transport;
    if (!sendText) throw new Error(`the ${this.transport.name} transport cannot send texts`);
    return { sendText: sendText.bind(this.transport) };
  }

  /** The emails and texts sent to these addresses and numbers, for a data download. */
  async messagesTo(addresses: string[]) {
    return OutboxMessageModel.find(
      { to: { $in: addresses } },
      { channel: 1, to: 1, subject: 1, body: 1, state: 1, sentAt: 1, createdAt: 1 },
    )
      .sort({ createdAt: 1 })
      .lean()
      .exec();
  }

  /** Erasure: keeps that a message was sent, drops who to and what it said. */
  async eraseMessagesTo(addresses: string[]): Promise<void> {
    await OutboxMessageModel.updateMany(
      { to: { $in: addresses } },
      { $set: { to: 'erased', body: '[erased]' } },
    );
    await RecordedMessageModel.deleteMany({ to: { $in: addresses } });
  }
}
