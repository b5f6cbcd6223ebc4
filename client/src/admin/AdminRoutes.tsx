import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../shell/NotFoundPage';

// Only administrators use these pages, so nobody else downloads them.
const AdminHomePage = lazy(() =>
  import('./AdminHomePage').then((module) => ({ default: module.AdminHomePage })),
);
const AdminProvidersPage = lazy(() =>
  import('./AdminProvidersPage').then((module) => ({ default: module.AdminProvidersPage })),
);
const AdminRegistrationsPage = lazy(() =>
  import('./AdminRegistrationsPage').then((module) => ({
    default: module.AdminRegistrationsPage,
  })),
);

/** The administrators' pages, under /admin. */
export function AdminRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route index element={<AdminHomePage />} />
        <Route path="providers" element={<AdminProvidersPage />} />
        <Route path="registrations" element={<AdminRegistrationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
