import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formErrorsFrom } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { TextInput } from '../govuk/TextInput';
import { usePageTitle } from '../shell/usePageTitle';
import { setMobile } from './accountApi';
import { useSignedInViewer } from './RequireSignIn';
import { useViewer } from './ViewerProvider';

/** Where a family's texts go: waiting-list offers and cancelled sessions, which cannot wait. */
export function MobileNumberPage() {
  const viewer = useSignedInViewer();
  const { refresh } = useViewer();
  const navigate = useNavigate();
  const [mobile, setMobileAnswer] = useState(viewer.mobile ?? '');
  const form = useFormSubmission<'mobile'>();
  usePageTitle('Mobile number for texts', { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/account" className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary form={form} unavailableOutcome="Your mobile number has not changed." />
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const userErrors = await setMobile(mobile.trim());
              if (userErrors.length === 0) {
                await refresh();
                navigate('/account', {
                  state: {
                    saved: mobile.trim()
                      ? 'We will text this number as well as emailing you'
                      : 'We will only email you',
                  },
                });
              }
              return formErrorsFrom(userErrors, ['mobile']);
            })
          }
        >
          <TextInput
            id="mobile"
            label="Mobile number for texts"
            isPageHeading
            type="tel"
            autoComplete="tel"
            widthClass="govuk-input--width-20"
            hint={
              <>
                We text you when a place on a waiting list is offered to your child, because we only
                hold it for a few hours, and when a provider cancels a session. Everything else
                comes by email. Use a UK mobile number, like 07700 900 982. Leave it empty to stop
                texts.
              </>
            }
            value={mobile}
            onChange={setMobileAnswer}
            error={form.errorFor('mobile')}
          />
          <button type="submit" className="govuk-button">
            Save mobile number
          </button>
        </form>
      </div>
    </div>
  );
}
