import type { FormEvent } from 'react';
import { DateInput, type DatePart } from '../../govuk/DateInput';
import { TextInput } from '../../govuk/TextInput';
import type { ChildAnswers, ChildField } from './childForm';

type AddChildFormProps = {
  answers: ChildAnswers;
  errorFor: (field: ChildField) => string | undefined;
  dateErrorParts: readonly DatePart[];
  onChange: (answers: ChildAnswers) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

// The names and date are the child's, not the person filling in the form, so the fields ask the
// browser not to fill in the parent's own details.
export function AddChildForm({
  answers,
  errorFor,
  dateErrorParts,
  onChange,
  onSubmit,
}: AddChildFormProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <TextInput
        id="firstName"
        label="First name"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-!-width-two-thirds"
        value={answers.firstName}
        onChange={(firstName) => onChange({ ...answers, firstName })}
        error={errorFor('firstName')}
      />
      <TextInput
        id="lastName"
        label="Last name"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-!-width-two-thirds"
        value={answers.lastName}
        onChange={(lastName) => onChange({ ...answers, lastName })}
        error={errorFor('lastName')}
      />
      <DateInput
        id="dateOfBirth"
        legend="Date of birth"
        hint="For example, 27 3 2019"
        value={answers.dateOfBirth}
        onChange={(dateOfBirth) => onChange({ ...answers, dateOfBirth })}
        error={errorFor('dateOfBirth')}
        errorParts={dateErrorParts}
      />
      <button type="submit" className="govuk-button">
        Add child
      </button>
    </form>
  );
}
