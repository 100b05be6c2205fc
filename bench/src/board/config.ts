import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The settings of one board benchmark run, in one place. */

const here = path.dirname(fileURLToPath(import.meta.url));
/** bench/dist/board → the repository root. */
export const REPO_ROOT = path.resolve(here, '../../..');
export const CLIENT_INDEX = path.join(REPO_ROOT, 'client/dist/index.html');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

/** Board sizes measured side by side, small first. */
export const BOARD_SIZES = [30, 300] as const;

/** Cold page loads measured per size, after one that is not counted. */
export const RENDER_SAMPLES = 5;
/** Saves on one side, each timed to the paint on the other side. */
export const CHANGE_SAMPLES = 30;
/** Between two timed saves, as a person pauses between edits. */
export const CHANGE_PAUSE_MS = 150;

/** Every locator action, navigation and wait gives up after this. */
export const STEP_TIMEOUT_MS = 15_000;
/** The whole run; past it the server and the browser are killed and the run fails. */
export const RUN_TIMEOUT_MS = 5 * 60_000;

/** A laptop's window: the three columns of the room side by side. */
export const VIEWPORT = { width: 1440, height: 900 };

export const ROOM = { title: 'Board benchmark', sides: ['Tenant', 'Landlord'] as [string, string], mediated: true };
