import { EXTENSION } from './sniffEvidence.js';
import type { EvidenceContentType } from '../storage/evidenceRepository.js';

/**
 * The file name as the uploader gave it, made safe to store and to send back
 * in a Content-Disposition header: no folders, no control or bidirectional
 * characters, no characters Windows refuses, at most 100 characters, and the
 * extension of what the bytes really are (a JPEG named `.pdf` is saved `.jpg`).
 */
export function sanitiseFileName(given: string, type: EvidenceContentType): string {
  const base = given.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const stem = clean.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 90) || '证据材料';
  return `${stem}.${EXTENSION[type]}`;
}
