import { renderMessage } from './templates';

describe('email templates', () => {
  it('puts the verification link in the body and says how long it lasts', () => {
    const message = renderMessage({
      template: 'EMAIL_VERIFICATION',
      name: 'Alex',
      link: 'https://harbour.example/verify-email?token=abc',
    });
    expect(message.subject).toBe('Confirm your email address');
    expect(message.body).toContain('Dear Alex');
    expect(message.body).toContain('https://harbour.example/verify-email?token=abc');
    expect(message.body).toContain('expires in 24 hours');
  });

  it('tells the owner of an address when someone tries to register it again', () => {
    const message = renderMessage({
      template: 'ACCOUNT_ALREADY_EXISTS',
      name: 'Alex',
      signInLink: 'https://h/sign-in',
      resetLink: 'https://h/forgot-password',
    });
    expect(message.body).toContain('you already have one');
    expect(message.body).toContain('https://h/forgot-password');
  });

  it('names who invited the person and to what', () => {
    const message = renderMessage({
      template: 'INVITATION',
      inviter: 'Sam Carer',
      purpose: "share looking after your family's information",
      link: 'https://h/invitation?token=x',
    });
    expect(message.subject).toBe('Sam Carer has invited you to Harbour');
    expect(message.body).toContain("share looking after your family's information");
  });
});
