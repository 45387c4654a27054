/**
 * `npm start`: the server as N processes on one port (node:cluster), as production runs.
 * --workers N or WORKERS=N; the default is one per core. With one, this process is the server.
 * The primary loads nothing of the app (each worker does): it forks, supervises and relays.
 */
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { runPrimary, workersFrom } from './cluster.ts';

const workers = workersFrom(process.argv, process.env);
if (workers > 1) {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./main.ts', import.meta.url)), args: [] });
  await runPrimary(workers);
} else {
  await import('./main.ts');
}
