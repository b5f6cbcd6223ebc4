import { useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { FormError } from '../../api/userErrors';
import { Checkboxes } from '../../govuk/Checkboxes';
import { Select } from '../../govuk/Select';
import { TextInput } from '../../govuk/TextInput';
import {
  DISTANCE_OPTIONS,
  FILTER_NAMES,
  FILTERS,
  MINIMUM_RATING_OPTIONS,
  type FilterName,
  type SearchCriteria,
  type SearchField,
} from './searchCriteria';

type SearchFormProps = {
  /** The search in the address bar; give the form a new key when it changes. */
  initial: SearchCriteria;
  errors: readonly FormError<SearchField>[];
  onSearch: (criteria: SearchCriteria) => void;
  /** A signed-in family's children, who can narrow the search to what each is eligible for. */
  familyChildren: readonly { id: string; firstName: string }[];
};

/**
 * Where to look, then filters in a panel. Each filter group is a GOV.UK details element, open
 * when something in it is chosen, so the panel stays short until a parent needs it.
 */
export function SearchForm({ initial, errors, onSearch, familyChildren }: SearchFormProps) {
  const [criteria, setCriteria] = useState(initial);
  const errorFor = (field: SearchField) => errors.find((error) => error.field === field)?.message;
  const update = (changes: Partial<SearchCriteria>) =>
    setCriteria((current) => ({ ...current, ...changes }));

  function searchByDistance() {
    // The button goes as the distance question comes back: focus moves to the question.
    flushSync(() => update({ area: null }));
    document.getElementById('distance')?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A new place is searched by distance; the same place keeps the map area being looked at.
    const isSamePlace = criteria.place.trim() === initial.place.trim();
    onSearch({ ...criteria, area: isSamePlace ? criteria.area : null });
  }

  return (
    <form noValidate onSubmit={submit} role="search" aria-label="Short breaks and activities">
      <TextInput
        id="place"
        label="Postcode or town"
        hint="For example, EX39 or Bideford"
        value={criteria.place}
        onChange={(place) => update({ place })}
        error={errorFor('place')}
        autoComplete="postal-code"
        spellCheck={false}
      />
      {criteria.area ? (
        <p className="govuk-body-s">
          Searching the area shown on the map.{' '}
          <button type="button" className="harbour-link-button" onClick={searchByDistance}>
            Search by distance instead
          </button>
        </p>
      ) : (
        <Select
          id="distance"
          label="Distance"
          options={DISTANCE_OPTIONS}
          value={criteria.radiusKm}
          onChange={(radiusKm) => update({ radiusKm })}
        />
      )}
      <TextInput
        id="age"
        label="Child’s age"
        hint="In years"
        value={criteria.age}
        onChange={(age) => update({ age })}
        error={errorFor('age')}
        inputMode="numeric"
        widthClass="govuk-input--width-2"
      />
      {familyChildren.length > 0 && (
        <Select
          id="eligible-for"
          label="Eligibility"
          hint="From your child’s saved profile and the council’s published rules"
          options={[
            { value: '', label: 'Show every service' },
            ...familyChildren.map((child) => ({
              value: child.id,
              label: `Only services ${child.firstName} is eligible for`,
            })),
          ]}
          value={criteria.eligibleFor}
          onChange={(eligibleFor) => update({ eligibleFor })}
        />
      )}
      <TextInput
        id="text"
        label="Keywords (optional)"
        hint="For example, swimming or the name of a provider"
        value={criteria.text}
        onChange={(text) => update({ text })}
        error={errorFor('text')}
      />
      <button type="submit" className="govuk-button">
        Search
      </button>

      <div className="harbour-filter">
        <h2 className="govuk-heading-m">Filter</h2>
        {FILTER_NAMES.map((name) => (
          <FilterGroup
            key={name}
            name={name}
            values={criteria[name]}
            onChange={(values) => update({ [name]: values })}
          />
        ))}
        <FilterDetails
          summary="Registration and rating"
          chosen={(criteria.minimumRating ? 1 : 0) + (criteria.registeredOnly ? 1 : 0)}
        >
          <Select
            id="rating"
            label="Lowest Ofsted or CQC rating"
            options={MINIMUM_RATING_OPTIONS}
            value={criteria.minimumRating}
            onChange={(minimumRating) => update({ minimumRating })}
          />
          <Checkboxes
            name="registered"
            legend="Registration"
            isLegendHidden
            options={[{ value: 'yes', label: 'Registered services only' }]}
            values={criteria.registeredOnly ? ['yes'] : []}
            onChange={(values) => update({ registeredOnly: values.length > 0 })}
            isSmall
          />
        </FilterDetails>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
      </div>
    </form>
  );
}

function FilterGroup({
  name,
  values,
  onChange,
}: {
  name: FilterName;
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const { legend, hint, options } = FILTERS[name];
  return (
    <FilterDetails summary={legend} chosen={values.length}>
      <Checkboxes
        name={name}
        legend={legend}
        isLegendHidden
        hint={hint}
        options={options}
        values={values}
        onChange={onChange}
        isSmall
      />
    </FilterDetails>
  );
}

function FilterDetails({
  summary,
  chosen,
  children,
}: {
  summary: string;
  chosen: number;
  children: ReactNode;
}) {
  // Open at first when something is chosen; after that it is the person's to open and close.
  const [isInitiallyOpen] = useState(chosen > 0);
  return (
    <details className="govuk-details harbour-filter__group" open={isInitiallyOpen}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {summary}
          {chosen > 0 && <span className="harbour-filter__count"> ({chosen} selected)</span>}
        </span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
