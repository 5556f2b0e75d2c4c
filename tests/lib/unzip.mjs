// A small zip reader for the tests (stored and deflated entries, no zip64): it checks the zip a
// teacher uploads without depending on an unzip program.
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Finds the end-of-central-directory record, which sits in the last 64 kB + 22 bytes. */
function endOfDirectory(zip) {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

/** The bytes of the entry whose local header starts at `offset`, unpacked. */
function entryBytes(zip, offset, method, size, packedSize) {
  if (zip.readUInt32LE(offset) !== LOCAL_HEADER) throw new Error(`no local header at ${offset}`);
  const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
  const packed = zip.subarray(start, start + packedSize);
  if (method === 0) return packed;
  if (method !== 8) throw new Error(`unsupported compression method ${method}`);
  const bytes = inflateRawSync(packed);
  if (bytes.length !== size) throw new Error(`unpacked ${bytes.length} bytes, not ${size}`);
  return bytes;
}

/** Reads a zip (a Buffer) into a Map from each file's path to its bytes; folders are skipped. */
export function unzip(zip) {
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`bad directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.endsWith('/')) {
      files.set(name, entryBytes(zip, zip.readUInt32LE(at + 42), zip.readUInt16LE(at + 10),
        zip.readUInt32LE(at + 24), zip.readUInt32LE(at + 20)));
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}
