import { useRef, useState } from 'react';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { ErrorSummary } from '../../govuk/ErrorSummary';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchFamilyDataExport } from './familyApi';

const fileName = 'harbour-family-data.json';

type Status = 'ready' | 'preparing' | 'downloaded' | 'unavailable';

export function DownloadDataPage() {
  const sendToSignIn = useSendToSignIn();
  const [status, setStatus] = useState<Status>('ready');
  const [attempt, setAttempt] = useState(0);
  const isPreparing = useRef(false);
  usePageTitle('Download your data', { hasErrors: status === 'unavailable' });

  async function download() {
    if (isPreparing.current) return;
    isPreparing.current = true;
    setAttempt((count) => count + 1);
    setStatus('preparing');
    try {
      saveFile(await fetchFamilyDataExport());
      setStatus('downloaded');
    } catch (error) {
      if (!sendToSignIn(error)) setStatus('unavailable');
    } finally {
      isPreparing.current = false;
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {status === 'unavailable' && (
          <ErrorSummary
            key={attempt}
            title="Sorry, there is a problem with the service"
            description="Try again later. Your data has not been downloaded."
          />
        )}
        <h1 className="govuk-heading-l">Download your data</h1>
        <p className="govuk-body">
          You can download a copy of everything Harbour holds about your family. It includes:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>your account details, such as your name and email address</li>
          <li>the other parents and carers in your family</li>
          <li>your children&apos;s names and dates of birth</li>
          <li>which providers you have let see each child&apos;s profile</li>
          <li>the record of who has seen your family&apos;s information</li>
        </ul>
        <p className="govuk-body">
          The file is called {fileName}. It is in JSON, a format that other services and computer
          programs can read. You can open it in a text editor.
        </p>
        <button
          type="button"
          className="govuk-button"
          aria-disabled={status === 'preparing' || undefined}
          onClick={download}
        >
          Download your data
        </button>
        {/* Always present, so that screen readers announce the message when it appears. */}
        <div role="status">
          {status === 'preparing' && <p className="govuk-body">Preparing your file.</p>}
          {status === 'downloaded' && (
            <p className="govuk-body">Your data has been downloaded as {fileName}.</p>
          )}
        </div>
      </div>
    </div>
  );
}

/** Hands the JSON to the browser as a download; no page navigation, no inline script. */
function saveFile(json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
