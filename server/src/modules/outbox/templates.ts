/**
 * The emails (and the few texts) Harbour sends, as plain text that works in GOV.UK Notify (through one template
 * whose subject is ((subject)) and body ((body))) and over SMTP alike.
 */
export type MessageTemplate =
  | { template: 'EMAIL_VERIFICATION'; name: string; link: string }
  | { template: 'ACCOUNT_ALREADY_EXISTS'; name: string; signInLink: string; resetLink: string }
  | { template: 'PASSWORD_RESET'; name: string; link: string }
  | { template: 'PASSWORD_CHANGED'; name: string }
  | { template: 'INVITATION'; inviter: string; purpose: string; link: string }
  | (BookingNotice & {
      template:
        | 'BOOKING_CONFIRMED'
        | 'BOOKING_REMINDER'
        | 'WAITLIST_JOINED'
        | 'WAITLIST_OFFER'
        | 'WAITLIST_OFFER_EXPIRED'
        | 'BOOKING_CANCELLED'
        | 'SESSION_CANCELLED';
    });

/** What every booking email says: whose booking, which sessions, and where to manage it. */
export interface BookingNotice {
  childName: string;
  serviceName: string;
  /** One line per session: "HB-ABCD-EFGH: Saturday 6 March 2027, 10:00am to 12:00pm". */
  sessions: string[];
  link: string;
  /** WAITLIST_OFFER: "Sunday 7 March 2027 at 4:00pm"; cancellations: the reason or terms. */
  detail?: string;
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

const signOff = '\n\nHarbour – short breaks and activities in Devon';

export function renderMessage(message: MessageTemplate): RenderedMessage {
  switch (message.template) {
    case 'EMAIL_VERIFICATION':
      return {
        subject: 'Confirm your email address',
        body:
          `Dear ${message.name},\n\nConfirm your email address to finish creating your Harbour account:\n\n${message.link}\n\n` +
          `The link works once and expires in 24 hours. If you did not create an account, you can ignore this email.${signOff}`,
      };
    case 'ACCOUNT_ALREADY_EXISTS':
      return {
        subject: 'You already have a Harbour account',
        body:
          `Dear ${message.name},\n\nSomeone, probably you, tried to create a Harbour account with this email address, but you already have one.\n\n` +
          `Sign in: ${message.signInLink}\nForgotten your password? ${message.resetLink}\n\n` +
          `If this was not you, you do not need to do anything.${signOff}`,
      };
    case 'PASSWORD_RESET':
      return {
        subject: 'Reset your Harbour password',
        body:
          `Dear ${message.name},\n\nUse this link to choose a new password:\n\n${message.link}\n\n` +
          `The link works once and expires in 1 hour. If you did not ask to reset your password, you can ignore this email: your password has not changed.${signOff}`,
      };
    case 'PASSWORD_CHANGED':
      return {
        subject: 'Your Harbour password has been changed',
        body:
          `Dear ${message.name},\n\nYour password has been changed and you have been signed out on every device.\n\n` +
          `If you did not do this, reset your password straight away and tell your council's SEND team.${signOff}`,
      };
    case 'INVITATION':
      return {
        subject: `${message.inviter} has invited you to Harbour`,
        body:
          `${message.inviter} has invited you to ${message.purpose} on Harbour.\n\nAccept the invitation:\n\n${message.link}\n\n` +
          `The link works once and expires in 7 days.${signOff}`,
      };
    default:
      return renderBookingNotice(message);
  }
}

function renderBookingNotice(message: BookingNotice & { template: string }): RenderedMessage {
  const { childName, serviceName } = message;
  const list = message.sessions.map((line) => `- ${line}`).join('\n');
  const manage = `\n\nSee and manage your bookings: ${message.link}`;
  const plural = message.sessions.length === 1 ? 'session' : `${message.sessions.length} sessions`;
  switch (message.template) {
    case 'BOOKING_CONFIRMED':
      return {
        subject: `Booking confirmed: ${childName} at ${serviceName}`,
        body: `${childName} has a place at ${serviceName}:\n\n${list}\n\nQuote the booking reference if you contact the provider.${manage}${signOff}`,
      };
    case 'BOOKING_REMINDER':
      return {
        subject: `Reminder: ${childName} at ${serviceName} soon`,
        body: `A reminder that ${childName} is booked at ${serviceName}:\n\n${list}\n\nIf ${childName} cannot go, please cancel so another child can have the place.${manage}${signOff}`,
      };
    case 'WAITLIST_JOINED':
      return {
        subject: `${childName} is on the waiting list for ${serviceName}`,
        body: `The ${plural} below ${message.sessions.length === 1 ? 'is' : 'are'} full, so ${childName} is on the waiting list:\n\n${list}\n\nIf a place comes up we will email you and hold it for you for a while.${manage}${signOff}`,
      };
    case 'WAITLIST_OFFER':
      return {
        subject: `A place for ${childName} at ${serviceName}: reply by ${message.detail}`,
        body: `A place has come up for ${childName} at ${serviceName}:\n\n${list}\n\nWe are holding it for you until ${message.detail}. Accept or decline it on Harbour; if you do not reply by then, it goes to the next child on the list.${manage}${signOff}`,
      };
    case 'WAITLIST_OFFER_EXPIRED':
      return {
        subject: `The place offered for ${childName} has gone to the next child`,
        body: `We held a place for ${childName} at ${serviceName} but did not hear back in time, so it has been offered to the next child on the waiting list:\n\n${list}${manage}${signOff}`,
      };
    case 'BOOKING_CANCELLED':
      return {
        subject: `Booking cancelled: ${childName} at ${serviceName}`,
        body: `This booking for ${childName} has been cancelled:\n\n${list}\n\n${message.detail ?? ''}${manage}${signOff}`,
      };
    default:
      return {
        subject: `Cancelled by the provider: ${serviceName}`,
        body: `${serviceName} has cancelled this session, so ${childName}'s booking has ended:\n\n${list}\n\nReason given: ${message.detail || 'none given'}. You have not been charged for it.${manage}${signOff}`,
      };
  }
}

/**
 * The text message for the notices that cannot wait for someone to read their email (a place
 * held for a few hours, a session called off), or null: the rest go by email only. Short
 * enough for one or two SMS parts, with the link to act on.
 */
export function renderText(message: MessageTemplate): string | null {
  switch (message.template) {
    case 'WAITLIST_OFFER':
      return `Harbour: a place has come up for ${message.childName} at ${message.serviceName}. We are holding it until ${message.detail}. Accept or decline: ${message.link}`;
    case 'SESSION_CANCELLED':
      return `Harbour: ${message.serviceName} has cancelled ${message.childName}'s session (${message.sessions.join('; ')}). ${message.link}`;
    default:
      return null;
  }
}
