import { Route, Routes } from 'react-router';
import { AccessibilityStatementPage } from './about/AccessibilityStatementPage';
import { PrivacyPage } from './about/PrivacyPage';
import { CommissionersPage } from './commissioners/CommissionersPage';
import { FamiliesPage } from './families/FamiliesPage';
import { FeedbackPage } from './feedback/FeedbackPage';
import { HomePage } from './home/HomePage';
import { ProvidersPage } from './providers/ProvidersPage';
import { Layout } from './shell/Layout';
import { NotFoundPage } from './shell/NotFoundPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="families" element={<FamiliesPage />} />
        <Route path="providers" element={<ProvidersPage />} />
        <Route path="commissioners" element={<CommissionersPage />} />
        <Route path="feedback" element={<FeedbackPage />} />
        <Route path="accessibility" element={<AccessibilityStatementPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
