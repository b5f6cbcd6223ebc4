/**
 * The emails Harbour sends, as plain text that works in GOV.UK Notify (through one template
 * whose subject is ((subject)) and body ((body))) and over SMTP alike.
 */
export type MessageTemplate =
  | { template: 'EMAIL_VERIFICATION'; name: string; link: string }
  | { template: 'ACCOUNT_ALREADY_EXISTS'; name: string; signInLink: string; resetLink: string }
  | { template: 'PASSWORD_RESET'; name: string; link: string }
  | { template: 'PASSWORD_CHANGED'; name: string }
  | { template: 'INVITATION'; inviter: string; purpose: string; link: string };

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
  }
}
