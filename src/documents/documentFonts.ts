import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Fontkit from 'fontkit';

/**
 * The embedded typeface of every document: Noto Sans (Simplified Chinese, the
 * OFL-licensed OpenType files shipped by the npm package `@embedpdf/fonts-sc`),
 * so that `npm ci` alone is enough to print and the printed text is the same on
 * every machine. Parsed once per policy snapshot lineage (src/policy/composePolicy.ts
 * hands the parsed fonts on to the next snapshot) and shared by all documents:
 * pdfkit subsets the glyphs each document uses, so a notice embeds tens of KB, not 8 MB.
 */
export interface DocumentFonts {
  regular: Fontkit.Font;
  bold: Fontkit.Font;
}

/** Reads and parses the two font files (about 8 MB; tens of milliseconds). */
export function loadDocumentFonts(): DocumentFonts {
  const require = createRequire(import.meta.url);
  // fontkit is loaded here, not at import: a CLI run that prints nothing does not pay for it.
  const fontkit = require('fontkit') as typeof Fontkit;
  // The package exports only its entry; the font files sit beside it in ../fonts.
  const entry = require.resolve('@embedpdf/fonts-sc');
  const dir = join(dirname(entry), '..', 'fonts');
  const load = (file: string) => fontkit.create(readFileSync(join(dir, file))) as Fontkit.Font;
  return { regular: load('NotoSansHans-Regular.otf'), bold: load('NotoSansHans-Bold.otf') };
}
