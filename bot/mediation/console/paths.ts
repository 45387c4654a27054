import { join } from 'node:path';
import { projectRoot } from '../../data/databaseUrl.ts';

/** The console's hand-written static files (HTML, CSS). */
export const consolePublicDir = join(projectRoot, 'bot/mediation/console/public');
/** The console's script, bundled by build.ts (not committed). */
export const consoleBundlePath = join(projectRoot, 'dist/console/console.js');
