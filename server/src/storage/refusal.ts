import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';

/** SQLite errors that mean "this database will not take writes now". */
const UNAVAILABLE = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY'];

/**
 * Runs a write against one of Parley's SQLite files. A refusal (a full disk or file cap,
 * a read-only file, a journal that cannot be created) becomes a storage_unavailable
 * ParleyError, which every caller turns into the documented answer; anything else is a
 * bug and is thrown as it is.
 */
export function guardWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (UNAVAILABLE.some((c) => code.startsWith(c))) {
      throw new ParleyError(ErrorCode.StorageUnavailable, `storage refused the write (${code})`);
    }
    throw error;
  }
}
