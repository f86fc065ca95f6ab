import { COMMAND_SUMMARIES, COMMANDS, IMPLEMENTED, inputsOf, outputsOf, type CommandName } from './table.js';

const EXAMPLES: Record<CommandName, string> = {
  build: `INPUT_IMAGES='[{context: ., repository: quay.io/org/app, tags: [latest]}]' node dist/index.js build`,
  upload: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGE=42 node dist/index.js upload`,
  promote: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGE=42 node dist/index.js promote`,
  mirror: `INPUT_MIRROR_FILE=mirror.yaml node dist/index.js mirror`,
  use: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGES_REGISTRY=ghcr.io/acme/changes node dist/index.js use`,
  doctor: `INPUT_REGISTRIES='ghcr.io/acme' INPUT_REGISTRY_CREDENTIALS="$CREDS" node dist/index.js doctor`,
};

const envName = (input: string) => `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;

export function helpText(command?: CommandName): string {
  const commands = command ? [command] : COMMANDS;
  const lines = [
    'container-image-actions: Zuul-style gated container images for GitHub, Gitea, Forgejo and act.',
    '',
    'usage: node dist/index.js <command> [--help]',
    '       inputs come from INPUT_<NAME> environment variables, as a runner passes them',
    '',
  ];
  for (const name of commands) {
    lines.push(`${name}${IMPLEMENTED.has(name) ? '' : ' (not implemented yet)'}: ${COMMAND_SUMMARIES[name]}`);
    for (const input of inputsOf(name)) {
      lines.push(`  ${envName(input.name).padEnd(30)} ${input.description}${input.default ? ` (default: ${input.default})` : ''}`);
    }
    for (const output of outputsOf(name)) lines.push(`  output ${output.name}: ${output.description}`);
    lines.push(`  example: ${EXAMPLES[name]}`, '');
  }
  return lines.join('\n');
}
