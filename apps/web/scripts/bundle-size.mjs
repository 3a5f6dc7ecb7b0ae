// Reports the console's production bundle: the initial JS (the entry script and
// every chunk index.html preloads) and each lazy chunk, raw and gzip.
// Usage: node apps/web/scripts/bundle-size.mjs   (after `vite build`)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const buf = readFileSync(path.join(dist, 'assets', f));
    return { file: `assets/${f}`, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

let initRaw = 0;
let initGzip = 0;
for (const r of rows) {
  const isInitial = initial.has(r.file);
  if (isInitial) {
    initRaw += r.raw;
    initGzip += r.gzip;
  }
  console.log(`${isInitial ? 'initial' : 'lazy   '}  ${kb(r.gzip).padStart(10)} gzip  ${kb(r.raw).padStart(10)}  ${r.file}`);
}
console.log(`\ninitial JS: ${kb(initGzip)} gzip (${kb(initRaw)} raw) in ${initial.size} files; target ≤ 400 KB gzip`);
