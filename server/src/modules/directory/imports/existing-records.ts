import { LocationModel, ProviderProfileModel, ServiceModel } from '../directory.model';
import type { ExternalIds } from '../directory.service';

/**
 * What the directory already holds for a row's external ids, so that the runner keeps what
 * a file does not say and a dry run can tell creates from updates. Each lookup is one
 * equality match on an external id (an index where the model declares one).
 */

type IdKey = keyof ExternalIds;

export function idsOf(ids: ExternalIds | null | undefined): [IdKey, string][] {
  return Object.entries(ids ?? {}).filter(
    (entry): entry is [IdKey, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
}

export async function findProvider(ids: ExternalIds) {
  for (const [key, value] of idsOf(ids)) {
    const found = await ProviderProfileModel.findOne({ [`externalIds.${key}`]: value }).lean();
    if (found) return found;
  }
  return null;
}

export async function findLocation(ids: ExternalIds) {
  for (const [key, value] of idsOf(ids)) {
    const found = await LocationModel.findOne({ [`externalIds.${key}`]: value }).lean();
    if (found) return found;
  }
  return null;
}

/**
 * An ORUK service by its id; a regulator's service by the registered place it runs at and
 * the place's id, which the service carries too (a location can hold services a provider
 * added itself).
 */
export async function findService(ids: ExternalIds, locationId: string | null) {
  if (ids.orukId) return ServiceModel.findOne({ 'externalIds.orukId': ids.orukId }).lean();
  if (!locationId) return null;
  const atLocation = await ServiceModel.find({ locations: locationId }).lean();
  const wanted = idsOf(ids);
  return (
    atLocation.find((service) =>
      wanted.some(([key, value]) => service.externalIds?.[key] === value),
    ) ?? null
  );
}
