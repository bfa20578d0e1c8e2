/**
 * Looks at a PDF the way a reader does, with poppler and zbar (Debian
 * `poppler-utils`, `zbar-tools`; .ci/run installs them): the text on the page,
 * how much ink the page carries, and what its QR code says.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jifen-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page (`pdftotext -layout`), with the layout's runs of spaces collapsed. */
export const pdfText = (pdf: Buffer): string =>
  withPdf(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );

export const pageCount = (pdf: Buffer): number =>
  withPdf(pdf, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  });

/** Parses a binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
export function parsePgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  // Header: P5 <ws> width <ws> height <ws> maxval <single ws> raster; comments start with #.
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (/\s/.test(String.fromCharCode(data[pos]!))) pos++;
      if (data[pos] === 0x23) while (data[pos] !== 0x0a) pos++;
      else break;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(data[pos]!))) pos++;
    return data.subarray(start, pos).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max > 255) throw new Error('16-bit PGM not supported');
  pos++; // the single whitespace before the raster
  return { width, height, pixels: data.subarray(pos, pos + width * height) };
}

/** Per page: the share of pixels that are not (near) white, rendered at 50 dpi in grey. */
export const inkCoverage = (pdf: Buffer): number[] =>
  withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '50', '-gray', file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => {
        const { pixels } = parsePgm(readFileSync(join(dir, f)));
        let ink = 0;
        for (const p of pixels) if (p < 200) ink++;
        return ink / pixels.length;
      });
  });

/** The QR codes of the first page, decoded by zbarimg from a 150 dpi rendering. */
export const qrCodes = (pdf: Buffer): string[] =>
  withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', file, join(dir, 'qr')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sqrcode.enable', join(dir, png)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'], // zbarimg chatters about D-Bus on machines without one
    });
    return out.split('\n').filter(Boolean);
  });
