import type { ProfileSection } from '@harbour/shared';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { AboutMeForm } from './AboutMeForm';
import { BehaviourForm } from './BehaviourForm';
import { CommunicationForm } from './CommunicationForm';
import { EmergencyContactsForm } from './EmergencyContactsForm';
import { HomeForm } from './HomeForm';
import { MobilityAndHealthForm } from './MobilityAndHealthForm';
import { NeedsForm } from './NeedsForm';
import { PlansAndBudgetForm } from './PlansAndBudgetForm';
import { fetchChildProfile, type ChildWithProfile } from './profileApi';
import { sectionFromSlug } from './profileWords';
import { WithChild } from './WithChild';

const forms: Record<ProfileSection, (child: ChildWithProfile) => ReactNode> = {
  NEEDS: (child) => <NeedsForm child={child} />,
  COMMUNICATION: (child) => <CommunicationForm child={child} />,
  MOBILITY_AND_HEALTH: (child) => <MobilityAndHealthForm child={child} />,
  BEHAVIOUR: (child) => <BehaviourForm child={child} />,
  ABOUT_ME: (child) => <AboutMeForm child={child} />,
  EMERGENCY_CONTACTS: (child) => <EmergencyContactsForm child={child} />,
  PLANS_AND_BUDGET: (child) => <PlansAndBudgetForm child={child} />,
  HOME: (child) => <HomeForm child={child} />,
};

/** Where a family changes one section of a child's profile (`:section`, such as about-me). */
export function ProfileSectionPage() {
  const section = sectionFromSlug(useParams().section);
  if (!section) return <NotFoundPage />;
  return <WithChild load={fetchChildProfile}>{forms[section]}</WithChild>;
}
