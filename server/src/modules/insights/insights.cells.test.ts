import {
  applyDelta,
  bookingContribution,
  cellKey,
  childContribution,
  difference,
  periodOf,
  searchContribution,
  sessionContribution,
  sessionTimeBand,
  type ChildFacts,
  type SessionFacts,
} from './insights.cells';

const child: ChildFacts = {
  district: 'Exeter',
  homePostcode: 'EX1 1AA',
  needs: ['AUTISM', 'ADHD'],
  tier: 'TARGETED',
  dateOfBirth: '2018-03-09',
  sharedAt: [new Date('2026-11-02T10:00:00Z')],
  servicesPast18: 'NONE',
};

const session: SessionFacts = {
  status: 'SCHEDULED',
  date: '2026-12-12',
  startsAt: new Date('2026-12-12T10:00:00Z'),
  endsAt: new Date('2026-12-12T13:00:00Z'),
  pattern: 'WEEKLY',
  places: 6,
  staff: 2,
  minAge: 8,
  maxAge: 12,
  listing: { district: 'Exeter', needs: ['AUTISM'], type: 'WEEKEND_CLUB' },
};

describe('a child’s contribution', () => {
  it('counts the child once per need and once for every need, by birth month and tier', () => {
    const cells = childContribution(child);
    expect(cells.get('demand|Exeter|AUTISM|2018-03|TARGETED')).toEqual({ children: 1 });
    expect(cells.get('demand|Exeter|ADHD|2018-03|TARGETED')).toEqual({ children: 1 });
    expect(cells.get('demand|Exeter|*|2018-03|TARGETED')).toEqual({ children: 1 });
    expect(cells.get('home|EX1|ADHD+AUTISM|2018-03')).toEqual({ children: 1 });
    expect(cells.get('turning18|Exeter|2018-03|NONE')).toEqual({ children: 1 });
    expect(cells.get('shared|2026-11|Exeter')).toEqual({ profiles: 1 });
  });

  it('adds nothing once erased', () => {
    expect(childContribution(null).size).toBe(0);
  });
});

describe('a session’s contribution', () => {
  it('counts places and staff by month, need, age band, time of week and type, with roll-ups', () => {
    const cells = sessionContribution(session);
    const metrics = { places: 6, staff: 2, sessions: 1, minutes: 180 };
    expect(cells.get('places|2026-12|Exeter|AUTISM|5-10|WEEKEND|WEEKEND_CLUB')).toEqual(metrics);
    expect(cells.get('places|2026-12|Exeter|AUTISM|11-15|WEEKEND|WEEKEND_CLUB')).toEqual(metrics);
    expect(cells.get('places|2026-12|Exeter|*|*|WEEKEND|WEEKEND_CLUB')).toEqual(metrics);
    expect(cells.size).toBe(6);
  });

  it('reads the time of week in Europe/London: past midnight is overnight', () => {
    expect(
      sessionTimeBand({
        ...session,
        date: '2026-07-07',
        startsAt: new Date('2026-07-07T17:00:00Z'),
        endsAt: new Date('2026-07-08T08:00:00Z'),
      }),
    ).toBe('OVERNIGHT');
    expect(
      sessionTimeBand({
        ...session,
        date: '2026-12-08',
        startsAt: new Date('2026-12-08T09:00:00Z'),
        endsAt: new Date('2026-12-08T12:00:00Z'),
      }),
    ).toBe('SCHOOL_HOURS');
  });

  it('adds nothing when cancelled', () => {
    expect(sessionContribution({ ...session, status: 'CANCELLED' }).size).toBe(0);
  });
});

describe('a booking’s contribution', () => {
  const booking = {
    state: 'CONFIRMED',
    startsAt: new Date('2026-12-12T10:00:00Z'),
    createdAt: new Date('2026-12-01T10:00:00Z'),
    district: 'Exeter',
    serviceType: 'WEEKEND_CLUB',
    pricePence: 3000,
    minutes: 180,
    funding: 'HELD',
    fundingParts: [
      { source: 'POOLED_FUND', amountPence: 1000 },
      { source: 'PERSONAL_BUDGET', amountPence: 2000 },
    ],
  };

  it('counts the place used and the money held from each fund, in its budget year', () => {
    const cells = bookingContribution(booking);
    expect(cells.get('use|2026-12|Exeter|WEEKEND_CLUB')).toEqual({
      booked: 1,
      minutes: 180,
      pricePence: 3000,
    });
    expect(cells.get('money|2026|POOLED_FUND|Exeter|WEEKEND_CLUB')).toEqual({ heldPence: 1000 });
    expect(cells.get('money|2026|PERSONAL_BUDGET|Exeter|WEEKEND_CLUB')).toEqual({
      heldPence: 2000,
    });
  });

  it('counts a waiting-list place by when it joined, and a released booking’s money not at all', () => {
    const cells = bookingContribution({ ...booking, state: 'WAITLISTED', funding: 'RELEASED' });
    expect([...cells.keys()]).toEqual(['wait|Exeter|WEEKEND_CLUB']);
    expect(cells.get('wait|Exeter|WEEKEND_CLUB')).toEqual({
      waiting: 1,
      sinceDay: Math.floor(booking.createdAt.getTime() / 86_400_000),
    });
  });
});

describe('searches', () => {
  const search = {
    at: new Date('2026-12-07T00:00:00Z'),
    district: null,
    need: 'AUTISM',
    ageBand: '5-10',
    serviceType: null,
    results: 0,
  };
  it('counts one that found nothing or few, with its filters, and ignores the rest', () => {
    expect([...searchContribution(search).keys()]).toEqual(['search|2026-12|*|AUTISM|5-10|*|NONE']);
    expect([...searchContribution({ ...search, results: 2 }).keys()]).toEqual([
      'search|2026-12|*|AUTISM|5-10|*|FEW',
    ]);
    expect(searchContribution({ ...search, results: 3 }).size).toBe(0);
  });
});

describe('keeping sums', () => {
  it('adds the difference between a record’s new and old contributions', () => {
    const before = childContribution(child);
    const after = childContribution({ ...child, district: 'Torridge', needs: ['AUTISM'] });
    const cells = new Map(before);
    applyDelta(cells, difference(after, before));
    for (const [key, metrics] of after) expect(cells.get(key)).toEqual(metrics);
    expect(cells.get('demand|Exeter|AUTISM|2018-03|TARGETED')).toEqual({ children: 0 });
  });

  it('files each cell under its month or year, or none', () => {
    expect(periodOf(cellKey('places', '2026-12', 'Exeter'))).toBe('2026-12');
    expect(periodOf(cellKey('money', 2026, 'POOLED_FUND'))).toBe('2026');
    expect(periodOf(cellKey('demand', 'Exeter', 'AUTISM'))).toBe('-');
  });

  it('keeps a "|" in a value from splitting a key', () => {
    expect(cellKey('demand', 'a|b')).toBe('demand|a/b');
  });
});
