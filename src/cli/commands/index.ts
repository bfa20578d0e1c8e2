import type { Command } from 'commander';

/** Every command of `./bin/jifen`, one module each (thin: parse → call a service → print). */
export function registerCommands(program: Command): void {
  void program;
}
