import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DocumentFonts } from './documentFonts.js';

/**
 * The one layout of jifen's printed documents (申请表, 收件凭证, 一次性告知单,
 * 积分通知书, 复核决定书, 材料清单): A4 portrait, 2 cm margins, the issuing office
 * and document number at the top, the title centred, bordered tables, and a
 * footer with the page count on every page. Deterministic: the PDF's dates are
 * the document's own date and nothing else varies, so the same inputs give the
 * same bytes (a reprint is byte-identical to the first print).
 */

export interface DocumentHead {
  title: string;
  /** The office that issues the document (printed at the top and in the footer). */
  issuer: string;
  /** 收件凭证号, 告知单号, 核验码 …: printed top right and in the footer. */
  number?: string;
  /** The date the document speaks for (YYYY-MM-DD); also its PDF CreationDate. */
  issuedOn: string;
  subject?: string;
}

export interface Column {
  header: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const INK = '#111111';
const GREY = '#555555';
const RULE = '#333333';

/** 2025-10-20 → 2025年10月20日, as official documents write dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The drawing surface handed to each document: a few primitives, all flowing down the page. */
export class Sheet {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  /** Starts a new page when less than `height` points are left. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points = 8): this {
    this.doc.y += points;
    return this;
  }

  section(title: string): this {
    this.ensureRoom(40);
    this.space(4);
    const y = this.doc.y;
    this.doc.font('bold').fontSize(12).fillColor(INK).text(title, this.left, y, { width: this.width });
    const ruleY = this.doc.y + 2;
    this.doc
      .moveTo(this.left, ruleY)
      .lineTo(this.left + this.width, ruleY)
      .lineWidth(0.6)
      .stroke(RULE);
    this.doc.y = ruleY + 6;
    return this;
  }

  paragraph(
    text: string,
    opts: { size?: number; color?: string; bold?: boolean; indent?: boolean } = {},
  ): this {
    const size = opts.size ?? 10.5;
    this.doc
      .font(opts.bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(opts.color ?? INK)
      .text(opts.indent ? `\u3000\u3000${text}` : text, this.left, this.doc.y, {
        width: this.width,
        lineGap: 3,
      });
    this.doc.y += 3;
    return this;
  }

  note(text: string): this {
    return this.paragraph(text, { size: 8.5, color: GREY });
  }

  /** Label/value pairs in a bordered grid, two pairs per row. */
  fields(pairs: ReadonlyArray<readonly [string, string]>): this {
    const rows: string[][] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const a = pairs[i]!;
      const b = pairs[i + 1];
      rows.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
    }
    return this.table(
      [
        { header: '', width: 0.18 },
        { header: '', width: 0.32 },
        { header: '', width: 0.18 },
        { header: '', width: 0.32 },
      ],
      rows,
      { headerRow: false, labelColumns: [0, 2] },
    );
  }

