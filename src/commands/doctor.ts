import { reportTo } from '../config/inputs/report.js';
import { readDoctorInputs } from '../config/readers/doctor.js';
import { diagnose } from '../doctor/diagnose.js';
import type { RegistryReport } from '../doctor/report.js';
import { openRunSession } from './run-session.js';
import type { CommandContext, CommandResult, SummaryTable } from './types.js';

/**
 * `doctor`: what each registry supports and what promote would do there (docs/doctor.md). Every
 * registry is examined side by side; one that cannot be is one line in the report, and the run
 * fails only when none could be.
 */
export async function doctor(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readDoctorInputs(context.read, env, reportTo(logger));
  const run = openRunSession({
    credentials: inputs.credentials,
    registries: inputs.targets.map((t) => t.registry),
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  let reports;
  try {
    reports = await Promise.all(inputs.targets.map((target) => diagnose(run, target, inputs.credentials)));
  } finally {
    run.close();
  }
  for (const report of reports) {
    if (report.problem) logger.warning(`${report.registry}: ${report.problem}`);
    for (const note of report.notes) logger.info(`${report.registry}: ${note}`);
    if (report['left-behind'].length > 0)
      logger.warning(`${report.registry}: doctor could not remove what it wrote: ${report['left-behind'].join(', ')}`);
  }
  const summary = { ...reportTable(reports), inLog: true };
  const probed = reports.filter((r) => r.reachable);
  return {
    outputs: { registries: JSON.stringify(reports) },
    summary,
    ...(probed.length === 0 && {
      failure: `no registry could be examined: ${reports.map((r) => `${r.registry}: ${r.problem}`).join('; ')}`,
    }),
  };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function reportTable(reports: readonly RegistryReport[]): SummaryTable {
  return {
    title: 'Registries',
    headers: [
      'registry',
      'reachable',
      'vendor',
      'auth',
      'tag delete',
      'digest delete',
      'referrers API',
      'blob mount',
      'chunked upload',
      'HTTP/2',
      'promote removes a temporary tag by',
    ],
    rows: reports.map((r) => {
      const measured = (value: string) => (r.written ? value : '?');
      return [
        r.registry,
        yesNo(r.reachable),
        r.vendor,
        r.auth,
        measured(r['tag-delete']),
        measured(yesNo(r['digest-delete'])),
        measured(yesNo(r['referrers-api'])),
        measured(yesNo(r['blob-mount'])),
        measured(yesNo(r['chunked-upload'])),
        yesNo(r.http2),
        r.written ? r.promote : '?',
      ];
    }),
  };
}
