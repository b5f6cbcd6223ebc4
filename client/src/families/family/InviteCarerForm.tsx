import type { FormEvent } from 'react';
import { TextInput } from '../../govuk/TextInput';

type InviteCarerFormProps = {
  email: string;
  error?: string;
  onChange: (email: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** Invites a second parent or carer to share the family: one email address. */
export function InviteCarerForm({ email, error, onChange, onSubmit }: InviteCarerFormProps) {
  return (
    <>
      <h2 className="govuk-heading-m">Invite another parent or carer</h2>
      <p className="govuk-body">
        They will be able to see and change your children&apos;s information on Harbour, as you can.
      </p>
      <form noValidate onSubmit={onSubmit}>
        {/* Someone else's address, so the browser should not offer the parent's own. */}
        <TextInput
          id="email"
          label="Their email address"
          hint="We will email them a link to create their account. The link works for 7 days."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={onChange}
          error={error}
        />
        <button type="submit" className="govuk-button">
          Send invitation
        </button>
      </form>
    </>
  );
}
