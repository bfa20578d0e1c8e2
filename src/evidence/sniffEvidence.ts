import { fileTypeFromBuffer } from 'file-type';
import type { EvidenceContentType } from '../storage/evidenceRepository.js';

/**
 * The evidence a reconsideration may carry: PDF, JPEG and PNG, recognised by
 * their magic bytes (file-type), never by the name or the type the browser
 * claimed — a renamed program or an HTML page called `.pdf` is refused, so a
 * file served back can never be something a browser would run.
 */
const ALLOWED: Record<string, EvidenceContentType> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
};

export const EXTENSION: Record<EvidenceContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export async function sniffEvidence(bytes: Uint8Array): Promise<EvidenceContentType | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return found ? ALLOWED[found.mime] : undefined;
}
