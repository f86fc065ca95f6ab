// @actions/core's own modules, not its index (see logger.ts).
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command.js';
import { summary } from '@actions/core/lib/summary.js';
import type { SummaryTable } from '../commands/types.js';
import type { Logger } from '../logger.js';

export function setOutputs(outputs: Record<string, string | undefined>, env: NodeJS.ProcessEnv, logger: Logger): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    // setOutput's GITHUB_OUTPUT branch (a heredoc with a random delimiter); the other branch is unused here.
    if (env.GITHUB_OUTPUT) issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    else logger.info(`output ${name}=${value}`);
  }
}

/** Variables the job's later steps see: the runner's GITHUB_ENV, else a line to export by hand. */
export function exportEnvironment(variables: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv, logger: Logger): void {
  for (const [name, value] of Object.entries(variables)) {
    if (env.GITHUB_ENV) issueFileCommand('ENV', prepareKeyValueMessage(name, value));
    else logger.info(`for the steps after this one: export ${name}=${value}`);
  }
}

/** The job summary where the runner gives one; a plain table in the log otherwise. */
export async function writeSummary(table: SummaryTable, env: NodeJS.ProcessEnv, logger: Logger): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) {
    if (table.inLog) logger.info(formatPlainTable(table));
    await summary
      .addHeading(table.title, 3)
      .addTable([table.headers.map((header) => ({ data: header, header: true })), ...table.rows.map((row) => [...row])])
      .write();
    return;
  }
  logger.info(formatPlainTable(table));
}

export function formatPlainTable(table: SummaryTable): string {
  const rows = [table.headers, ...table.rows];
  const widths = table.headers.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [table.title, line(table.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}
