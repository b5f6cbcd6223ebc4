import nodemailer from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { RecordedMessageModel } from './message.model';

export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface OutgoingText {
  id: string;
  /** A mobile number in E.164. */
  to: string;
  body: string;
}

/** Hands an email (or a text) to whoever delivers it; throws when it was not accepted. */
export interface MessageTransport {
  name: string;
  send(email: OutgoingEmail): Promise<{ reference?: string }>;
  /** Absent when this transport cannot send texts (SMTP, or Notify with no text template). */
  sendText?(text: OutgoingText): Promise<{ reference?: string }>;
}

/** Development and tests: keeps each email in `recorded_messages` (and logs its subject). */
export function recordingTransport(log: Logger): MessageTransport {
  return {
    name: 'recording',
    async send(email) {
      const recorded = await RecordedMessageModel.create({
        to: email.to,
        subject: email.subject,
        body: email.body,
      });
      log.info(
        { to: email.to, subject: email.subject },
        'email recorded (not sent): see /dev/mailbox',
      );
      return { reference: String(recorded._id) };
    },
    async sendText(text) {
      const recorded = await RecordedMessageModel.create({
        channel: 'SMS',
        to: text.to,
        subject: 'Text message',
        body: text.body,
      });
      log.info({ to: text.to }, 'text recorded (not sent): see /dev/mailbox');
      return { reference: String(recorded._id) };
    },
  };
}

/**
 * GOV.UK Notify, which councils already use: one email template with ((subject)) and ((body)),
 * and, where configured, one text template with ((body)).
 */
export function notifyTransport(options: {
  apiKey: string;
  templateId: string;
  smsTemplateId?: string;
  baseUrl?: string;
}): MessageTransport {
  const client = options.baseUrl
    ? new NotifyClient(options.baseUrl, options.apiKey)
    : new NotifyClient(options.apiKey);
  return {
    name: 'notify',
    async send(email) {
      const response = await client.sendEmail(options.templateId, email.to, {
        personalisation: { subject: email.subject, body: email.body },
        reference: email.id,
      });
      return { reference: (response.data as { id?: string }).id };
    },
    ...(options.smsTemplateId && {
      async sendText(text: OutgoingText) {
        const response = await client.sendSms(options.smsTemplateId ?? '', text.to, {
          personalisation: { body: text.body },
          reference: text.id,
        });
        return { reference: (response.data as { id?: string }).id };
      },
    }),
  };
}

export function smtpTransport(options: { url: string; from: string }): MessageTransport {
  const transporter = nodemailer.createTransport(options.url);
  return {
    name: 'smtp',
    async send(email) {
      const info = await transporter.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.body,
        messageId: `<${email.id}@harbour>`,
      });
      return { reference: info.messageId };
    },
  };
}

export function createTransport(messages: Config['messages'], log: Logger): MessageTransport {
  switch (messages.transport) {
    case 'notify':
      return notifyTransport({
        apiKey: messages.notify.apiKey ?? '',
        templateId: messages.notify.templateId ?? '',
        smsTemplateId: messages.notify.smsTemplateId,
        baseUrl: messages.notify.baseUrl,
      });
    case 'smtp':
      return smtpTransport({ url: messages.smtpUrl ?? '', from: messages.from });
    case 'recording':
      return recordingTransport(log);
  }
}
