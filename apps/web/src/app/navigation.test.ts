import { describe, expect, it } from 'vitest';
import { activeNavKey, navigationFor } from './navigation';

const keys = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).flatMap((g) => g.items.map((i) => i.key));

describe('side menu by role', () => {
  it('shows an admin every section', () => {
    expect(keys('admin')).toEqual(['overview', 'ingest', 'persons', 'institutions']);
  });

  it('shows a quality officer ingest and the review queue', () => {
    expect(keys('quality_officer')).toEqual(['overview', 'ingest', 'persons', 'institutions']);
  });

  it('hides ingest and the person index from other roles, and drops empty groups', () => {
    expect(keys('analyst')).toEqual(['overview', 'institutions']);
    expect(navigationFor('auditor').map((g) => g.key)).toEqual(['monitoring', 'resources']);
  });

  it('highlights the section of nested pages', () => {
    expect(activeNavKey('/ingest/batches/abc')).toBe('ingest');
    expect(activeNavKey('/persons/reviews')).toBe('persons');
    expect(activeNavKey('/institutions/new')).toBe('institutions');
    expect(activeNavKey('/')).toBe('overview');
  });
});
