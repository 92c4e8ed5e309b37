import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context.js';
import { RequireRole } from './auth/require-role.js';
import { ROLES } from './auth/roles.js';
import { I18nProvider } from './i18n/i18n-context.js';
import { AppLayout } from './layout/app-layout.js';
import { AgenciesPage } from './pages/admin/agencies-page.js';
import { UsersPage } from './pages/admin/users-page.js';
import { CandidatePage } from './pages/candidate-page.js';
import { devToolsEnabled, ExamKitPage } from './pages/exam-kit-page.js';
import { ExamPage } from './pages/exam-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { MyTestsPage } from './pages/my-tests-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { ResultPage } from './pages/result-page.js';
import { bankRoutes } from './routes/bank-routes.js';
import { contestRoutes } from './routes/contest-routes.js';
import { inspectorRoutes } from './routes/inspector-routes.js';
import { onlineRoutes } from './routes/online-routes.js';
import { surveyRoutes } from './routes/survey-routes.js';

/**
 * Every screen and who may open it. A new page: a component under pages/, a route here (inside
 * RequireRole with its roles) in app.tsx or in its area's routes/<area>-routes.tsx, and an entry in auth/roles.ts NAV for the menu.
 */
export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/thi" element={<CandidatePage />} />
              <Route path="/candidate" element={<Navigate to="/thi" replace />} />
              <Route
                path="/"
                element={
                  <RequireRole roles={ROLES}>
                    <HomePage />
                  </RequireRole>
                }
              />
              <Route
                path="/admin/agencies"
                element={
                  <RequireRole roles={['admin', 'organizer', 'inspector']}>
                    <AgenciesPage />
                  </RequireRole>
                }
              />
              <Route
                path="/admin/users"
                element={
                  <RequireRole roles={['admin']}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route
                path="/my-tests"
                element={
                  <RequireRole roles={['official', 'agency_officer']}>
                    <MyTestsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/thi/phien/:sessionId"
                element={
                  <RequireRole roles={ROLES} loginPath="/thi">
                    <ExamPage />
                  </RequireRole>
                }
              />
              <Route
                path="/thi/ket-qua/:attemptId"
                element={
                  <RequireRole roles={ROLES} loginPath="/thi">
                    <ResultPage />
                  </RequireRole>
                }
              />
              {bankRoutes()}
              {contestRoutes()}
              {inspectorRoutes()}
              {onlineRoutes()}
              {surveyRoutes()}
              {devToolsEnabled() && <Route path="/dev/exam-kit" element={<ExamKitPage />} />}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
