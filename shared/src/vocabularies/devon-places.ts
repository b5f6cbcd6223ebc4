import places from '../data/devon-places.json';

/** Devon's districts and towns, plus Plymouth and Torbay, from the project handbook. */
export interface Town {
  name: string;
  lat: number;
  lng: number;
  postcodes: string[];
}

export interface District {
  name: string;
  council: string;
  towns: Town[];
}

export const DISTRICTS: readonly District[] = places.districts;

export const DISTRICT_NAMES = DISTRICTS.map((district) => district.name);

export interface PostcodeDistrictPlace {
  postcodeDistrict: string;
  district: string;
  town: string;
  lat: number;
  lng: number;
}

/** Outward code (e.g. "EX39") → its first listed town and district. */
const byPostcodeDistrict = new Map<string, PostcodeDistrictPlace>();
for (const district of DISTRICTS) {
  for (const town of district.towns) {
    for (const code of town.postcodes) {
      if (!byPostcodeDistrict.has(code)) {
        byPostcodeDistrict.set(code, {
          postcodeDistrict: code,
          district: district.name,
          town: town.name,
          lat: town.lat,
          lng: town.lng,
        });
      }
    }
  }
}

/**
 * Finds the place of a full postcode ("EX39 1AA") or an outward code ("ex39"),
 * or undefined when it is not one we know in Devon, Plymouth or Torbay.
 */
export function findPostcodeDistrict(postcode: string): PostcodeDistrictPlace | undefined {
  const compact = postcode.trim().toUpperCase().replace(/\s+/g, '');
  const outward = compact.length > 4 ? compact.slice(0, -3) : compact;
  return byPostcodeDistrict.get(outward);
}
