import { readFileSync } from 'node:fs';
import { JifenError } from '../shared/errors.js';

/** Reads a file argument; `-` is standard input. A missing file is bad input (exit 2), not a crash. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new JifenError('input_unreadable', `无法读取输入文件: ${path}`, [
      { path: '$', message: '文件不存在或不可读' },
    ]);
  }
}
