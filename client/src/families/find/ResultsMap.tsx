import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon2xUrl from 'leaflet/dist/images/marker-icon-2x.png';
import markerIconUrl from 'leaflet/dist/images/marker-icon.png';
import markerShadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef } from 'react';
import Supercluster from 'supercluster';
import type { Bounds, MapMarker, SearchPlace } from './directoryApi';
import { servicePath } from './listingText';
import './resultsMap.scss';

type ResultsMapProps = {
  /** Null while a search is on its way: the map keeps what it shows until the answer comes. */
  markers: readonly MapMarker[] | null;
  place: SearchPlace | null;
  /** The area searched, when the search was "Search this area". */
  area: Bounds | null;
  /** The id of the text that says the results are listed below the map too. */
  descriptionId: string;
  onSearchArea: (area: Bounds) => void;
  /** A marker was chosen: its result in the list is highlighted. */
  onSelect: (listingId: string) => void;
  onOpenService: (listingId: string) => void;
};

const DEVON: L.LatLngTuple = [50.72, -3.75];
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

// Leaflet's default icon finds its images through a CSS url, which Vite's hashed file names
// break; an icon of Vite-bundled images loads them from 'self', as the CSP requires.
const serviceIcon = L.icon({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIcon2xUrl,
  shadowUrl: markerShadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  shadowSize: [41, 41],
});
const CLUSTER_MAX_ZOOM = 16;
// Where a popup points from: the top of the marker.
const POPUP_OFFSET = L.point(1, -27);

/**
 * The results on an OpenStreetMap map, clustered by supercluster. Its index of every marker is
 * built once per search; each move then asks it for the clusters in view, so the map holds a
 * few dozen Leaflet markers however many results there are.
 *
 * The map is an enhancement of the list below it: one tab stop (arrow keys move it, + and −
 * zoom), markers out of the tab order and hidden from screen readers, since every marker is
 * also a result in the list.
 */
export function ResultsMap({
  markers,
  place,
  area,
  descriptionId,
  onSearchArea,
  onSelect,
  onOpenService,
}: ResultsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const leaflet = useRef<{ map: L.Map; layer: L.LayerGroup } | null>(null);
  const handlers = useRef({ onSelect, onOpenService });
  const hasView = useRef(false);
  useEffect(() => {
    handlers.current = { onSelect, onOpenService };
  });

  useEffect(() => {
    if (!container.current) return;
    // Scroll-wheel zoom only once the map has focus, so scrolling the page never gets caught.
    const map = L.map(container.current, { scrollWheelZoom: false }).setView(DEVON, 8);
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    map.on('focus', () => map.scrollWheelZoom.enable());
    map.on('blur', () => map.scrollWheelZoom.disable());
    for (const pane of ['markerPane', 'shadowPane']) {
      map.getPane(pane)?.setAttribute('aria-hidden', 'true');
    }
    leaflet.current = { map, layer: L.layerGroup().addTo(map) };
    return () => {
      map.remove();
      leaflet.current = null;
      hasView.current = false;
    };
  }, []);

  useEffect(() => {
    if (!leaflet.current || !markers) return;
    const { map, layer } = leaflet.current;
    const index = new Supercluster<MapMarker>({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM });
    index.load(
      markers.map((marker) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [marker.lng, marker.lat] },
        properties: marker,
      })),
    );

    function openPopup(at: L.LatLngTuple, services: readonly MapMarker[]) {
      L.popup({ offset: POPUP_OFFSET })
        .setLatLng(at)
        .setContent(popupContent(services, (id) => handlers.current.onOpenService(id)))
        .openOn(map);
    }

    function draw() {
      const view = map.getBounds();
      const clusters = index.getClusters(
        [
          Math.max(-180, view.getWest()),
          Math.max(-85, view.getSouth()),
          Math.min(180, view.getEast()),
          Math.min(85, view.getNorth()),
        ],
        Math.round(map.getZoom()),
      );
      layer.clearLayers();
      for (const feature of clusters) {
        const [lng = 0, lat = 0] = feature.geometry.coordinates;
        const properties = feature.properties;
        if ('cluster' in properties) {
          const count = properties.point_count;
          L.marker([lat, lng], { icon: clusterIcon(count), keyboard: false })
            .on('click', () => {
              const zoom = index.getClusterExpansionZoom(properties.cluster_id);
              // Services at one address (or next door) part only past the clustering zoom:
              // list them instead.
              if (zoom <= CLUSTER_MAX_ZOOM) map.setView([lat, lng], zoom);
              else {
                const leaves = index.getLeaves(properties.cluster_id, Infinity);
                openPopup(
                  [lat, lng],
                  leaves.map((leaf) => leaf.properties),
                );
              }
            })
            .addTo(layer);
        } else {
          L.marker([lat, lng], { icon: serviceIcon, keyboard: false, alt: properties.name })
            .on('click', () => {
              openPopup([lat, lng], [properties]);
              handlers.current.onSelect(properties.id);
            })
            .addTo(layer);
        }
      }
    }

    map.closePopup();
    // After "Search this area" the map already shows the area: fitting it again could zoom out.
    const isShowingArea =
      area !== null && hasView.current && map.getBounds().pad(0.01).contains(areaBounds(area));
    if (!isShowingArea) fitView(map, markers, place, area);
    hasView.current = true;
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
    };
  }, [markers, place, area]);

  function searchThisArea() {
    if (!leaflet.current) return;
    const view = leaflet.current.map.getBounds();
    onSearchArea({
      south: Math.max(-90, view.getSouth()),
      west: Math.max(-180, view.getWest()),
      north: Math.min(90, view.getNorth()),
      east: Math.min(180, view.getEast()),
    });
  }

  return (
    <>
      <div
        ref={container}
        className="harbour-map"
        role="region"
        aria-label="Map of the results"
        aria-describedby={descriptionId}
      />
      <button
        type="button"
        className="govuk-button govuk-button--secondary harbour-map__search-area"
        onClick={searchThisArea}
      >
        Search this area
      </button>
    </>
  );
}

