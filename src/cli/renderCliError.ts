import { isJifenError } from '../shared/errors.js';

/**
 * Prints an error for a person at a terminal and returns the exit code:
 * 2 for anything the input caused (the error names every offending JSON path),
 * 1 for a fault of ours. Never a stack trace, unless JIFEN_DEBUG is set.
 */
export function renderCliError(error: unknown): number {
  if (isJifenError(error)) {
    process.stderr.write(`错误: ${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    return 2;
  }
  process.stderr.write('内部错误: 处理失败，请联系系统管理员。\n');
  if (process.env.JIFEN_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
