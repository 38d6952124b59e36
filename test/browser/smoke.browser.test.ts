// Smoke test of the browser test harness itself: real headless Chromium is cross-origin isolated
// (COOP/COEP from vitest.config.ts), SharedArrayBuffer + Atomics work between the page and a
// module worker, and values provided by the Node-side globalSetup reach the page via inject().
import { describe, expect, inject, it } from 'vitest';

interface EchoReply {
  isolated: boolean;
  woken: number;
  seen: number;
}

// Atomics.waitAsync is ES2024; tsconfig's lib is ES2022.
type WaitAsync = (
  view: Int32Array,
  index: number,
  value: number,
  timeout?: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

describe('browser harness', () => {
  it('is cross-origin isolated', () => {
    expect(globalThis.crossOriginIsolated).toBe(true);
  });

  it('can create a SharedArrayBuffer', () => {
    const sab = new SharedArrayBuffer(16);
    const view = new Int32Array(sab);
    Atomics.store(view, 0, 7);
    expect(Atomics.load(view, 0)).toBe(7);
    expect(sab.byteLength).toBe(16);
  });

  it('shares a SharedArrayBuffer with a module worker, synchronised by Atomics', async () => {
    const worker = new Worker(new URL('./fixtures/echo.worker.ts', import.meta.url), { type: 'module' });
    try {
      const sab = new SharedArrayBuffer(8);
      const view = new Int32Array(sab);
      const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
      const wait = waitAsync(view, 0, 0, 10_000);
      expect(wait.async).toBe(true);

      const reply = new Promise<EchoReply>((resolve, reject) => {
        worker.addEventListener('message', (e: MessageEvent<EchoReply>) => resolve(e.data));
        worker.addEventListener('error', (e) => reject(new Error(`worker error: ${e.message}`)));
      });
      worker.postMessage({ sab, value: 42 });

      expect(await wait.value).toBe('ok');
      expect(Atomics.load(view, 0)).toBe(1);
      expect(Atomics.load(view, 1)).toBe(42);
      const r = await reply;
      expect(r.isolated).toBe(true);
      expect(r.seen).toBe(42);
      expect(r.woken).toBe(1);
    } finally {
      worker.terminate();
    }
  });

  it('receives values provided by the Node-side globalSetup', () => {
    const hashes = inject('nodeHashes');
    expect(typeof hashes).toBe('object');
    expect(hashes).not.toBeNull();
  });
});
