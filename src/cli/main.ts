import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { renderCliError } from './renderCliError.js';

const program = new Command();
program
  .name('jifen')
  .description('上海市居住证积分: 模拟估分、达标方案与积分申办流程')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // help and version exit 0; usage mistakes are bad input: exit 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = renderCliError(error);
  }
}
