import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shell/NotFoundPage';

// Only providers and administrators use the console, so nobody else downloads its pages.
const ProviderConsolePage = lazy(() =>
  import('./ProviderConsolePage').then((module) => ({ default: module.ProviderConsolePage })),
);
const ProfileEditPage = lazy(() =>
  import('./ProfileEditPage').then((module) => ({ default: module.ProfileEditPage })),
);
const LocationEditPage = lazy(() =>
  import('./LocationEditPage').then((module) => ({ default: module.LocationEditPage })),
);
const ServiceEditPage = lazy(() =>
  import('./ServiceEditPage').then((module) => ({ default: module.ServiceEditPage })),
);
const RegistrationRequestPage = lazy(() =>
  import('./RegistrationRequestPage').then((module) => ({
    default: module.RegistrationRequestPage,
  })),
);

const SessionsPage = lazy(() =>
  import('../sessions/SessionsPage').then((module) => ({ default: module.SessionsPage })),
);
const SeriesNewPage = lazy(() =>
  import('../sessions/SeriesNewPage').then((module) => ({ default: module.SeriesNewPage })),
);
const RegisterPage = lazy(() =>
  import('../sessions/RegisterPage').then((module) => ({ default: module.RegisterPage })),
);
const ProviderStatementPage = lazy(() =>
  import('../payments/ProviderStatementPage').then((module) => ({
    default: module.ProviderStatementPage,
  })),
);

/** The console's pages, under /providers/console. */
export function ProviderConsoleRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route index element={<ProviderConsolePage />} />
        <Route path="profile" element={<ProfileEditPage />} />
        <Route path="locations/new" element={<LocationEditPage />} />
        <Route path="locations/:locationId" element={<LocationEditPage />} />
        <Route path="services/new" element={<ServiceEditPage />} />
        <Route path="services/:serviceId" element={<ServiceEditPage />} />
        <Route path="registrations/new" element={<RegistrationRequestPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="sessions/new" element={<SeriesNewPage />} />
        <Route path="sessions/:sessionId" element={<RegisterPage />} />
        <Route path="statement" element={<ProviderStatementPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
