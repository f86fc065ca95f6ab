import type { Logger } from '../../logger.js';

/** What a reader tells the run as it reads: secrets to mask, and notices about how a list is read. */
export interface InputReport {
  secret(value: string): void;
  notice(message: string): void;
}

export const reportTo = (logger: Pick<Logger, 'mask' | 'info'>): InputReport => ({
  secret: (value) => logger.mask(value),
  notice: (message) => logger.info(message),
});
