import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIngestGuide } from './ingest-guide';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const target = path.join(root, 'docs/ingest-api.md');
writeFileSync(target, renderIngestGuide());
console.log(`wrote ${path.relative(root, target)}`);
