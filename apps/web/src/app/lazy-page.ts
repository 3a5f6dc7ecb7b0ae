import { lazy, type ComponentType } from 'react';

export type LazyPage = ReturnType<typeof lazy<ComponentType>> & { preload: () => Promise<unknown> };

/**
 * `React.lazy` plus `preload()`, so the chunk of the page being opened can start
 * downloading at startup, in parallel with the session check, instead of after
 * the shell has rendered.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let pending: Promise<{ default: ComponentType }> | undefined;
  const once = () => (pending ??= load());
  return Object.assign(lazy(once), { preload: once });
}
