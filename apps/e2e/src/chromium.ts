import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export type ChromiumResult = { path: string } | { path: null; reason: string };

/**
 * Finds Debian's Chromium, installing it with apt when it is missing and this process may (root, apt-get present).
 * Playwright's own browser download cannot work on these machines, so the system package is the browser.
 */
export function ensureChromium(log: (line: string) => void = console.log): ChromiumResult {
  const found = findChromium();
  if (found) return { path: found };
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    return { path: null, reason: 'Chromium is not installed and apt-get is not available to install it' };
  }
  if (process.getuid?.() !== 0) {
    return { path: null, reason: 'Chromium is not installed; run `apt-get install -y chromium` as root' };
  }
  log('e2e: installing Debian chromium with apt-get (about 30 s)…');
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env, timeout: 180_000 });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env,
      timeout: 600_000,
    });
  } catch (error) {
    return { path: null, reason: `apt-get could not install chromium: ${(error as Error).message}` };
  }
  const installed = findChromium();
  return installed ? { path: installed } : { path: null, reason: 'apt-get ran but no chromium binary was found' };
}
