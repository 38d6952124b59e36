// Vite config for the browser app (index.html comes later). COOP/COEP headers make the page
// cross-origin isolated so SharedArrayBuffer (shared lattice + Atomics sync with workers)
// is available, in dev (server) and in `vite preview` alike. Workers are ES modules.
import { defineConfig } from 'vite';

export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // relative asset URLs: the build also works from a sub-path of a static host (e.g. /ferrowave/)
  base: './',
  publicDir: 'public',
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders },
  worker: { format: 'es' },
});
