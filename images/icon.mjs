// Draws the extension icon (images/icon.png, 128x128 RGBA): an Azure-blue rounded square with a
// white </> mark. Run `node images/icon.mjs` after changing the drawing; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliased edges
const CORNER_RADIUS = 22;
const STROKE_HALF_WIDTH = 6.5;
const TOP_COLOUR = [0x1a, 0x8c, 0xe0];
const BOTTOM_COLOUR = [0x00, 0x5a, 0xa8];
// The </> mark as polylines with round caps and joins.
const MARK = [
  [[48, 38], [23, 64], [48, 90]],
  [[80, 38], [105, 64], [80, 90]],
  [[72, 30], [56, 98]],
];

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER_RADIUS - x, 0, x - (SIZE - CORNER_RADIUS));
  const dy = Math.max(CORNER_RADIUS - y, 0, y - (SIZE - CORNER_RADIUS));
  return dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

function onMark(x, y) {
  return MARK.some((line) => line.slice(1).some((point, i) => distanceToSegment(x, y, line[i], point) <= STROKE_HALF_WIDTH));
}

function pixel(px, py) {
  let background = 0;
  let mark = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (!insideRoundedSquare(x, y)) continue;
      if (onMark(x, y)) mark++;
      else background++;
    }
  }
  const covered = background + mark;
  if (covered === 0) return [0, 0, 0, 0];
  const t = py / (SIZE - 1);
  const blue = TOP_COLOUR.map((top, i) => top + (BOTTOM_COLOUR[i] - top) * t);
  // Colour of the covered part (white mark over blue), alpha from the covered share of the pixel.
  const rgb = blue.map((channel) => Math.round((channel * background + 255 * mark) / covered));
  return [...rgb, Math.round((255 * covered) / (SAMPLES * SAMPLES))];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const rowStart = y * (1 + SIZE * 4); // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), rowStart + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(new URL('icon.png', import.meta.url), png());
