import type { FormError } from '../../api/userErrors';
import type { LatLng } from './PinMap';

export const locationFields = [
  'name',
  'addressLine',
  'town',
  'postcode',
  'features',
  'lat',
  'lng',
] as const;
export type LocationField = (typeof locationFields)[number];

const decimal = /^[-+]?\d+(\.\d+)?$/;

/** What the latitude and longitude fields say: a pin, no pin, or what is wrong with them. */
export function parsePin(
  lat: string,
  lng: string,
): { pin: LatLng | null } | { errors: FormError<LocationField>[] } {
  const typed = { lat: lat.trim(), lng: lng.trim() };
  if (typed.lat === '' && typed.lng === '') return { pin: null };
  const errors: FormError<LocationField>[] = [];
  if (typed.lat === '') {
    errors.push({ field: 'lat', message: 'Enter the latitude as well, or leave both blank' });
  } else if (!decimal.test(typed.lat)) {
    errors.push({ field: 'lat', message: 'Latitude must be a number, like 50.95412' });
  }
  if (typed.lng === '') {
    errors.push({ field: 'lng', message: 'Enter the longitude as well, or leave both blank' });
  } else if (!decimal.test(typed.lng)) {
    errors.push({ field: 'lng', message: 'Longitude must be a number, like -4.14423' });
  }
  return errors.length > 0
    ? { errors }
    : { pin: { lat: Number(typed.lat), lng: Number(typed.lng) } };
}

/** Where the map's pin goes while someone types: 'unclear' until the fields make a position. */
export function pinOnMap(lat: string, lng: string): LatLng | null | 'unclear' {
  const parsed = parsePin(lat, lng);
  return 'pin' in parsed ? parsed.pin : 'unclear';
}
