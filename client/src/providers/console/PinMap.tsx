import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon2xUrl from 'leaflet/dist/images/marker-icon-2x.png';
import markerIconUrl from 'leaflet/dist/images/marker-icon.png';
import markerShadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef, useState } from 'react';

export type LatLng = { lat: number; lng: number };

type PinMapProps = {
  /** Where the pin is; null for no pin; 'unclear' while the typed position is not one, to leave it be. */
  pin: LatLng | null | 'unclear';
  /** The person clicked the map, dragged the pin or put it at the centre. */
  onPin: (pin: LatLng) => void;
  onRemove: () => void;
  /** The id of the text that says what the map is for and what it shows. */
  descriptionId: string;
};

const DEVON: L.LatLngTuple = [50.72, -3.75];
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

// Leaflet's default icon finds its images through a CSS url, which Vite's hashed file names
// break; an icon of Vite-bundled images loads them from 'self', as the CSP requires.
const pinIcon = L.icon({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIcon2xUrl,
  shadowUrl: markerShadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  shadowSize: [41, 41],
});

/** About a metre: more would only suggest a precision nobody placed the pin with. */
function rounded({ lat, lng }: L.LatLng): LatLng {
  return { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) };
}

function describeMove({ lat, lng }: LatLng): string {
  return `Pin moved to latitude ${lat}, longitude ${lng}`;
}

/**
 * An OpenStreetMap map to pin a location on: clicking the map or dragging the pin moves it. The
 * pin is out of the tab order and hidden from screen readers, because the latitude and longitude
 * fields beside the map say the same and can be typed in; the button puts the pin at the centre
 * of the map, for people who move the map with the keyboard.
 */
export function PinMap({ pin, onPin, onRemove, descriptionId }: PinMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const leaflet = useRef<{ map: L.Map; marker: L.Marker } | null>(null);
  // Said to screen readers when the map, rather than the fields, moves the pin.
  const [announcement, setAnnouncement] = useState('');
  const handlePin = useRef(onPin);
  useEffect(() => {
    handlePin.current = onPin;
  });
  // Only the first position centres the map; later ones move the pin and keep it in view.
  const initialPin = useRef(pin);

  useEffect(() => {
    if (!container.current) return;
    const start = initialPin.current;
    // Scroll-wheel zoom only once the map has focus, so scrolling the page never gets caught.
    const map = L.map(container.current, { scrollWheelZoom: false });
    if (start && start !== 'unclear') map.setView([start.lat, start.lng], 15, { animate: false });
    else map.setView(DEVON, 8, { animate: false });
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    map.on('focus', () => map.scrollWheelZoom.enable());
    map.on('blur', () => map.scrollWheelZoom.disable());
    for (const pane of ['markerPane', 'shadowPane']) {
      map.getPane(pane)?.setAttribute('aria-hidden', 'true');
    }
    const marker = L.marker(DEVON, { icon: pinIcon, draggable: true, keyboard: false, alt: '' });
    const moved = (position: LatLng) => {
      handlePin.current(position);
      setAnnouncement(describeMove(position));
    };
    marker.on('dragend', () => moved(rounded(marker.getLatLng())));
    map.on('click', (event: L.LeafletMouseEvent) => moved(rounded(event.latlng)));
    leaflet.current = { map, marker };
    return () => {
      map.remove();
      leaflet.current = null;
    };
  }, []);

  const isUnclear = pin === 'unclear';
  const lat = pin && pin !== 'unclear' ? pin.lat : null;
  const lng = pin && pin !== 'unclear' ? pin.lng : null;

  useEffect(() => {
    if (!leaflet.current || isUnclear) return;
    const { map, marker } = leaflet.current;
    if (lat === null || lng === null) {
      marker.remove();
      return;
    }
    marker.setLatLng([lat, lng]);
    if (!map.hasLayer(marker)) marker.addTo(map);
    if (!map.getBounds().contains([lat, lng])) map.panTo([lat, lng]);
  }, [isUnclear, lat, lng]);

  function pinCentre() {
    if (!leaflet.current) return;
    const centre = rounded(leaflet.current.map.getCenter());
    onPin(centre);
    setAnnouncement(describeMove(centre));
  }

  function remove() {
    onRemove();
    setAnnouncement('The pin has been removed');
  }

  return (
    <>
      <div
        ref={container}
        className="harbour-pin-map"
        role="region"
        aria-label="Map for placing the pin"
        aria-describedby={descriptionId}
      />
      <p className="govuk-body">
        {pin === null
          ? 'There is no pin on the map.'
          : pin === 'unclear'
            ? 'The pin stays where it was until the latitude and longitude are both numbers.'
            : `The pin is at latitude ${pin.lat}, longitude ${pin.lng}.`}
      </p>
      <div className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={pinCentre}>
          Put the pin at the centre of the map
        </button>
        {pin !== null && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={remove}>
            Remove the pin
          </button>
        )}
      </div>
    </>
  );
}
