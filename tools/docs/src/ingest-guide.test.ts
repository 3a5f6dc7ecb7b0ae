import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '@rhip/contracts';
import { renderIngestGuide } from './ingest-guide';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('integrator guide', () => {
  it('is up to date with the contracts (run `npm run docs` after changing them)', () => {
    expect(readFileSync(path.join(root, 'docs/ingest-api.md'), 'utf8')).toBe(renderIngestGuide());
  });

  it('has a worked example for every data set', () => {
    const guide = renderIngestGuide();
    for (const d of DATASETS) expect(guide).toContain(`/api/v1/ingest/${d} `);
  });
});
