import module from 'node:module';
import { COMMAND_LOADERS } from './commands/index.js';
import { ConfigError, ConfigErrors } from './config/errors.js';
import { helpText } from './config/inputs/help.js';
import { interrupted, onInterrupt } from './interrupt.js';
import { COMMANDS, Input, type CommandName } from './config/inputs/table.js';
import { envInputReader } from './runtime/inputs.js';
import { SERVE_ARGUMENT } from './speculative/config.js';

// V8's code cache for the chunks loaded from here on (node >= 22.1; a no-op before): the second
// step of a job starts without compiling the bundle again.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function isCommand(value: string): value is CommandName {
  return (COMMANDS as readonly string[]).includes(value);
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const read = envInputReader(env);
  const args = argv.filter((arg) => arg !== '--help' && arg !== '-h');
  const wantsHelp = args.length !== argv.length;
  // The root action passes no argument and names the command in its `command` input.
  const name = args[0] ?? read(Input.Command);
  if (wantsHelp || (!name && process.stdin.isTTY)) {
    process.stdout.write(`${helpText(name && isCommand(name) ? name : undefined)}\n`);
    return 0;
  }
  // Loaded only to run a command: --help needs none of the toolkit.
  const [{ loggerFor }, { createExec, stopChildren }, { setOutputs, writeSummary, exportEnvironment }] = await Promise.all([
    import('./runtime/logger.js'),
    import('./runtime/exec.js'),
    import('./runtime/report.js'),
  ]);
  // A cancelled job gets SIGTERM (a terminal, SIGINT): auth files go and children stop before exit.
  onInterrupt(stopChildren);
  const logger = loggerFor(env);
  const exec = createExec(logger);
  // The tool cache (a pinned skopeo) is loaded when a download is asked for.
  const download = async (tool: string, url: string, sha256: string) =>
    (await import('./runtime/tool-download.js')).pinnedTool(tool, url, sha256);
  try {
    if (!name) throw new ConfigError(`command: missing; one of ${COMMANDS.join(', ')}`);
    if (!isCommand(name)) throw new ConfigError(`command: "${name}" is not a command; one of ${COMMANDS.join(', ')}`);
    const command = await COMMAND_LOADERS[name]();
    const result = await command({ env, logger, read, exec, download });
    setOutputs(result.outputs, env, logger);
    if (result.environment) exportEnvironment(result.environment, env, logger);
    if (result.summary) await writeSummary(result.summary, env, logger);
    if (result.failure) {
      logger.error(result.failure);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // One annotation per problem: a runner shows each, and act, which does not decode %0A in an
    // annotation, shows them readable.
    if (error instanceof ConfigErrors && error.problems.length > 1)
      for (const line of [`${error.heading}:`, ...error.problems]) logger.error(line);
    else logger.error(message);
    if (!(error instanceof ConfigError) && error instanceof Error && error.cause) logger.debug(String(error.cause));
    return 1;
  }
}

/** This process is the speculative registry `use` leaves running for the job's later steps (docs/speculative.md). */
const serving = process.argv[2] === SERVE_ARGUMENT;

// The speculative registry handles its own signals (it logs why it stops).
if (!serving)
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    process.once(signal, () => {
      interrupted();
      process.exit(code);
    });
  }

async function serveRegistry(): Promise<number> {
  await (await import('./speculative/serve.js')).serveSpeculativeRegistry();
  return 0;
}

(serving ? serveRegistry() : main(process.argv.slice(2), process.env)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
