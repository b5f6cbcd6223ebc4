import type { InsightService } from './insightsApi';
import { InsightTable } from './InsightTable';
import { serviceTypeWords, yesNo } from './insightsWords';

const past18: Record<InsightService['continuesPast18'], string> = {
  YES: 'Yes',
  NO: 'No',
  NOT_APPLICABLE: 'Not applicable: it stops before 18',
};

/** Services in the directory, as commissioners judge them. */
export function ServicesTable({
  caption,
  file,
  services,
  empty,
}: {
  caption: string;
  file: string;
  services: readonly InsightService[];
  empty: string;
}) {
  return (
    <InsightTable
      caption={caption}
      file={file}
      rows={services}
      rowKey={(service) => service.listingId}
      empty={empty}
      columns={[
        { heading: 'Provider', text: (service) => service.providerName },
        { heading: 'Service', text: (service) => service.serviceName },
        { heading: 'Town', text: (service) => service.town },
        { heading: 'Type', text: (service) => serviceTypeWords(service.serviceType) },
        { heading: 'Ages', text: (service) => `${service.minAge} to ${service.maxAge}` },
        { heading: 'Registered', text: (service) => yesNo(service.registered) },
        { heading: 'Continues past 18', text: (service) => past18[service.continuesPast18] },
      ]}
    />
  );
}
