import { parse, YAMLParseError } from 'yaml';
import { ConfigError } from './errors.js';

/** Parses an input holding YAML (JSON is YAML too); errors name the input and the line. */
export function parseYamlInput(text: string, inputName: string): unknown {
  try {
    // uniqueKeys: a key written twice is a mistake, not "last one wins".
    return parse(text, { uniqueKeys: true, merge: true, prettyErrors: true, maxAliasCount: 1000 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
      throw new ConfigError(`${inputName}: not valid YAML${where}: ${error.message.split('\n')[0]}`, { cause: error });
    }
    throw error;
  }
}