/** Shows the area searched, or every result, or the place, or Devon. */
function fitView(
  map: L.Map,
  markers: readonly MapMarker[],
  place: SearchPlace | null,
  area: Bounds | null,
) {
  const noAnimation = { animate: false };
  if (area) {
    map.fitBounds(areaBounds(area), noAnimation);
  } else if (markers.length > 0) {
    const bounds = L.latLngBounds(markers.map((marker) => [marker.lat, marker.lng]));
    if (place) bounds.extend([place.lat, place.lng]);
    map.fitBounds(bounds, { ...noAnimation, padding: [24, 24], maxZoom: 14 });
  } else if (place) {
    map.setView([place.lat, place.lng], 11, noAnimation);
  } else {
    map.setView(DEVON, 8, noAnimation);
  }
}

function areaBounds({ south, west, north, east }: Bounds): L.LatLngBounds {
  return L.latLngBounds([south, west], [north, east]);
}

function clusterIcon(count: number): L.DivIcon {
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
  const pixels = { small: 32, medium: 40, large: 48 }[size];
  return L.divIcon({
    html: `<span>${count}</span>`,
    className: `harbour-map-cluster harbour-map-cluster--${size}`,
    iconSize: [pixels, pixels],
  });
}

/** A popup's content, built as elements so that names from the directory are text, not HTML. */
function popupContent(
  services: readonly MapMarker[],
  open: (listingId: string) => void,
): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'govuk-list govuk-!-margin-bottom-0 harbour-map-popup';
  for (const service of services) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'govuk-link';
    link.href = servicePath(service.id);
    link.textContent = service.name;
    link.addEventListener('click', (event) => {
      // Keep the browser's own handling of new tabs and windows.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      open(service.id);
    });
    const provider = document.createElement('span');
    provider.className = 'harbour-map-popup__provider';
    provider.textContent = service.providerName;
    item.append(link, provider);
    list.append(item);
  }
  return list;
}
