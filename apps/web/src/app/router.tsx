import { Suspense } from 'react';
import { createBrowserRouter, type DataRouter } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { regionSummaryQueryOptions } from '../features/regions/api/regions-api';
import { PageSpin } from '../components/PageSpin';
import { AppLayout } from './AppLayout';
import { lazyPage, type LazyPage } from './lazy-page';
import { RequireAuth } from './RequireAuth';
import { RouteErrorPage } from './RouteErrorPage';

// Every page is its own chunk; the shell (router, antd layout, i18n) is the only eager code.
const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage'));
const OverviewPage = lazyPage(() => import('../features/overview/pages/OverviewPage'));
const InstitutionsPage = lazyPage(() => import('../features/institutions/pages/InstitutionsPage'));
const NotFoundPage = lazyPage(() => import('./NotFoundPage'));

/**
 * Route `handle`: the lazy page to preload when the app opens on this route, and
 * the page's first query to start once the session is known (so it runs while
 * the shell renders, not after).
 */
interface PageHandle {
  page: LazyPage;
  prefetch?: (queryClient: QueryClient) => void;
}
const page = (p: LazyPage, prefetch?: PageHandle['prefetch']): { handle: PageHandle } => ({
  handle: prefetch ? { page: p, prefetch } : { page: p },
});

/**
 * Routes. New console sections add one lazy page here and one entry in
 * `navigation.tsx`; paths match the menu (see the list there).
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      ...page(LoginPage),
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
        {
          index: true,
          element: <OverviewPage />,
          ...page(OverviewPage, (qc) => void qc.prefetchQuery(regionSummaryQueryOptions())),
        },
        { path: 'institutions', element: <InstitutionsPage />, ...page(InstitutionsPage) },
        { path: '*', element: <NotFoundPage />, ...page(NotFoundPage) },
      ],
    },
  ]);
}

function currentHandles(router: DataRouter): PageHandle[] {
  return router.state.matches.flatMap((m) => (m.route.handle ? [m.route.handle as PageHandle] : []));
}

/** Starts downloading the page the app is opening on (see `lazyPage`). */
export function preloadCurrentPage(router: DataRouter): void {
  for (const handle of currentHandles(router)) void handle.page.preload();
}

/** Starts the opening page's first query; call only once a user is signed in. */
export function prefetchCurrentPageData(router: DataRouter, queryClient: QueryClient): void {
  for (const handle of currentHandles(router)) handle.prefetch?.(queryClient);
}
