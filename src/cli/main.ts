import { Command, CommanderError } from 'commander';
import { COMMAND_TABLE } from './commandTable.js';
import { renderCliError } from './renderCliError.js';

// A reader that stops early (`jifen audit verify | head -1`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

const program = new Command();
program
  .name('jifen')
  .description('上海市居住证积分: 模拟估分、达标方案与积分申办流程')
  .showHelpAfterError()
  .exitOverride();

try {
  const entry = COMMAND_TABLE[process.argv[2] ?? ''];
  if (entry) {
    const mod = (await entry.load()) as Record<string, (p: Command) => void>;
    mod[entry.register]!(program);
  } else {
    const { registerCommands } = await import('./commands/index.js');
    registerCommands(program);
  }
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // help and version exit 0; usage mistakes are bad input: exit 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = renderCliError(error);
  }
}
