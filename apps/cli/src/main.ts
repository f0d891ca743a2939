import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './command';

// Commands are discovered from commands/*.ts, so adding one never touches this file.
async function loadCommands(): Promise<Command[]> {
  const dir = join(__dirname, 'commands');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.spec.'));
  const modules = await Promise.all(files.map((f) => import(join(dir, f)) as Promise<{ command: Command }>));
  return modules.map((m) => m.command).sort((a, b) => a.name.localeCompare(b.name));
}

async function main(argv: string[]): Promise<number> {
  const commands = await loadCommands();
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const usage = ['usage: naxio <command> [options]', '', ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`)].join('\n');
    process.stderr.write(`${name && name !== 'help' ? `unknown command "${name}"\n\n` : ''}${usage}\n`);
    return name && name !== 'help' ? 2 : 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
