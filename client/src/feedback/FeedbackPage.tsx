import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { ErrorSummary } from '../govuk/ErrorSummary';
import { usePageTitle } from '../shell/usePageTitle';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackSent } from './FeedbackSent';
import {
  feedbackPageFrom,
  parseFeedback,
  type FeedbackAnswers,
  type FeedbackError,
} from './feedback';
import { submitFeedback } from './submitFeedback';

type Status = 'editing' | 'sending' | 'sent' | 'unavailable';

export function FeedbackPage() {
  const location = useLocation();
  // Read once, so following the phase banner's feedback link from this page keeps the original.
  const [page] = useState(() => feedbackPageFrom(location.state));
  const [answers, setAnswers] = useState<FeedbackAnswers>({ rating: null, comments: '' });
  const [errors, setErrors] = useState<FeedbackError[]>([]);
  const [status, setStatus] = useState<Status>('editing');
  const [attempt, setAttempt] = useState(0);

  usePageTitle(status === 'sent' ? 'Thank you for your feedback' : 'Give feedback on Harbour', {
    hasErrors: errors.length > 0 || status === 'unavailable',
  });

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === 'sending') return;
    setAttempt((count) => count + 1);

    const parsed = parseFeedback(answers, page);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      setStatus('editing');
      return;
    }

    setStatus('sending');
    try {
      const userErrors = await submitFeedback(parsed.input);
      setErrors(userErrors);
      setStatus(userErrors.length > 0 ? 'editing' : 'sent');
    } catch {
      setErrors([]);
      setStatus('unavailable');
    }
  }

  if (status === 'sent') return <FeedbackSent returnTo={page} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {status === 'unavailable' && (
          <ErrorSummary
            key={attempt}
            title="Sorry, there is a problem with the service"
            description="Try again later. Your feedback has not been sent."
          />
        )}
        {errors.length > 0 && (
          <ErrorSummary
            key={attempt}
            errors={errors.map(({ field, message }) => ({ message, fieldId: field ?? undefined }))}
          />
        )}
        <h1 className="govuk-heading-l">Give feedback on Harbour</h1>
        <FeedbackForm answers={answers} errors={errors} onChange={setAnswers} onSubmit={send} />
      </div>
    </div>
  );
}
