import {
  ageOn,
  supportInWords,
  supportUnitsFor,
  type Reason,
  type ServiceDecision,
} from '@harbour/shared';

/** What booking needs to know of a session to decide whether a child fits it. */
export interface SessionFacts {
  date: string;
  minAge: number;
  maxAge: number;
  staff: number;
  groupRatio: number;
}

export interface ChildFacts {
  name: string;
  dateOfBirth: string;
  supportNeeded: string;
}

/**
 * Why a child cannot have a place at a session, in words: age on the session's date, and
 * the support the child needs against the staff the session has at all. (Whether that staff
 * is still free is decided when the place is claimed.)
 */
export function sessionMisfits(child: ChildFacts, session: SessionFacts): string[] {
  const problems: string[] = [];
  const age = ageOn(child.dateOfBirth, session.date);
  if (age < session.minAge || age > session.maxAge) {
    problems.push(
      `${child.name} will be ${age} on ${session.date}; this session is for ages ${session.minAge} to ${session.maxAge}`,
    );
  }
  const units = supportUnitsFor(child.supportNeeded, session.groupRatio);
  if (units > session.staff * session.groupRatio) {
    problems.push(
      `${child.name} needs ${supportInWords(child.supportNeeded)}; this session has ${session.staff} ${session.staff === 1 ? 'member' : 'members'} of staff`,
    );
  }
  return problems;
}

/**
 * The eligibility reasons that stop a booking: anything not met, and a tier the council
 * funds that the child may reach only after an assessment; except that where the provider
 * also takes families paying for themselves, the council's tiers do not stop a booking (the
 * service page says "You can still book a place and pay for it yourself"). Other questions
 * that need the provider's answer ("ask whether they can support …") do not stop it: the
 * provider sees what the family shares.
 */
export function eligibilityBlockers(
  decision: ServiceDecision,
  listing: { funding: readonly string[] },
): Reason[] {
  const selfPay = listing.funding.includes('SELF_PAY');
  return decision.reasons.filter((reason) => {
    if (reason.criterion === 'TIER') return !selfPay && reason.outcome !== 'MET';
    return reason.outcome === 'NOT_MET';
  });
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A booking reference a parent can read out on the phone: no 0/O, 1/I/L or U. */
export function bookingReference(random: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return `HB-${code.slice(0, 4)}-${code.slice(4)}`;
}
