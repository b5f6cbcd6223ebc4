import { ErrorMessage } from './ErrorMessage';

type FileUploadProps = {
  id: string;
  label: string;
  hint?: string;
  /** The kinds of file to offer, such as ".csv,text/csv". */
  accept?: string;
  onChange: (file: File | null) => void;
  error?: string;
};

/** GOV.UK file upload, for one file the page reads itself. */
export function FileUpload({ id, label, hint, accept, onChange, error }: FileUploadProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}
