import { Route, Routes } from 'react-router';
import { AccessibilityStatementPage } from './about/AccessibilityStatementPage';
import { PrivacyPage } from './about/PrivacyPage';
import { AccountPage } from './account/AccountPage';
import { CheckYourEmailPage } from './account/CheckYourEmailPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { InvitationPage } from './account/InvitationPage';
import { MobileNumberPage } from './account/MobileNumberPage';
import { RequireSignIn } from './account/RequireSignIn';
import { ResetPasswordPage } from './account/ResetPasswordPage';
import { SignInPage } from './account/SignInPage';
import { SignOutPage } from './account/SignOutPage';
import { SignUpPage } from './account/SignUpPage';
import { VerifyEmailPage } from './account/VerifyEmailPage';
import type { Role } from './account/viewer';
import { ViewerProvider } from './account/ViewerProvider';
import { AdminRoutes } from './admin/AdminRoutes';
import { BudgetsRoutes } from './commissioners/budgets/BudgetsRoutes';
import { CommissionersPage } from './commissioners/CommissionersPage';
import { EligibilityRoutes } from './commissioners/eligibility/EligibilityRoutes';
import { InsightsRoutes } from './commissioners/insights/InsightsRoutes';
import { FamiliesPage } from './families/FamiliesPage';
import { ChildEligibilityPage } from './families/eligibility/ChildEligibilityPage';
import { EligibilityCheckerProvider } from './families/eligibility/EligibilityCheckerProvider';
import { EligibilityCheckerRoutes } from './families/eligibility/EligibilityCheckerRoutes';
import { BookingsPage } from './families/booking/BookingsPage';
import { BookPage } from './families/booking/BookPage';
import { CancelBookingPage } from './families/booking/CancelBookingPage';
import { BudgetsPage } from './families/budgets/BudgetsPage';
import { StatementPage } from './families/budgets/StatementPage';
import { AccessLogPage } from './families/family/AccessLogPage';
import { DeleteFamilyDataPage } from './families/family/DeleteFamilyDataPage';
import { DownloadDataPage } from './families/family/DownloadDataPage';
import { FamilyDataDeletedPage } from './families/family/FamilyDataDeletedPage';
import { FamilyPage } from './families/family/FamilyPage';
import { InviteYoungPersonPage } from './families/family/InviteYoungPersonPage';
import { FindShortBreaksPage } from './families/find/FindShortBreaksPage';
import { CardPaymentPage } from './families/payments/CardPaymentPage';
import { ChangeSharingPage } from './families/profile/ChangeSharingPage';
import { ChildProfilePage } from './families/profile/ChildProfilePage';
import { ProfileHistoryPage } from './families/profile/ProfileHistoryPage';
import { ProfileSectionPage } from './families/profile/ProfileSectionPage';
import { ShareWithProviderPage } from './families/profile/ShareWithProviderPage';
import { SharingPage } from './families/profile/SharingPage';
import { ServicePage } from './families/service/ServicePage';
import { FeedbackPage } from './feedback/FeedbackPage';
import { HomePage } from './home/HomePage';
import { ProviderConsoleRoutes } from './providers/console/ProviderConsoleRoutes';
import { ProvidersPage } from './providers/ProvidersPage';
import { Layout } from './shell/Layout';
import { NotFoundPage } from './shell/NotFoundPage';

const familyRoles: readonly Role[] = ['FAMILY', 'YOUNG_PERSON'];
// Parents and carers act for the whole family: inviting others in, or deleting its information.
const parentRoles: readonly Role[] = ['FAMILY'];
// Administrators open a provider's console to check it before verifying it.
const providerRoles: readonly Role[] = ['PROVIDER', 'ADMIN'];
const adminRoles: readonly Role[] = ['ADMIN'];
// Administrators read the eligibility rules; only commissioners change them. Both allocate budgets.
const commissioningRoles: readonly Role[] = ['COMMISSIONER', 'ADMIN'];

