/**
 * `npm run eval:answers [-- --heldout] [--errors] [--file path.jsonl]`
 *
 * Runs the answers corpus through the real conversation on a fresh, migrated and seeded SQLite
 * database of its own (in .tmp/, removed afterwards) and prints: specific questions answered
 * correctly, follow-ups handled in context, median and maximum words per turn. The held-out
 * part (answers/heldout.jsonl) is scored only with --heldout.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.ts';
import { projectRoot } from '../data/databaseUrl.ts';
import { createDb } from '../data/db.ts';
import { createI18n } from '../i18n/index.ts';
import { createLogger } from '../logger.ts';
import { createServices } from '../services.ts';
import { deployMigrations } from '../../scripts/migrate.ts';
import { seed } from '../../prisma/seed.ts';
import { DEV_CORPUS, HELDOUT_CORPUS, evaluateAnswers, formatAnswersReport, readAnswerCorpus } from './answersEval.ts';
import { tenantView } from '../data/tenantView.ts';

const has = (name: string) => process.argv.includes(name);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const file = arg('--file');
  const corpus = file ? pathToFileURL(join(process.cwd(), file)) : has('--heldout') ? HELDOUT_CORPUS : DEV_CORPUS;
  const items = readAnswerCorpus(corpus);
  const dir = join(projectRoot, '.tmp', `eval-answers-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const url = `file:${join(dir, 'eval.db')}`;
  try {
    await deployMigrations(url);
    const db = createDb(url);
    await seed(db, { production: false, demoPassword: 'demo' });
    const services = createServices(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url }), db, createLogger('silent'), await createI18n());
    const report = await evaluateAnswers(
      {
        services: services.conversationServices,
        tenant: async (id) => {
          const t = await services.tenants.find(id);
          if (!t) throw new Error(`unknown tenant ${id}`);
          return tenantView(t);
        },
      },
      items,
    );
    console.log(formatAnswersReport(report, corpus.pathname.split('/').slice(-2).join('/'), has('--errors')));
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
