/**
 * An inet address as Python's driver decodes it: `socket.inet_ntoa` / `inet_ntop`, that is glibc's
 * text form. IPv6 compresses the longest run of two or more zero groups (the first on a tie), and an
 * address whose first 96 bits are zero, or that is IPv4-mapped, ends in dotted IPv4.
 */
export function formatInet(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length !== 16) return Buffer.from(bytes).toString('hex');
  // The 16-bit groups, read big-endian; getUint16 throws rather than read past the 16 bytes.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (i: number): number => view.getUint16(2 * i);
  let best = { base: -1, len: 0 };
  let run = { base: -1, len: 0 };
  for (let i = 0; i <= 8; i++) {
    if (i < 8 && word(i) === 0) {
      run = run.base < 0 ? { base: i, len: 1 } : { base: run.base, len: run.len + 1 };
    } else if (run.base >= 0) {
      if (run.len > best.len) best = run;
      run = { base: -1, len: 0 };
    }
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (best.base >= 0 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ':';
      continue;
    }
    if (i > 0) out += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && word(5) === 0xffff))) {
      return out + Array.from(bytes.subarray(12)).join('.');
    }
    out += word(i).toString(16);
  }
  if (best.base >= 0 && best.base + best.len === 8) out += ':';
  return out;
}