export function App() {
  return (
    <ViewerProvider>
      <Routes>
        <Route
          element={
            <EligibilityCheckerProvider>
              <Layout />
            </EligibilityCheckerProvider>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="families" element={<FamiliesPage />} />
          <Route path="families/find" element={<FindShortBreaksPage />} />
          <Route path="families/check/*" element={<EligibilityCheckerRoutes />} />
          <Route path="services/:id" element={<ServicePage />} />
          <Route path="providers" element={<ProvidersPage />} />
          <Route path="providers/sign-up" element={<SignUpPage forProvider />} />
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
          <Route path="invitation" element={<InvitationPage />} />

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
            path="families/book/:listingId"
            element={
              <RequireSignIn roles={familyRoles}>
                <BookPage />
              </RequireSignIn>
            }
          />
          <Route
            path="families/bookings"
            element={
              <RequireSignIn roles={familyRoles}>
                <BookingsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="families/bookings/:bookingId/cancel"
            element={
              <RequireSignIn roles={familyRoles}>
                <CancelBookingPage />
              </RequireSignIn>
            }
          />
          <Route
            path="families/payments/:paymentId"
            element={
              <RequireSignIn roles={familyRoles}>
                <CardPaymentPage />
              </RequireSignIn>
            }
          />
          <Route
            path="families/budgets"
            element={
              <RequireSignIn roles={familyRoles}>
                <BudgetsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="families/budgets/:accountId"
            element={
              <RequireSignIn roles={familyRoles}>
                <StatementPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/invite"
            element={
              <RequireSignIn roles={parentRoles}>
                <InviteYoungPersonPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/eligibility"
            element={
              <RequireSignIn roles={familyRoles}>
                <ChildEligibilityPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/profile"
            element={
              <RequireSignIn roles={familyRoles}>
                <ChildProfilePage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/profile/:section"
            element={
              <RequireSignIn roles={familyRoles}>
                <ProfileSectionPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/history"
            element={
              <RequireSignIn roles={familyRoles}>
                <ProfileHistoryPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/sharing"
            element={
              <RequireSignIn roles={familyRoles}>
                <SharingPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/sharing/:organisationId"
            element={
              <RequireSignIn roles={familyRoles}>
                <ChangeSharingPage />
              </RequireSignIn>
            }
          />
          <Route
            path="family/children/:childId/share"
            element={
              <RequireSignIn roles={familyRoles}>
                <ShareWithProviderPage />
              </RequireSignIn>
            }
          />
          <Route
            path="account/mobile"
            element={
              <RequireSignIn roles={familyRoles}>
                <MobileNumberPage />
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
          <Route
            path="account/delete"
            element={
              <RequireSignIn roles={parentRoles}>
                <DeleteFamilyDataPage />
              </RequireSignIn>
            }
          />
          <Route path="account/deleted" element={<FamilyDataDeletedPage />} />

          <Route
            path="providers/console/*"
            element={
              <RequireSignIn roles={providerRoles}>
                <ProviderConsoleRoutes />
              </RequireSignIn>
            }
          />
          <Route
            path="commissioners/eligibility/*"
            element={
              <RequireSignIn roles={commissioningRoles}>
                <EligibilityRoutes />
              </RequireSignIn>
            }
          />
          <Route
            path="commissioners/budgets/*"
            element={
              <RequireSignIn roles={commissioningRoles}>
                <BudgetsRoutes />
              </RequireSignIn>
            }
          />
          <Route
            path="commissioners/insights/*"
            element={
              <RequireSignIn roles={commissioningRoles}>
                <InsightsRoutes />
              </RequireSignIn>
            }
          />
          <Route
            path="admin/*"
            element={
              <RequireSignIn roles={adminRoles}>
                <AdminRoutes />
              </RequireSignIn>
            }
          />

          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ViewerProvider>
  );
}
