#!/usr/bin/env node
// The production bundle budget: the JavaScript a browser must fetch before the first
// page renders (the entry script and everything it imports statically, gzipped) stays
// within 200 KB. Lazily loaded chunks (the report, the pulse panel) do not count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
if (entries.length === 0) throw new Error('no entry script in client/dist/index.html; build the client first');

// Static imports of a chunk are part of the initial load; dynamic import() ones are not.
const seen = new Set();
const queue = entries.map((src) => src.replace(/^\//, ''));
let total = 0;
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(path.join(dist, file));
  total += gzipSync(code, { level: 9 }).length;
  const text = code.toString('utf8');
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(path.posix.join(path.posix.dirname(file), m[1]));
  }
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`initial JavaScript: ${kb(total)} gzipped in ${seen.size} file(s); budget ${kb(BUDGET_BYTES)}`);
if (total > BUDGET_BYTES) {
  console.error('over the bundle budget: load more of the app lazily, or drop a dependency');
  process.exit(1);
}
