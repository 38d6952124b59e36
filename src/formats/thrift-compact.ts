// Why this file exists: Parquet's page headers and footer (FileMetaData) are Thrift structs in the
// compact protocol. This is the part of that protocol parquet.ts needs, writing only: structs of
// i32, i64, bool, binary (UTF-8 strings), lists and nested structs, each field given by its id.
// Fields are written in increasing id order; an undefined value is an absent optional field.
import type { ByteWriter } from './byte-writer';
import { utf8Bytes } from './byte-writer';

/** Compact protocol type codes (a field header's low nibble, a list's element type). */
const CT = { TRUE: 1, FALSE: 2, I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

export type ThriftValue =
  | { kind: 'i32'; v: number }
  | { kind: 'i64'; v: number }
  | { kind: 'bool'; v: boolean }
  | { kind: 'binary'; v: string }
  | { kind: 'list'; elem: 'i32' | 'i64' | 'binary' | 'struct'; v: ThriftValue[] }
  | { kind: 'struct'; v: ThriftStruct };

/** A struct: field id -> value (undefined: the optional field is absent). */
export type ThriftStruct = Array<[id: number, value: ThriftValue | undefined]>;

export const i32 = (v: number): ThriftValue => ({ kind: 'i32', v });
export const i64 = (v: number): ThriftValue => ({ kind: 'i64', v });
export const bool = (v: boolean): ThriftValue => ({ kind: 'bool', v });
export const binary = (v: string): ThriftValue => ({ kind: 'binary', v });
export const struct = (v: ThriftStruct): ThriftValue => ({ kind: 'struct', v });
export const list = (elem: 'i32' | 'i64' | 'binary' | 'struct', v: ThriftValue[]): ThriftValue => ({ kind: 'list', elem, v });

const TYPE_CODE = { i32: CT.I32, i64: CT.I64, binary: CT.BINARY, struct: CT.STRUCT, list: CT.LIST } as const;

/** Zigzag (signed -> unsigned: 0, -1, 1, -2 ... -> 0, 1, 2, 3 ...) of a safe integer below 2^52 in magnitude. */
function zigzag(n: number): number {
  if (!Number.isInteger(n) || Math.abs(n) >= 2 ** 52) throw new Error(`thrift integer ${n}: not an integer below 2^52`);
  return n >= 0 ? 2 * n : -2 * n - 1;
}

function checkI32(n: number): number {
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`thrift i32 ${n}: out of range`);
  return n;
}

function writeValue(w: ByteWriter, x: ThriftValue): void {
  switch (x.kind) {
    case 'i32':
      w.varint(zigzag(checkI32(x.v)));
      return;
    case 'i64':
      w.varint(zigzag(x.v));
      return;
    case 'binary': {
      const b = utf8Bytes(x.v);
      w.varint(b.length);
      w.bytes(b);
      return;
    }
    case 'list': {
      const code = TYPE_CODE[x.elem];
      if (x.v.length < 15) w.u8((x.v.length << 4) | code);
      else {
        w.u8(0xf0 | code);
        w.varint(x.v.length);
      }
      for (const item of x.v) {
        if (item.kind !== x.elem) throw new Error(`thrift list of ${x.elem} holds a ${item.kind}`);
        writeValue(w, item);
      }
      return;
    }
    case 'struct':
      writeStruct(w, x.v);
      return;
    case 'bool':
      throw new Error('thrift bool outside a struct field is not written here');
  }
}

/** A struct's fields in increasing id order, then the stop byte. */
export function writeStruct(w: ByteWriter, fields: ThriftStruct): void {
  let last = 0;
  for (const [id, value] of fields) {
    if (value === undefined) continue;
    if (!(Number.isInteger(id) && id > last && id < 2 ** 15)) throw new Error(`thrift field ids must increase: ${id} after ${last}`);
    const code = value.kind === 'bool' ? (value.v ? CT.TRUE : CT.FALSE) : TYPE_CODE[value.kind];
    const delta = id - last;
    if (delta <= 15) w.u8((delta << 4) | code);
    else {
      w.u8(code);
      w.varint(zigzag(id));
    }
    if (value.kind !== 'bool') writeValue(w, value);
    last = id;
  }
  w.u8(0);
}
