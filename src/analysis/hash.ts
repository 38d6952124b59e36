// Why this file exists: one fingerprint of the full simulation state (every byte of the shared
// buffer), to prove runs are bit-identical across worker counts, Node and the browser.

/** 64-bit hash (two 32-bit lanes, murmur3-style mixing) of a buffer, as 16 hex digits. */
export function hashBuffer(buf: ArrayBufferLike): string {
  const words = new Uint32Array(buf, 0, buf.byteLength >>> 2);
  let h1 = 0x9747b28c | 0;
  let h2 = 0x85ebca6b | 0;
  for (let i = 0; i < words.length; i++) {
    let k = Math.imul(words[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 = (Math.imul(h2 ^ words[i], 0x27d4eb2f) + i) | 0;
  }
  const bytes = new Uint8Array(buf, words.length * 4);
  for (let i = 0; i < bytes.length; i++) h2 = Math.imul(h2 ^ bytes[i], 0x01000193);
  const fmix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return (
    fmix(h1 ^ buf.byteLength)
      .toString(16)
      .padStart(8, '0') + fmix(h2).toString(16).padStart(8, '0')
  );
}
