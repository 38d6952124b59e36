// Why this file exists: everything that drives the sandbox in a browser (`ferrowave record`, the
// vitest browser project, the playwright e2e tests, the speed script, the README screenshots) launches Debian's chromium the same way: its path from
// CHROMIUM_PATH (else /usr/bin/chromium; never a browser downloaded by playwright) and the flags
// that work headless, as root, offline, with WebGL2 on SwiftShader (docs: shared STACK notes).
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** Path of the chromium binary to drive: $CHROMIUM_PATH or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`chromium not found at ${p}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return p;
}

/** Launch options for playwright's chromium.launch() / use.launchOptions. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] };
}
