import { createEvent, type DateArray } from 'ics';

const utcParts = (date: Date): DateArray => [
  date.getUTCFullYear(),
  date.getUTCMonth() + 1,
  date.getUTCDate(),
  date.getUTCHours(),
  date.getUTCMinutes(),
];

/** An iCalendar (.ics) file of one booked session, for the family's own calendar. */
export function bookingCalendarFile(event: {
  reference: string;
  childName: string;
  serviceName: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  link: string;
}): string {
  const { error, value } = createEvent({
    uid: `${event.reference}@harbour`,
    title: `${event.childName}: ${event.serviceName}`,
    description: `Booking reference ${event.reference}. Manage it on Harbour: ${event.link}`,
    location: event.place,
    start: utcParts(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: event.link,
  });
  if (error || !value) throw error ?? new Error('could not make the calendar file');
  return value;
}
