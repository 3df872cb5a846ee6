/**
 * Turns @polkadot/api codec values into plain JavaScript: structs into objects (camelCase keys),
 * integers of up to 32 bits into numbers and wider ones into bigints, `Option` into the value or
 * `null`, `Result` into `{ ok }` or `{ err }`, unit enum variants into their name and other variants
 * into `{ variant: value }`, accounts into SS58 strings, byte strings into text when they are UTF-8
 * (hex otherwise), and `NativeOrWithId` assets into `'MIR'` or their id.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

function isCodec(v: unknown): v is Codec {
  return typeof v === 'object' && v !== null && typeof (v as Codec).toRawType === 'function';
}

/** `snake_case` to `camelCase` (field and event names from the metadata). */
export function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function lowerFirst(s: string): string {
  return s.length ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The plain JavaScript value of a codec (see the module docs). Non-codec values pass through. */
export function toPlain(value: unknown): any {
  if (!isCodec(value)) {
    const plain = value as unknown;
    return Array.isArray(plain) ? plain.map(toPlain) : plain;
  }
  const v: Codec = value;
  const raw: string = v.toRawType();

  // Option<T>
  if (typeof v.isSome === 'boolean' && typeof v.unwrap === 'function' && typeof v.isNone === 'boolean') {
    return v.isSome ? toPlain(v.unwrap()) : null;
  }
  // Result<T, E>
  if (typeof v.isOk === 'boolean' && typeof v.isErr === 'boolean' && 'asOk' in v) {
    return v.isOk ? { ok: toPlain(v.asOk) } : { err: toPlain(v.asErr) };
  }
  if (raw === 'bool') return v.isTrue;
  if (raw === 'Null' || raw === '()') return null;
  if (raw === 'AccountId' || raw === 'AccountId32' || raw === 'Address' || raw === 'MultiAddress') {
    return v.toString();
  }
  if (raw === 'Text' || raw === 'Str') return v.toString();
  if (raw === 'Bytes' || raw === 'Vec<u8>') {
    if (typeof v.isUtf8 === 'boolean' ? v.isUtf8 : false) return v.toUtf8();
    return v.toHex();
  }
  if (/^\[u8;\s*\d+\]$/.test(raw) || raw === 'H256') return v.toHex();
  // Integers (also compact ones).
  if (typeof v.toBigInt === 'function' && typeof v.bitLength === 'function') {
    return v.bitLength() <= 32 ? v.toNumber() : v.toBigInt();
  }
  if (typeof v.unwrap === 'function' && raw.startsWith('Compact<')) return toPlain(v.unwrap());
  // Enums.
  if (typeof v.isBasic === 'boolean' && typeof v.type === 'string' && 'value' in v) {
    const keys: string[] = v.defKeys ?? [];
    if (keys.length === 2 && keys.includes('Native') && keys.includes('WithId')) {
      return v.type === 'Native' ? 'MIR' : toPlain(v.value);
    }
    const inner = v.value;
    if (v.isBasic || (isCodec(inner) && (inner as Codec).toRawType() === 'Null')) return v.type;
    return { [lowerFirst(v.type)]: toPlain(inner) };
  }
  // Structs (a Map of field name to codec).
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, field] of v.entries()) out[camel(k)] = toPlain(field);
    return out;
  }
  // Vecs and tuples.
  if (Array.isArray(v)) return Array.from(v as unknown[], toPlain);
  return v.toJSON();
}
