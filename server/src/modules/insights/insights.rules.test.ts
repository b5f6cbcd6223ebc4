import {
  ageBandOf,
  ageBandsServed,
  byBiggestGap,
  disclosable,
  distanceKm,
  gapIndex,
  timeBandOf,
} from './insights.rules';

describe('age bands', () => {
  it('puts each age in its band, and none outside 0 to 25', () => {
    expect([0, 4, 5, 10, 11, 15, 16, 17, 18, 25].map(ageBandOf)).toEqual([
      '0-4',
      '0-4',
      '5-10',
      '5-10',
      '11-15',
      '11-15',
      '16-17',
      '16-17',
      '18-25',
      '18-25',
    ]);
    expect(ageBandOf(26)).toBeNull();
    expect(ageBandOf(-1)).toBeNull();
  });

  it('counts a service in every band its age range touches', () => {
    expect(ageBandsServed(8, 16)).toEqual(['5-10', '11-15', '16-17']);
    expect(ageBandsServed(18, 25)).toEqual(['18-25']);
    expect(ageBandsServed(26, 30)).toEqual([]);
  });
});

describe('time of the week', () => {
  const at = (date: string, start: string, end: string, schoolHoliday = false) => {
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    return timeBandOf({
      date,
      startMinutes: minutes(start),
      endMinutes: minutes(end),
      schoolHoliday,
    });
  };

  it('tells after school, weekend, holiday and overnight apart', () => {
    expect(at('2027-03-03', '16:00', '18:00')).toBe('WEEKDAY_AFTER_SCHOOL'); // a Wednesday
    expect(at('2027-03-06', '10:00', '12:00')).toBe('WEEKEND'); // a Saturday
    expect(at('2027-03-07', '10:00', '12:00')).toBe('WEEKEND'); // a Sunday
    expect(at('2027-03-03', '10:00', '15:00', true)).toBe('SCHOOL_HOLIDAY');
    expect(at('2027-03-06', '18:00', '10:00', true)).toBe('OVERNIGHT');
  });

  it('leaves a weekday in school hours out of all four', () => {
    expect(at('2027-03-03', '09:30', '14:30')).toBeNull();
  });
});

describe('distance', () => {
  it('measures Exeter to Plymouth as about 60 km', () => {
    const exeter = { lat: 50.7184, lng: -3.5339 };
    const plymouth = { lat: 50.3755, lng: -4.1427 };
    expect(distanceKm(exeter, plymouth)).toBeGreaterThan(55);
    expect(distanceKm(exeter, plymouth)).toBeLessThan(65);
    expect(distanceKm(exeter, exeter)).toBe(0);
  });
});

describe('the gap index', () => {
  it('is children per weekly place; no places with children waiting has no index', () => {
    expect(gapIndex(30, 10)).toBe(3);
    expect(gapIndex(5, 20)).toBe(0.25);
    expect(gapIndex(0, 0)).toBe(0);
    expect(gapIndex(7, 0)).toBeNull();
  });

  it('ranks cells with no places first, then by index, then by demand, leaving out empty ones', () => {
    const cells = [
      { id: 'a', demand: 10, placesPerWeek: 10 },
      { id: 'b', demand: 6, placesPerWeek: 0 },
      { id: 'c', demand: 40, placesPerWeek: 10 },
      { id: 'd', demand: 0, placesPerWeek: 0 },
      { id: 'e', demand: 20, placesPerWeek: 20 },
    ];
    expect(byBiggestGap(cells).map((cell) => cell.id)).toEqual(['b', 'c', 'e', 'a']);
  });
});

describe('small numbers', () => {
  it('hides 1 to 4 and rounds the rest to 5, so two cells cannot be subtracted to find one', () => {
    expect([0, 1, 4, 5, 7, 8, 23].map(disclosable)).toEqual([0, null, null, 5, 5, 10, 25]);
    // A district of 23 children, 19 of them in one need: 25 − 20 shows 5, not the hidden 4.
    expect(disclosable(23)! - disclosable(19)!).toBe(5);
  });
});
