import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './i18n';
import './app/app.css';
import { createQueryClient } from './api/query-client';
import { AppProviders } from './app/AppProviders';
import { createAppRouter, prefetchCurrentPageData, preloadCurrentPage } from './app/router';
import { meQueryOptions } from './features/auth/api/auth-api';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const queryClient = createQueryClient();
const router = createAppRouter();
// Before the first render, start the session check and the opening page's chunk;
// once the session is known, the page's data (in parallel with the shell's render).
preloadCurrentPage(router);
if (router.state.location.pathname !== '/login') {
  void queryClient.fetchQuery(meQueryOptions()).then(
    (user) => user && prefetchCurrentPageData(router, queryClient),
    () => undefined, // the auth guard shows the error
  );
}

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
