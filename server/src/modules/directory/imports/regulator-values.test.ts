import fc from 'fast-check';
import { isoDateOf, judgementOf, registrationStatusOf } from './regulator-values';

describe('judgements', () => {
  it.each([
    ['1', 'OUTSTANDING'],
    ['2', 'GOOD'],
    ['3', 'REQUIRES_IMPROVEMENT'],
    ['4', 'INADEQUATE'],
    ['Outstanding', 'OUTSTANDING'],
    ['good', 'GOOD'],
    ['Requires improvement to be good', 'REQUIRES_IMPROVEMENT'],
    ['INADEQUATE', 'INADEQUATE'],
    ['Met', 'MET'],
    ['Not met', 'NOT_MET'],
    ['Not met with actions', 'NOT_MET'],
    ['Not met with enforcement action', 'NOT_MET'],
    ['Insufficient evidence to rate', 'INSUFFICIENT_EVIDENCE'],
  ])('reads %j as %s', (value, code) => {
    expect(judgementOf(value)).toBe(code);
  });

  it('gives no rating for a value it does not know, rather than a wrong one', () => {
    expect(judgementOf('')).toBeNull();
    expect(judgementOf('5')).toBeNull();
    expect(judgementOf('Satisfactory')).toBeNull();
  });
});

describe('dates', () => {
  it('reads CQC, Ofsted and ISO dates', () => {
    expect(isoDateOf('09/Jan/2018 - 00:00')).toBe('2018-01-09');
    expect(isoDateOf('14/03/2023')).toBe('2023-03-14');
    expect(isoDateOf('2023-03-14T00:00:00Z')).toBe('2023-03-14');
    expect(isoDateOf('14-Mar-23')).toBe('2023-03-14');
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(isoDateOf('31/02/2024')).toBeNull();
    expect(isoDateOf('09/Foo/2018')).toBeNull();
    expect(isoDateOf('')).toBeNull();
    expect(isoDateOf('soon')).toBeNull();
  });

  it('reads every real day the same in each of the forms', () => {
    const months = [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [year, month, day] = iso.split('-') as [string, string, string];
          const cqc = `${day}/${months[Number(month) - 1]}/${year} - 00:00`;
          expect(isoDateOf(cqc)).toBe(iso);
          expect(isoDateOf(`${day}/${month}/${year}`)).toBe(iso);
          expect(isoDateOf(iso)).toBe(iso);
        },
      ),
    );
  });
});

describe('registration statuses', () => {
  it.each([
    ['Active', 'ACTIVE'],
    ['Suspended', 'SUSPENDED'],
    ['Active - suspended', 'SUSPENDED'],
    ['Resigned', 'RESIGNED'],
    ['Cancelled', 'CANCELLED'],
    ['Closed', 'CANCELLED'],
  ])('reads %j as %s', (value, status) => {
    expect(registrationStatusOf(value)).toBe(status);
  });

  it('does not guess at a status it does not know', () => {
    expect(registrationStatusOf('Pending')).toBeNull();
  });
});
