#!/usr/bin/env node
// The rules of docs/architecture.md ("Layers") that Biome's import rule cannot express: front-ends import @facets/api
// for types only, and the domain reads no clock and no randomness (time, ids and randomness are injected).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rules = [
  {
    dirs: [
      'packages/portal-kit/src',
      'packages/ui/src',
      'apps/console/src',
      'apps/employee-portal/src',
      'apps/supplier-portal/src',
      'apps/customer-portal/src',
      'apps/shareholder-portal/src',
      'apps/group-portal/src',
    ],
    pattern: /^\s*import\s+(?!type\b)[^;]*from\s+['"]@facets\/api['"]/m,
    message: 'front-ends import @facets/api with `import type` only',
  },
  {
    dirs: ['packages/domain/src'],
    pattern: /\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bMath\.random\s*\(|\bcrypto\.randomUUID\s*\(/,
    message: 'domain takes time and randomness as arguments (no Date.now, new Date(), Math.random)',
  },
];

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

let failures = 0;
for (const rule of rules) {
  for (const dir of rule.dirs) {
    for (const file of files(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const match = rule.pattern.exec(text);
      if (match) {
        const line = text.slice(0, match.index).split('\n').length;
        console.error(`${relative(root, file)}:${line}: ${rule.message}`);
        failures++;
      }
    }
  }
}
if (failures > 0) process.exit(1);
console.log('boundaries: ok');
