import { z } from 'zod';

/** A non-JSON answer (OpenAPI `content` by media type); the handler sends it through `reply`. */
export interface FileResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

const bytes = z.string().meta({ format: 'binary' });

/** A printable document (积分通知书, 收件凭证 …), sent inline. */
export const pdfResponse: FileResponse = {
  description: 'PDF 文书',
  content: { 'application/pdf': { schema: bytes } },
};

/** A list exported for a spreadsheet (Excel or CSV, chosen by `format`). */
export const exportResponse: FileResponse = {
  description: '导出文件（Excel 或 CSV）',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: bytes },
    'text/csv': { schema: bytes },
  },
};

/** A page for people (the notice verification page opened from the QR code). */
export const htmlResponse: FileResponse = {
  description: 'HTML 页面',
  content: { 'text/html': { schema: z.string() } },
};

/** An evidence file as uploaded (PDF, JPEG or PNG), always sent as an attachment. */
export const evidenceFileResponse: FileResponse = {
  description: '复核证据材料（附件下载）',
  content: {
    'application/pdf': { schema: bytes },
    'image/jpeg': { schema: bytes },
    'image/png': { schema: bytes },
  },
};
