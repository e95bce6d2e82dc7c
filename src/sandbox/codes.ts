/** Generates a code of `length` digits from a source of numbers in [0, 1). */
export function generateCode(length: number, random: () => number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += Math.floor(random() * 10) % 10;
  return code;
}

/** Compares codes in a time that does not depend on where they differ. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Numbers in [0, 1) from Web Crypto (the browser's and Node's alike), the default source of codes. */
export function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0]! / 2 ** 32;
}
