import { FEEDBACK_COMMENTS_MAX } from '@harbour/shared';
import type { FormEvent } from 'react';
import { CharacterCount } from '../govuk/CharacterCount';
import { Radios } from '../govuk/Radios';
import {
  feedbackRatings,
  type FeedbackAnswers,
  type FeedbackError,
  type FeedbackField,
} from './feedback';

type FeedbackFormProps = {
  answers: FeedbackAnswers;
  errors: readonly FeedbackError[];
  onChange: (answers: FeedbackAnswers) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

export function FeedbackForm({ answers, errors, onChange, onSubmit }: FeedbackFormProps) {
  const errorFor = (field: FeedbackField) => errors.find((error) => error.field === field)?.message;

  return (
    <form noValidate onSubmit={onSubmit}>
      <Radios
        name="rating"
        legend="Overall, how did you feel about the service you received today?"
        options={feedbackRatings}
        value={answers.rating}
        onChange={(rating) => onChange({ ...answers, rating })}
        error={errorFor('rating')}
      />
      <CharacterCount
        id="comments"
        label="How could we improve this service?"
        hint="Do not include personal or financial information, like your child’s name or your bank details."
        maxLength={FEEDBACK_COMMENTS_MAX}
        value={answers.comments}
        onChange={(comments) => onChange({ ...answers, comments })}
        error={errorFor('comments')}
      />
      <button type="submit" className="govuk-button">
        Send feedback
      </button>
    </form>
  );
}
