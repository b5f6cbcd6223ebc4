import { createHash } from 'node:crypto';
import type { Listing } from '../directory/listing';

/**
 * Open Referral UK requires every id to be a UUID; Harbour's are database ids (and a listing's
 * is two of them). Each published id is therefore a name-based UUID (RFC 9562 version 5) of
 * what it names, under Harbour's own namespace: the same record always gets the same id, and
 * no mapping table is kept. Never change the namespace or the names: consumers store these ids.
 */
const HARBOUR_NAMESPACE = 'ef62f78f-f9c5-44b5-90cb-8ddfce8ac698';

export type OrukRecordKind =
  | 'service'
  | 'organization'
  | 'location'
  | 'service_at_location'
  | 'address'
  | 'accessibility'
  | 'schedule'
  | 'cost_option'
  | 'contact'
  | 'phone'
  | 'attribute'
  | 'organization_identifier'
  | 'taxonomy'
  | 'taxonomy_term';

export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The published id of a Harbour record, e.g. `orukId('service', serviceId)`. */
export function orukId(kind: OrukRecordKind, ...key: string[]): string {
  return uuidV5(`${kind}/${key.join('/')}`, HARBOUR_NAMESPACE);
}

export interface ListingIds {
  service: string;
  organization: string;
  location: string;
  serviceAtLocation: string;
}

// Listings are replaced, not edited, when they change, so a listing's ids can be kept with it.
const idsByListing = new WeakMap<Listing, ListingIds>();

/** The published ids of a listing and what it joins (worked out once per listing). */
export function idsOf(listing: Listing): ListingIds {
  let ids = idsByListing.get(listing);
  if (!ids) {
    ids = {
      service: orukId('service', listing.serviceId),
      organization: orukId('organization', listing.organisationId),
      location: orukId('location', listing.locationId),
      serviceAtLocation: orukId('service_at_location', listing.id),
    };
    idsByListing.set(listing, ids);
  }
  return ids;
}
