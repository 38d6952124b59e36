// Why this file exists: binary files ferrowave writes (Parquet, parquet.ts) are built in memory
// without Node: a growing byte buffer with the little-endian 32-bit integers, unsigned LEB128
// varints and UTF-8 text those formats need. Plain JavaScript, so the same bytes in Node and in a browser.

const utf8 = new TextEncoder();

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private n = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(16, capacity));
    this.view = new DataView(this.buf.buffer);
  }

  /** bytes written so far */
  get length(): number {
    return this.n;
  }

  /** Room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.n + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(b: number): void {
    this.reserve(1);
    this.buf[this.n++] = b & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** A signed 32-bit integer, little-endian. */
  i32le(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.n, v, true);
    this.n += 4;
  }

  /** An unsigned LEB128 varint of a non-negative safe integer. */
  varint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`varint of ${v}: not a non-negative safe integer`);
    while (v >= 0x80) {
      this.u8((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.u8(v);
  }

  /** The bytes written (a copy, exactly `length` long). */
  result(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return utf8.encode(s);
}
