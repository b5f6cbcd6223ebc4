import type { Ref } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../govuk/dates';
import { servicePath } from '../find/listingText';
import { basicFacts, ResultFacts } from '../find/ResultCard';
import type { EligibilityCheck, ServiceFit } from './eligibilityApi';
import { OutcomeTag, ReasonList } from './Outcome';

import '../find/find.scss';
import './eligibility.scss';

type EligibilityResultProps = {
  check: EligibilityCheck;
  /** The child's first name; null for an anonymous check, which says "your child". */
  childName: string | null;
  /** Where services were looked for, such as "EX4 3SR"; null when across Devon. */
  place: string | null;
  /** 1 when the result is the page; 2 when it appears on a page with its own h1. */
  headingLevel: 1 | 2;
  /** The headline, for the page to move focus to when the result appears. */
  headlineRef?: Ref<HTMLHeadingElement>;
};

/**
 * What a check found, as both the anonymous checker and a saved child's check show it: the
 * best tier, every tier with its reasons and how to get it, and the services near the child
 * that fit them. Outcomes are always in words, never colour alone.
 */
export function EligibilityResult({
  check: { decision, services, eligibleServiceCount },
  childName,
  place,
  headingLevel,
  headlineRef,
}: EligibilityResultProps) {
  const [Headline, Section, Item] =
    headingLevel === 1 ? (['h1', 'h2', 'h3'] as const) : (['h2', 'h3', 'h4'] as const);
  // "Sam", or "your child" (at the start of a sentence, "Your child") for an anonymous check.
  const child = childName ?? 'your child';
  const childAtStart = childName ?? 'Your child';
  const { ruleSet } = decision;

  return (
    <>
      <Headline ref={headlineRef} className="govuk-heading-l">
        {resultHeadline(childAtStart, decision)}
      </Headline>
      <p className="govuk-body">
        Checked against the {ruleSet.name}
        {ruleSet.version !== null && `, version ${ruleSet.version}`}, on{' '}
        {formatDate(new Date(decision.decidedAt))}.
      </p>
      <div className="govuk-inset-text">
        The council makes the final decision. These rules explain its short breaks offer and point
        you to the right people: they are not a refusal.
      </div>

      <Section className="govuk-heading-m">What {child} could get at each tier</Section>
      {decision.tiers.map((tier) => (
        <div key={tier.code} className="harbour-tier">
          <Item className="govuk-heading-m govuk-!-margin-bottom-2">{tier.name}</Item>
          <p className="govuk-body">
            <OutcomeTag outcome={tier.outcome} subject="tier" />
          </p>
          <p className="govuk-body">{tier.summary}</p>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">Why</p>
          <ReasonList reasons={tier.reasons} subject="tier" />
          <p className="govuk-body">
            <span className="govuk-!-font-weight-bold">How to get this support:</span>{' '}
            {tier.howToGetIt}
          </p>
        </div>
      ))}

      <Section className="govuk-heading-m">Services near you</Section>
      {services.length === 0 ? (
        <p className="govuk-body">
          We did not find any services {place ? `near ${place}` : 'in Devon'} that fit {child}. You
          can{' '}
          <Link to="/families/find" className="govuk-link">
            find short breaks
          </Link>{' '}
          and filter them yourself.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            {servicesText(childAtStart, eligibleServiceCount, place ? `near ${place}` : 'in Devon')}
          </p>
          <ul className="govuk-list harbour-results">
            {services.map((service) => (
              <ServiceFitCard key={service.listing.id} service={service} Heading={Item} />
            ))}
          </ul>
          <p className="govuk-body">
            You can also{' '}
            <Link to="/families/find" className="govuk-link">
              find short breaks
            </Link>{' '}
            and filter them yourself.
          </p>
        </>
      )}
    </>
  );
}

/** The result's headline: the best tier, as a sentence about the child. */
export function resultHeadline(
  childAtStart: string,
  decision: EligibilityCheck['decision'],
): string {
  if (decision.bestTier)
    return `${childAtStart} is likely to be eligible for ${decision.bestTier.name}`;
  const pending = decision.tiers.find((tier) => tier.outcome === 'NEEDS_ASSESSMENT');
  if (pending) return `${childAtStart} may be eligible for ${pending.name} after an assessment`;
  return `${childAtStart} is not likely to be eligible for the council’s short breaks`;
}

function servicesText(childAtStart: string, eligible: number, where: string): string {
  if (eligible === 0) {
    return `${childAtStart} is not yet eligible for any services ${where}. These may fit after an assessment or a conversation with the provider.`;
  }
  const services = eligible === 1 ? '1 service' : `${eligible} services`;
  return `${childAtStart} is eligible for ${services} ${where}. Those come first here, then any that may fit after an assessment or a conversation with the provider.`;
}

/** A service near the child, shown as the search results show it, with how it fits and why. */
function ServiceFitCard({
  service: { listing, outcome, reasons },
  Heading,
}: {
  service: ServiceFit;
  Heading: 'h3' | 'h4';
}) {
  return (
    <li className="harbour-result">
      <Heading className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link to={servicePath(listing.id)} className="govuk-link">
          {listing.name}
        </Link>
      </Heading>
      <p className="govuk-body-s govuk-!-margin-bottom-2">{listing.providerName}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        <OutcomeTag outcome={outcome} subject="service" />
      </p>
      <ResultFacts facts={basicFacts(listing, { isDistanceShown: true })} />
      <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            Why<span className="govuk-visually-hidden">: {listing.name}</span>
          </span>
        </summary>
        <div className="govuk-details__text">
          <ReasonList reasons={reasons} subject="service" />
        </div>
      </details>
    </li>
  );
}
