// Why this file exists: the sandbox browser tests all mount index.html's real markup and start the
// app on a small primed monolayer; this is that setup, written once.
import indexHtml from '../../index.html?raw';
import { spawnBrowserWorker } from '../../src/host/browser-workers';
import { PRESETS } from '../../src/model/presets';
import { applyOverride, type ResolvedScenario, resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { type SandboxApp, startApp } from '../../src/ui/app';

/** primed-light-pulse on a W x H lattice (default 60 x 20) for 600 min, without its pulse, seed 7 */
export function smallPrimed(W = 60, H = 20): ResolvedScenario {
  const raw = structuredClone(PRESETS['primed-light-pulse']);
  applyOverride(raw, `lattice.width=${W}`);
  applyOverride(raw, `lattice.height=${H}`);
  applyOverride(raw, 'duration_min=600');
  raw.treatments = (raw.treatments as { agent: string }[]).filter((t) => t.agent !== 'light-pulse');
  return resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION);
}

export interface Mounted {
  app: SandboxApp;
  root: HTMLElement;
}

/** Mounts the page's #app (optionally styling more of its elements) and starts the sandbox from a hash. */
export async function mountSandbox(hash: string, opts: { styles?: Record<string, string>; onShare?: (h: string) => void } = {}): Promise<Mounted> {
  const doc = new DOMParser().parseFromString(indexHtml, 'text/html');
  const root = document.importNode(doc.getElementById('app') as HTMLElement, true);
  root.style.cssText = 'position: fixed; inset: 0; display: flex;';
  const styles = { '#stage': 'position: relative; flex: 1; height: 400px;', ...opts.styles };
  for (const [sel, css] of Object.entries(styles)) (root.querySelector(sel) as HTMLElement).style.cssText = css;
  document.body.appendChild(root);
  const app = await startApp({ spawn: spawnBrowserWorker, hash, onShare: opts.onShare });
  await app.ready;
  return { app, root };
}
