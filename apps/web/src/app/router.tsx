import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageSpin } from '../components/PageSpin';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './RequireAuth';
import { RouteErrorPage } from './RouteErrorPage';

// Every page is its own chunk; the shell (router, antd layout, i18n) is the only eager code.
const LoginPage = lazy(() => import('../features/auth/pages/LoginPage'));
const OverviewPage = lazy(() => import('../features/overview/pages/OverviewPage'));
const InstitutionsPage = lazy(() => import('../features/institutions/pages/InstitutionsPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

/**
 * Routes. New console sections add one lazy page here and one entry in
 * `navigation.tsx`; paths match the menu (see the list there).
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      errorElement: <RouteErrorPage />,
      element: (
        <Suspense fallback={<PageSpin fullScreen />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      errorElement: <RouteErrorPage />,
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <OverviewPage /> },
        { path: 'institutions', element: <InstitutionsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
