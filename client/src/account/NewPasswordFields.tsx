import { PasswordInput } from '../govuk/PasswordInput';
import { newPasswordHint } from './accountForms';

type Field = { value: string; onChange: (value: string) => void; error?: string };

/**
 * A new password and its confirmation, with the password rules as the hint: the same pair on
 * sign-up, on accepting an invitation, and on resetting a password.
 */
export function NewPasswordFields({
  password,
  confirmPassword,
  isReset = false,
}: {
  password: Field;
  confirmPassword: Field;
  /** Says "new password" rather than "create a password". */
  isReset?: boolean;
}) {
  return (
    <>
      <PasswordInput
        id="password"
        label={isReset ? 'New password' : 'Create a password'}
        hint={newPasswordHint}
        autoComplete="new-password"
        {...password}
      />
      <PasswordInput
        id="confirmPassword"
        label={isReset ? 'Confirm your new password' : 'Confirm your password'}
        autoComplete="new-password"
        {...confirmPassword}
      />
    </>
  );
}
