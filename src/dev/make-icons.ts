/**
 * Draws the toolbar icon (a rounded square with three rising stake bars) and
 * writes extension/icons/icon-{16,32,48,128}.png. Run once when the design
 * changes: node bin/run.mjs src/dev/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '../../extension/icons');
const BLUE: Rgba = [11, 95, 179, 255];
const WHITE: Rgba = [255, 255, 255, 255];
type Rgba = [number, number, number, number];

function draw(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const s = 4; // supersampling per axis
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const u = (x + (sx + 0.5) / s) / size;
          const v = (y + (sy + 0.5) / s) / size;
          const c = colourAt(u, v);
          for (let k = 0; k < 4; k++) acc[k]! += c[k]!;
        }
      }
      for (let k = 0; k < 4; k++) px[(y * size + x) * 4 + k] = Math.round(acc[k]! / (s * s));
    }
  }
  return px;
}

function colourAt(u: number, v: number): Rgba {
  const r = 0.2; // corner radius
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const bars = [
    [0.2, 0.36, 0.62],
    [0.42, 0.58, 0.45],
    [0.64, 0.8, 0.24],
  ];
  for (const [x0, x1, top] of bars) {
    if (u >= x0! && u <= x1! && v >= top! && v <= 0.8) return WHITE;
  }
  return BLUE;
}

function png(size: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  fs.writeFileSync(path.join(OUT, `icon-${size}.png`), png(size, draw(size)));
  console.log(`icon-${size}.png`);
}
