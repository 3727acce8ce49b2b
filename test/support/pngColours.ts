import { inflateSync } from 'node:zlib';

/** The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium screenshots are), as `r,g,b` keys. */
export function pngPixels(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => string; distinctColours: number } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Uint8Array[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') {
      data.push(new Uint8Array(body));
    }
    offset += 12 + length;
  }
  const raw = inflateSync(new Uint8Array(Buffer.concat(data)));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const paeth = (): number => {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter];
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  const pixel = (x: number, y: number): string => {
    const at = y * stride + x * channels;
    return `${pixels[at]},${pixels[at + 1]},${pixels[at + 2]}`;
  };
  const colours = new Set<string>();
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) colours.add(pixel(x, y));
  return { width, height, pixel, distinctColours: colours.size };
}
