import {
  childProfileChangeSchema,
  type ChildProfileChange,
  type ProfileSection,
} from '@harbour/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProfileNotice } from './ChildProfilePage';
import { updateChildProfile, type ChildWithProfile } from './profileApi';
import {
  checkProfileChange,
  profileErrorsFrom,
  profileFieldId,
  type ProfileField,
} from './profileForm';
import { profilePaths, sectionWords } from './profileWords';

type Answers = Partial<Record<keyof ChildProfileChange, unknown>>;

/**
 * Saving one section of a child's profile: checked with the shared schema first, then sent
 * with the version the family was looking at, and back to the profile with a banner once saved.
 */
export function useSectionSave(child: ChildWithProfile, section: ProfileSection) {
  const navigate = useNavigate();
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<ProfileField>({ handleFailure: sendToSignIn });
  // Someone else saved since this page loaded: saving again would be refused the same way.
  const [isStale, setIsStale] = useState(false);

  const save = (event: FormEvent<HTMLFormElement>, answers: Answers) =>
    form.submit(event, async () => {
      const checked = checkProfileChange(answers);
      if ('errors' in checked) return checked.errors;
      const userErrors = await updateChildProfile({
        childId: child.id,
        expectedVersion: child.profile.version,
        change: checked.change,
      });
      if (userErrors.length > 0) {
        setIsStale(userErrors.some(({ code }) => code === 'STALE'));
        return profileErrorsFrom(userErrors);
      }
      const notice: ProfileNotice = { saved: sectionWords[section].saved(child.firstName) };
      navigate(profilePaths.profile(child.id), { state: notice });
      return [];
    });

  return { form, isStale, save };
}

/** The most characters a written answer may have, as the shared schema says. */
export function maxLengthOf(
  field: 'healthNotes' | 'behaviourSupport' | 'whatHelps' | 'likes' | 'dislikes',
) {
  const maxLength = childProfileChangeSchema.shape[field].unwrap().maxLength;
  if (maxLength === null) throw new Error(`${field} has no maximum length`);
  return maxLength;
}

type SectionFormPageProps = {
  child: ChildWithProfile;
  section: ProfileSection;
  saving: ReturnType<typeof useSectionSave>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What the section is for, under the heading. */
  intro?: ReactNode;
  /**
   * True when the section is one question whose legend is the page's h1; its legend then says
   * the section's heading.
   */
  isQuestionTheHeading?: boolean;
  /** The questions. */
  children: ReactNode;
};

/** The page around one section's questions: back link, error summary, heading and Save. */
export function SectionFormPage({
  child,
  section,
  saving: { form, isStale },
  onSubmit,
  intro,
  isQuestionTheHeading = false,
  children,
}: SectionFormPageProps) {
  const title = sectionWords[section].heading(child.firstName);
  usePageTitle(title, { hasErrors: form.hasErrors });
  const profilePath = profilePaths.profile(child.id);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={profilePath} className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your changes have not been saved."
          fieldId={profileFieldId}
        />
        {/* With the error summary, which says why, rather than between the caption and a
            heading that may be in the form. */}
        {isStale && (
          <div className="govuk-inset-text">
            <Link to={profilePath} className="govuk-link">
              See the latest version of {child.firstName}’s profile
            </Link>
            , then make your change again.
          </div>
        )}
        <span className="govuk-caption-l">{child.firstName}’s profile</span>
        {!isQuestionTheHeading && <h1 className="govuk-heading-l">{title}</h1>}
        {intro}
        <form noValidate onSubmit={onSubmit}>
          {children}
          <button type="submit" className="govuk-button">
            Save
          </button>
        </form>
      </div>
    </div>
  );
}
