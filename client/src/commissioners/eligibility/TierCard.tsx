import type { ReactNode } from 'react';
import { NotGiven, SummaryCard, SummaryList, type SummaryAction } from '../../govuk/SummaryList';
import type { Tier } from './eligibilityApi';
import { describeCriterion } from './ruleWords';

type TierCardProps = {
  tier: Tier;
  index: number;
  /** Every tier of the rule set, for rules that name another tier. */
  tiers: readonly Tier[];
  /** Links in the card's title bar, such as Change and Remove; none to only read. */
  actions?: readonly SummaryAction[];
  /** Below the answers, such as buttons to move the tier. */
  children?: ReactNode;
};

/** "Tier 2: Universal+", as the tier's card and the buttons that act on it name it. */
export function tierCardTitle(tier: Tier, index: number): string {
  return `Tier ${index + 1}: ${tier.name || 'no name yet'}`;
}

/** One tier of a rule set as a GOV.UK summary card: what it offers and its rules in words. */
export function TierCard({ tier, index, tiers, actions, children }: TierCardProps) {
  return (
    <SummaryCard title={tierCardTitle(tier, index)} actions={actions}>
      <SummaryList
        rows={[
          { key: 'Code', value: tier.code || <NotGiven /> },
          { key: 'What it offers', value: tier.summary || <NotGiven /> },
          { key: 'How to get it', value: tier.howToGetIt || <NotGiven /> },
          { key: 'Rules', value: <TierRules tier={tier} tiers={tiers} /> },
        ]}
      />
      {children}
    </SummaryCard>
  );
}

function TierRules({ tier, tiers }: { tier: Tier; tiers: readonly Tier[] }) {
  if (tier.criteria.length === 0) return <>Open to everyone</>;
  return (
    <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
      {tier.criteria.map((criterion, index) => (
        <li key={index}>
          {describeCriterion(criterion, tiers)}
          {criterion.ifNotMet && (
            <div className="govuk-hint govuk-!-margin-bottom-1">
              If not met, families are told: {criterion.ifNotMet}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
