// Why this file exists: the browser entry (index.html loads it): checks cross-origin isolation
// (SharedArrayBuffer for the shared lattice), starts the sandbox and exposes it on
// window.__ferrowave for scripts that drive the page (tests, speed measurements).
import { spawnBrowserWorker, spawnRunWorker } from '../host/browser-workers';
import { prepareKernels } from '../model/wasm/kernels';
import { type SandboxApp, startApp } from './app';

declare global {
  interface Window {
    __ferrowave?: SandboxApp;
  }
}

async function main() {
  const err = document.getElementById('error');
  if (!globalThis.crossOriginIsolated) {
    if (err) {
      err.hidden = false;
      err.textContent =
        'This page is not cross-origin isolated, so SharedArrayBuffer is unavailable. Serve it with the headers ' +
        'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (npm start, npm run dev and ' +
        'npm run preview do; on a static host the bundled service worker adds them after one reload). Browsers isolate pages ' +
        'only on https or localhost: from another machine, tunnel the port (ssh -L 4173:localhost:4173 HOST).';
    }
    return;
  }
  // the page's own thread may not compile the kernels synchronously: compile them ahead (workers need not)
  await prepareKernels();
  const app = await startApp({
    spawn: spawnBrowserWorker,
    spawnRun: spawnRunWorker,
    params: new URLSearchParams(location.search),
    hash: location.hash,
    onShare: (hash) => history.replaceState(null, '', hash),
  });
  window.__ferrowave = app;
  await app.ready;
}

main().catch((e) => {
  const err = document.getElementById('error');
  if (err) {
    err.hidden = false;
    err.textContent = e instanceof Error ? e.message : String(e);
  }
  console.error(e);
});
