import { Suspense } from 'react';
import { createBrowserRouter, Navigate, type DataRouter } from 'react-router';
import type { StaffRole } from '@rhip/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { regionSummaryQueryOptions } from '../features/regions/api/regions-api';
import { PageSpin } from '../components/PageSpin';
import { AppLayout } from './AppLayout';
import { lazyPage, type LazyPage } from './lazy-page';
import { RequireAuth } from './RequireAuth';
import { RequireRole } from './RequireRole';
import { RouteErrorPage } from './RouteErrorPage';

// Every page is its own chunk; the shell (router, antd layout, i18n) is the only eager code.
const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage'));
const OverviewPage = lazyPage(() => import('../features/overview/pages/OverviewPage'));
const InstitutionsPage = lazyPage(() => import('../features/institutions/pages/InstitutionsPage'));
const InstitutionDetailPage = lazyPage(() => import('../features/institutions/pages/InstitutionDetailPage'));
const InstitutionCreatePage = lazyPage(() => import('../features/institutions/pages/InstitutionCreatePage'));
const InstitutionEditPage = lazyPage(() => import('../features/institutions/pages/InstitutionEditPage'));
const IngestBatchesPage = lazyPage(() => import('../features/ingest/pages/IngestBatchesPage'));
const BatchDetailPage = lazyPage(() => import('../features/ingest/pages/BatchDetailPage'));
const DeadLettersPage = lazyPage(() => import('../features/ingest/pages/DeadLettersPage'));
const MatchReviewsPage = lazyPage(() => import('../features/person-index/pages/MatchReviewsPage'));
const MergePage = lazyPage(() => import('../features/person-index/pages/MergePage'));
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
/** Who may open a page (the same roles as its menu entry; the API enforces them too). */
const ADMIN: readonly StaffRole[] = ['admin'];
const INGEST_ROLES: readonly StaffRole[] = ['admin', 'quality_officer'];
const REVIEWERS: readonly StaffRole[] = ['admin', 'quality_officer'];
const only = (roles: readonly StaffRole[], P: LazyPage) => (
  <RequireRole roles={roles}>
    <P />
  </RequireRole>
);

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
        { path: 'institutions/new', element: only(ADMIN, InstitutionCreatePage), ...page(InstitutionCreatePage) },
        { path: 'institutions/:id', element: <InstitutionDetailPage />, ...page(InstitutionDetailPage) },
        { path: 'institutions/:id/edit', element: only(ADMIN, InstitutionEditPage), ...page(InstitutionEditPage) },
        { path: 'ingest', element: only(INGEST_ROLES, IngestBatchesPage), ...page(IngestBatchesPage) },
        { path: 'ingest/batches/:batchId', element: only(INGEST_ROLES, BatchDetailPage), ...page(BatchDetailPage) },
        { path: 'ingest/dead-letters', element: only(INGEST_ROLES, DeadLettersPage), ...page(DeadLettersPage) },
        // /persons is where person search will live (with the security work); until then it opens the review queue.
        { path: 'persons', element: <Navigate to="/persons/reviews" replace /> },
        { path: 'persons/reviews', element: only(REVIEWERS, MatchReviewsPage), ...page(MatchReviewsPage) },
        { path: 'persons/merge', element: only(ADMIN, MergePage), ...page(MergePage) },
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