  /** A bordered table; rows that do not fit start a new page, which repeats the header. */
  table(
    columns: readonly Column[],
    rows: readonly (readonly string[])[],
    opts: { headerRow?: boolean; labelColumns?: number[]; size?: number } = {},
  ): this {
    const size = opts.size ?? 10;
    const pad = 3.5;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const labels = new Set(opts.labelColumns ?? []);
    const heightOf = (cells: readonly string[], bold: (i: number) => boolean) =>
      Math.max(
        ...cells.map((text, i) => {
          this.doc.font(bold(i) ? 'bold' : 'regular').fontSize(size);
          return this.doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 });
        }),
      ) +
      2 * pad;
    const drawRow = (cells: readonly string[], header: boolean) => {
      const bold = (i: number) => header || labels.has(i);
      const h = heightOf(cells, bold);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        if (opts.headerRow !== false && !header)
          drawRow(
            columns.map((c) => c.header),
            true,
          );
      }
      const y = this.doc.y;
      cells.forEach((text, i) => {
        if (header || labels.has(i)) this.doc.rect(xs[i]!, y, widths[i]!, h).fill('#EFEFEF');
        this.doc.rect(xs[i]!, y, widths[i]!, h).lineWidth(0.5).stroke(RULE);
        this.doc
          .font(bold(i) ? 'bold' : 'regular')
          .fontSize(size)
          .fillColor(INK)
          .text(text, xs[i]! + pad, y + pad, {
            width: widths[i]! - 2 * pad,
            align: header ? 'center' : (columns[i]?.align ?? 'left'),
            lineGap: 1,
          });
      });
      this.doc.y = y + h;
    };
    if (opts.headerRow !== false)
      drawRow(
        columns.map((c) => c.header),
        true,
      );
    for (const r of rows) drawRow(r, false);
    this.doc.x = this.left;
    this.space(6);
    return this;
  }

  /** A framed area left blank for a seal and a signature (the unit seals the printed form). */
  sealArea(title: string, lines: readonly string[], height = 110): this {
    this.ensureRoom(height + 10);
    const y = this.doc.y;
    const w = this.width;
    this.doc.rect(this.left, y, w, height).lineWidth(0.8).stroke(RULE);
    this.doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(INK)
      .text(title, this.left + 8, y + 8, { width: w / 2 });
    lines.forEach((line, i) => {
      this.doc
        .font('regular')
        .fontSize(10)
        .text(line, this.left + 8, y + 34 + i * 22, { width: w / 2 - 16 });
    });
    // The dashed circle marks where the seal goes (a real seal is 42 mm; this guides, it does not certify).
    const cx = this.left + w * 0.75;
    const cy = y + height / 2;
    this.doc.circle(cx, cy, 42).dash(3, { space: 3 }).lineWidth(0.6).stroke(GREY).undash();
    this.doc
      .font('regular')
      .fontSize(9)
      .fillColor(GREY)
      .text('（盖章）', cx - 40, cy - 5, { width: 80, align: 'center' });
    this.doc.fillColor(INK);
    this.doc.x = this.left;
    this.doc.y = y + height + 10;
    return this;
  }

  /** The issuing office and date, right-aligned at the end of a document. */
  signature(office: string, date: string): this {
    this.ensureRoom(60);
    this.space(14);
    const opts = { width: this.width, align: 'right' as const };
    this.doc.font('regular').fontSize(11).fillColor(INK).text(office, this.left, this.doc.y, opts);
    this.doc.text(chineseDate(date), this.left, this.doc.y + 4, opts);
    this.doc.x = this.left;
    return this;
  }

  /** A QR code drawn as vector squares (crisp at any print resolution) with its top-left at (x, y). */
  qr(text: string, x: number, y: number, size: number): this {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const quiet = 4; // the quiet zone the standard asks for, in modules
    const cell = size / (n + 2 * quiet);
    this.doc.rect(x, y, size, size).fill('#FFFFFF');
    this.doc.fillColor('#000000');
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (code.modules.get(r, c)) this.doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    this.doc.fill('#000000');
    this.doc.fillColor(INK);
    return this;
  }
}

/** Renders one document: the letterhead, the body drawn by `draw`, and the footer on every page. */
export function renderOfficialDocument(
  fonts: DocumentFonts,
  head: DocumentHead,
  draw: (sheet: Sheet) => void,
): Promise<Buffer> {
  const date = new Date(`${head.issuedOn.slice(0, 10)}T00:00:00.000Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: head.title,
      Author: head.issuer,
      Subject: head.subject ?? head.title,
      Creator: 'jifen 上海市居住证积分',
      Producer: 'jifen',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as well as a path; its typings only know the path.
  doc.registerFont('regular', fonts.regular as never);
  doc.registerFont('bold', fonts.bold as never);
  const sheet = new Sheet(doc);

  // Letterhead: issuing office left, document number right, the title centred below a double rule.
  const top = MARGIN.top;
  doc.font('regular').fontSize(10).fillColor(GREY).text(head.issuer, sheet.left, top, { width: sheet.width });
  if (head.number) doc.text(`编号：${head.number}`, sheet.left, top, { width: sheet.width, align: 'right' });
  doc.fillColor(INK);
  const ruleY = top + 18;
  doc
    .moveTo(sheet.left, ruleY)
    .lineTo(sheet.left + sheet.width, ruleY)
    .lineWidth(1.2)
    .stroke(RULE);
  doc
    .moveTo(sheet.left, ruleY + 3)
    .lineTo(sheet.left + sheet.width, ruleY + 3)
    .lineWidth(0.4)
    .stroke(RULE);
  doc
    .font('bold')
    .fontSize(20)
    .text(head.title, sheet.left, ruleY + 18, { width: sheet.width, align: 'center', characterSpacing: 2 });
  doc.y += 12;

  draw(sheet);

  // Footer on every page (written inside the bottom margin, so pdfkit must not break the page).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = A4.height - MARGIN.bottom + 18;
    doc
      .moveTo(sheet.left, y - 6)
      .lineTo(sheet.left + sheet.width, y - 6)
      .lineWidth(0.4)
      .stroke('#999999');
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `${head.title}${head.number ? ` · ${head.number}` : ''} · 上海市居住证积分管理信息系统生成`,
        sheet.left,
        y,
        { width: sheet.width * 0.8, lineBreak: false },
      );
    doc.text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, sheet.left, y, {
      width: sheet.width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
