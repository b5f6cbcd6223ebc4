import { renderMessage, renderText } from './templates';

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

describe('booking emails', () => {
  const notice = {
    childName: 'Sam',
    serviceName: 'Saturday Club',
    sessions: ['HB-ABCD-EFGH: Saturday 6 March 2027, 10:00am to 12:00pm'],
    link: 'https://h/families/bookings',
  };
  it('gives the reference and where to manage the booking', () => {
    const message = renderMessage({ template: 'BOOKING_CONFIRMED', ...notice });
    expect(message.subject).toBe('Booking confirmed: Sam at Saturday Club');
    expect(message.body).toContain('HB-ABCD-EFGH: Saturday 6 March 2027');
    expect(message.body).toContain('https://h/families/bookings');
  });
  it('says how long a waitlist offer is held', () => {
    const message = renderMessage({
      template: 'WAITLIST_OFFER',
      ...notice,
      detail: 'Sunday 7 March 2027 at 4:00pm',
    });
    expect(message.subject).toBe(
      'A place for Sam at Saturday Club: reply by Sunday 7 March 2027 at 4:00pm',
    );
    expect(message.body).toContain('goes to the next child on the list');
  });
});

describe('texts', () => {
  const notice = {
    childName: 'Sam',
    serviceName: 'Saturday Club',
    sessions: ['HB-ABCD-EFGH: Saturday 6 March 2027, 10:00am to 12:00pm'],
    link: 'https://h/families/bookings',
  };
  it('texts a waitlist offer with how long it is held and where to answer it', () => {
    const text = renderText({ template: 'WAITLIST_OFFER', ...notice, detail: '4:00pm on Sunday' });
    expect(text).toBe(
      'Harbour: a place has come up for Sam at Saturday Club. We are holding it until 4:00pm on Sunday. Accept or decline: https://h/families/bookings',
    );
  });
  it('texts a session the provider cancelled, with its reference', () => {
    const text = renderText({ template: 'SESSION_CANCELLED', ...notice, detail: 'Staff illness' });
    expect(text).toContain('HB-ABCD-EFGH');
    expect(text!.length).toBeLessThanOrEqual(306); // two SMS parts
  });
  it('sends everything else by email only', () => {
    expect(renderText({ template: 'BOOKING_CONFIRMED', ...notice })).toBeNull();
    expect(
      renderText({ template: 'EMAIL_VERIFICATION', name: 'Alex', link: 'https://h/verify' }),
    ).toBeNull();
  });
});
