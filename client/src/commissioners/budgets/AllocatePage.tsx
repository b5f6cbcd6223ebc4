import { formatMoney, type Money } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { formErrorsFrom } from '../../api/userErrors';
import { FileUpload } from '../../govuk/FileUpload';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import { fundsPath, importAllocations, type AllocationRowOutcome } from './budgetsApi';

const title = 'Allocate budgets from a file';

const OUTCOMES: Record<AllocationRowOutcome['outcome'], { text: string; className: string }> = {
  WOULD_ALLOCATE: { text: 'Ready to allocate', className: 'govuk-tag--blue' },
  ALLOCATED: { text: 'Allocated', className: 'govuk-tag--green' },
  REFUSED: { text: 'Refused', className: 'govuk-tag--red' },
};

/**
 * Personal and health budgets for many children at once, from a CSV file: checked first row
 * by row (changing nothing), then allocated. Sending the same file again allocates nothing more.
 */
export function AllocatePage() {
  const [file, setFile] = useState<File | null>(null);
  // The file as checked, what each row would do, and whether every row can be allocated.
  const [checked, setChecked] = useState<{
    csv: string;
    rows: AllocationRowOutcome[];
    isReady: boolean;
  } | null>(null);
  const [done, setDone] = useState<{ allocated: Money; rows: AllocationRowOutcome[] } | null>(null);
  const form = useFormSubmission<'csv'>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const check = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      setChecked(null);
      setDone(null);
      if (!file) return [{ field: 'csv', message: 'Select a CSV file' }];
      const csv = await file.text();
      const result = await importAllocations(csv, true);
      setChecked({
        csv,
        rows: result.rows,
        isReady: result.userErrors.length === 0 && result.rows.length > 0,
      });
      return formErrorsFrom(result.userErrors, ['csv']);
    });

  const allocate = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      if (!checked) return [];
      const result = await importAllocations(checked.csv, false);
      if (result.applied) {
        setChecked(null);
        setDone({ allocated: result.allocated, rows: result.rows });
      }
      return formErrorsFrom(result.userErrors, ['csv']);
    });

  return (
    <>
      <Link to={fundsPath} className="govuk-back-link">
        Back to funds and spending
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} unavailableOutcome="Nothing has been allocated." />
          {done && (
            <SuccessBanner>
              {formatMoney(done.allocated)} allocated to {done.rows.length}{' '}
              {done.rows.length === 1 ? 'budget' : 'budgets'}
            </SuccessBanner>
          )}
          <span className="govuk-caption-l">Commissioning</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            Check the file first: Harbour says what each row would do and changes nothing. Then
            allocate. Nothing is allocated unless every row is right, and sending the same file
            again allocates nothing more.
          </p>
          <form noValidate onSubmit={check}>
            <FileUpload
              id="csv"
              label="Upload a CSV file"
              hint="One row for each budget, under a header row of: child_id, date_of_birth (YYYY-MM-DD), budget (PERSONAL_BUDGET or PERSONAL_HEALTH_BUDGET), amount (in pounds), held_as (COUNCIL_HELD or DIRECT_PAYMENT), and if you need them service_types (separated by semicolons), max_per_hour and max_per_session."
              accept=".csv,text/csv"
              onChange={(chosen) => {
                setFile(chosen);
                setChecked(null);
              }}
              error={form.errorFor('csv')}
            />
            <button type="submit" className="govuk-button govuk-button--secondary">
              Check the file
            </button>
          </form>
        </div>
      </div>
      {/* Says the file is ready where the table appears, without moving focus. */}
      <div role="status">
        {checked?.isReady && (
          <p className="govuk-body">Every row is right. Check what each would do, then allocate.</p>
        )}
      </div>
      {checked && checked.rows.length > 0 && (
        <>
          <OutcomesTable caption="What each row would do" rows={checked.rows} />
          {checked.isReady && (
            <form noValidate onSubmit={allocate}>
              <button type="submit" className="govuk-button">
                Allocate
              </button>
            </form>
          )}
        </>
      )}
      {done && <OutcomesTable caption="What each row did" rows={done.rows} />}
    </>
  );
}

function OutcomesTable({ caption, rows }: { caption: string; rows: AllocationRowOutcome[] }) {
  return (
    <Table
      caption={caption}
      captionSize="m"
      isScrollable
      columns={[
        { heading: 'Line', isNumeric: true },
        { heading: 'Child' },
        { heading: 'Budget' },
        { heading: 'Amount', isNumeric: true },
        { heading: 'Outcome' },
        { heading: 'Message' },
      ]}
      rows={rows.map((row) => {
        const outcome = OUTCOMES[row.outcome];
        return {
          key: String(row.line),
          cells: [
            row.line,
            row.childName ?? 'Not found',
            row.budget ?? '',
            row.amount ? formatMoney(row.amount) : '',
            <strong key="outcome" className={`govuk-tag ${outcome.className}`}>
              {outcome.text}
            </strong>,
            row.message ?? '',
          ],
        };
      })}
    />
  );
}
