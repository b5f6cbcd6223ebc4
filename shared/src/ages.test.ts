import { ageBand, ageOn, dateOfBirthProblem, londonToday } from './ages';

describe('ages and days', () => {
  it.each([
    ['2010-11-25', '2026-11-24', 15],
    ['2010-11-25', '2026-11-25', 16],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('someone born %s is aged on %s: %i', (dob, day, age) => {
    expect(ageOn(dob, day)).toBe(age);
  });

  it('takes today in Europe/London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('dates of birth', () => {
  const today = '2026-11-25';

  it.each([
    ['2015-03-27', null],
    ['2026-11-25', null],
    ['2001-11-25', null],
    ['2026-11-26', 'Date of birth must be in the past'],
    ['2000-11-24', 'Harbour is for children and young people up to 25: check the date of birth'],
    ['2015-02-30', 'Date of birth must be a real date'],
    ['27/03/2015', 'Enter a date of birth, like 2015-03-27'],
  ])('%s → %s', (dob, problem) => {
    expect(dateOfBirthProblem(dob, today)).toBe(problem);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(dateOfBirthProblem('2012-02-29', today)).toBeNull();
    expect(dateOfBirthProblem('2013-02-29', today)).toBe('Date of birth must be a real date');
  });
});

describe('age bands', () => {
  it.each([
    [0, '0-4'],
    [4, '0-4'],
    [5, '5-10'],
    [15, '11-15'],
    [16, '16-17'],
    [17, '16-17'],
    [18, '18-25'],
    [25, '18-25'],
  ])('%i years is %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});
