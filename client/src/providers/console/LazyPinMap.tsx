import { Component, lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import './console.scss';

// Leaflet is loaded only on the page with the map, so the rest of Harbour does not wait for it.
const PinMap = lazy(() => import('./PinMap').then((module) => ({ default: module.PinMap })));

/** The pin map, once Leaflet has loaded; if it cannot load, the fields below it still work. */
export function LazyPinMap(props: ComponentProps<typeof PinMap>) {
  return (
    <MapBoundary>
      <Suspense fallback={<div className="harbour-pin-map" />}>
        <PinMap {...props} />
      </Suspense>
    </MapBoundary>
  );
}

class MapBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override render() {
    return this.state.hasFailed ? (
      <p className="govuk-body">
        The map cannot be shown just now. Type the latitude and longitude instead.
      </p>
    ) : (
      this.props.children
    );
  }
}
