import { Route, Routes } from 'react-router';
import { AccessibilityStatementPage } from './about/AccessibilityStatementPage';
import { PrivacyPage } from './about/PrivacyPage';
import { AccountPage } from './account/AccountPage';
import { CheckYourEmailPage } from './account/CheckYourEmailPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { RequireSignIn } from './account/RequireSignIn';
import { ResetPasswordPage } from './account/ResetPasswordPage';
import { SignInPage } from './account/SignInPage';
import { SignOutPage } from './account/SignOutPage';
import { SignUpPage } from './account/SignUpPage';
import { VerifyEmailPage } from './account/VerifyEmailPage';
import type { Role } from './account/viewer';
import { ViewerProvider } from './account/ViewerProvider';
import { CommissionersPage } from './commissioners/CommissionersPage';
import { FamiliesPage } from './families/FamiliesPage';
import { AccessLogPage } from './families/family/AccessLogPage';
import { DownloadDataPage } from './families/family/DownloadDataPage';
import { FamilyPage } from './families/family/FamilyPage';
import { FeedbackPage } from './feedback/FeedbackPage';
import { HomePage } from './home/HomePage';
import { ProvidersPage } from './providers/ProvidersPage';
import { Layout } from './shell/Layout';
import { NotFoundPage } from './shell/NotFoundPage';

const familyRoles: readonly Role[] = ['FAMILY', 'YOUNG_PERSON'];

export function App() {
  return (
    <ViewerProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="families" element={<FamiliesPage />} />
          <Route path="providers" element={<ProvidersPage />} />
          <Route path="commissioners" element={<CommissionersPage />} />
          <Route path="feedback" element={<FeedbackPage />} />
          <Route path="accessibility" element={<AccessibilityStatementPage />} />
          <Route path="privacy" element={<PrivacyPage />} />

          <Route path="sign-up" element={<SignUpPage />} />
          <Route
            path="sign-up/check-your-email"
            element={<CheckYourEmailPage purpose="sign-up" />}
          />
          <Route path="verify-email" element={<VerifyEmailPage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="sign-out" element={<SignOutPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route
            path="forgot-password/check-your-email"
            element={<CheckYourEmailPage purpose="password-reset" />}
          />
          <Route path="reset-password" element={<ResetPasswordPage />} />

          <Route
            path="account"
            element={
              <RequireSignIn>
                <AccountPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family"
            element={
              <RequireSignIn roles={familyRoles}>
                <FamilyPage />
              </RequireSignIn>
            }
          />
          <Route
            path="account/access-log"
            element={
              <RequireSignIn roles={familyRoles}>
                <AccessLogPage />
              </RequireSignIn>
            }
          />
          <Route
            path="account/download"
            element={
              <RequireSignIn roles={familyRoles}>
                <DownloadDataPage />
              </RequireSignIn>
            }
          />

          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ViewerProvider>
  );
}
