// Draws the icons (a blue disc with a white ring and pupil: "glance") as PNGs, so the repository
// needs no image editor. Run once and commit the PNGs: node scripts/make-icons.mjs
// - extension/icons/icon-{16,32,48,128}.png: the manifest's icons (Chrome: 16 favicon and action,
//   32 action on high-density screens, 48 extensions page, 128 install dialog and store);
// - extension/icons/icon-96.png: Firefox/AMO asks for 48 and 96 (the Firefox build adds it);
// - the 128 icon is 96x96 artwork with 16 transparent pixels around it, as the Chrome Web Store's
//   image guidelines ask, and store/icon-128.png is that same image for the listing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, art = size) {
  const rows = [];
  const r = art / 2;
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c) / r;
      const coverage = Math.max(0, Math.min(1, (1 - d) * r));
      let [red, green, blue] = [1, 118, 211]; // SLDS brand blue
      if (d < 0.62 && d > 0.42) [red, green, blue] = [255, 255, 255];
      if (d < 0.22) [red, green, blue] = [255, 255, 255];
      row.push(red, green, blue, Math.round(255 * coverage));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const size of [16, 32, 48, 96]) writeFileSync(`extension/icons/icon-${size}.png`, png(size));
const storeIcon = png(128, 96);
writeFileSync('extension/icons/icon-128.png', storeIcon);
mkdirSync('store', { recursive: true });
writeFileSync('store/icon-128.png', storeIcon);
