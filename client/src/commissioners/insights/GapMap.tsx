import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
// The directory's map style: its size on each screen, and GOV.UK's focus style inside the box.
import '../../families/find/resultsMap.scss';
import type { DistrictGap } from './insightsApi';
import { gapBandOf, GAP_BANDS } from './gapBands';
import { districtWords, gapIndexWords, perWeek, shown } from './insightsWords';

const DEVON: L.LatLngTuple = [50.72, -3.75];
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Pixels: the area of a circle grows with the children, so its radius with their root. */
function radiusFor(children: number | null): number {
  return 6 + Math.sqrt(children ?? 0) * 2;
}

/** A tooltip's content, built as elements so that a district's name is text, not HTML. */
function tooltipContent(district: DistrictGap): HTMLElement {
  const box = document.createElement('div');
  const name = document.createElement('strong');
  name.textContent = districtWords(district.district);
  const lines = [
    `Children: ${shown(district.children)}`,
    `Places a week: ${perWeek(district.placesPerWeek)}`,
    `Gap index: ${gapIndexWords(district.gapIndex, district.children)}`,
    gapBandOf(district.gapIndex, district.children).words,
  ];
  box.append(name, ...lines.flatMap((line) => [document.createElement('br'), line]));
  return box;
}

/**
 * The districts on an OpenStreetMap map: a circle each, sized by its children and coloured by
 * its gap index. The map is an enhancement of the table of districts: one tab stop (arrow keys
 * move it, + and − zoom), its circles hidden from screen readers.
 */
export function GapMap({
  districts,
  descriptionId,
}: {
  districts: readonly DistrictGap[];
  /** The id of the text that says the table of districts holds the same. */
  descriptionId: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    // Scroll-wheel zoom only once the map has focus, so scrolling the page never gets caught.
    const map = L.map(container.current, { scrollWheelZoom: false }).setView(DEVON, 8);
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    map.on('focus', () => map.scrollWheelZoom.enable());
    map.on('blur', () => map.scrollWheelZoom.disable());
    map.getPane('overlayPane')?.setAttribute('aria-hidden', 'true');
    map.getPane('tooltipPane')?.setAttribute('aria-hidden', 'true');

    // Biggest first, so a small district's circle is drawn on top and can still be pointed at.
    const bySize = [...districts].sort((a, b) => (b.children.value ?? 0) - (a.children.value ?? 0));
    for (const district of bySize) {
      const band = gapBandOf(district.gapIndex, district.children);
      L.circleMarker([district.lat, district.lng], {
        radius: radiusFor(district.children.value),
        color: '#0b0c0c',
        weight: 2,
        dashArray: band.isDashed ? '4 3' : undefined,
        fillColor: band.colour,
        fillOpacity: 0.75,
      })
        .bindTooltip(tooltipContent(district))
        .addTo(map);
    }
    if (districts.length > 0) {
      map.fitBounds(L.latLngBounds(districts.map((district) => [district.lat, district.lng])), {
        animate: false,
        padding: [32, 32],
        maxZoom: 11,
      });
    }
    return () => {
      map.remove();
    };
  }, [districts]);

  return (
    <>
      <div
        ref={container}
        className="harbour-map harbour-no-print"
        role="region"
        aria-label="Map of the gap index by district"
        aria-describedby={descriptionId}
      />
      <ul className="govuk-list harbour-insights-key harbour-no-print" aria-hidden="true">
        {GAP_BANDS.map((band) => (
          <li key={band.words}>
            <span
              className="harbour-insights-key__swatch"
              style={{
                backgroundColor: band.colour,
                borderStyle: band.isDashed ? 'dashed' : 'solid',
              }}
            />
            {band.words}
          </li>
        ))}
      </ul>
    </>
  );
}
