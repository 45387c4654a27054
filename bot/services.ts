import type { i18n } from 'i18next';
import type { Config } from './config.ts';
import type { Db } from './data/db.ts';
import type { Logger } from './logger.ts';
import { createAgent } from './agent.ts';
import { createBotAdapter } from './channels/botFramework.ts';
import { CaseStore } from './data/caseStore.ts';
import { DirectLineStore } from './data/directLineStore.ts';
import { MediatorStore } from './data/mediators.ts';
import { PrismaStorage } from './data/prismaStorage.ts';
import { hasSqliteConnection, kindOf } from './data/db.ts';
import { SqliteHotPath } from './data/sqliteHotPath.ts';
import { PostgresHotPath } from './data/postgresHotPath.ts';
import type { HotPath } from './data/hotPath.ts';
import { activityChannel, type PostgresNotifier } from './data/postgresNotifier.ts';
import { TenantRepository } from './data/tenants.ts';
import { DirectLineService } from './channels/directline/service.ts';
import { DirectLineTokens } from './channels/directline/tokens.ts';
import { MediatorAuth } from './mediation/auth.ts';
import { AuditLog } from './data/audit.ts';
import { OutboxStore } from './data/outbox.ts';
import { LoginThrottleStore, StatusLookupLimiter } from './data/throttle.ts';
import { checkpointAfterErasure } from './data/db.ts';
import type { ConversationServices } from './conversation/ports.ts';
import { translator } from './i18n/index.ts';
import { addWorkingDays } from './domain/workingDays.ts';
import { loadReferenceData } from './data/referenceData.ts';
import { WaitingTimeRepository } from './data/waitingTimes.ts';
import { ContractStore } from './data/contracts.ts';
import { KnowledgeService } from './knowledge.ts';
import { createCardService } from './knowledge/cardService.ts';
import { tenantView } from './data/tenantView.ts';
import { createUnderstandingPort } from './understandingPort.ts';
import { patientCaseStatus } from './mediation/patientStatus.ts';
import type { CaseAlternative } from './mediation/routes.ts';
import type { CaseDetail } from './data/caseStore.ts';
import type { CareType } from './domain/reference.ts';
import { createCoordination, type Coordination } from './data/coordination.ts';

export type Services = ReturnType<typeof createServices>;

const careTypeNames: readonly CareType[] = ['outpatient', 'diagnostics', 'day_treatment', 'clinical', 'treatment'];

/**
 * The faster places for a stored request: within the patient's radius from their postcode, for the
 * specialism and care type, with a shorter wait than the patient's own; the hospital they wait at is left out.
 * Each says whether the case's insurer has a contract with it (null when that insurer loaded no contracts),
 * as the chat does for the same patient.
 */
export function caseAlternatives(knowledge: KnowledgeService) {
  return async (request: Record<string, unknown>, insurerTenantId: string): Promise<CaseAlternative[]> => {
    const { specialty, postcode, maxTravelKm, waitingWeeks, careType, hospital } = request;
    if (typeof specialty !== 'string' || typeof postcode !== 'string' || typeof maxTravelKm !== 'number' || !(maxTravelKm > 0)) return [];
    const found = await knowledge.alternatives({
      specialty, postcode, maxKm: Math.min(maxTravelKm, 300),
      careType: careTypeNames.includes(careType as CareType) ? (careType as CareType) : null,
      currentWeeks: typeof waitingWeeks === 'number' ? waitingWeeks : null,
      excludeHospital: typeof hospital === 'string' ? hospital : null,
      insurerTenantId,
    });
    if (found.status !== 'ok') return [];
    return found.results.slice(0, 10).map((r) => ({
      hospital: r.hospital, location: r.location, city: r.city, distanceKm: r.distanceKm, weeks: r.waitWeeks, weeksSaved: r.weeksSaved,
      measuredAt: r.measuredAt, isDemo: r.isDemo, source: r.source, contracted: r.contracted ?? null, freshness: r.freshness === 'aging' ? 'aging' : 'current',
    }));
  };
}

/**
 * What the FHIR export looks up beyond the case: the insurer's name, a provider's official name and
 * AGB code (reference hospitals and imported clinics), and the treatment code of the label the chat stored.
 */
function fhirLookupsFor(knowledge: KnowledgeService, tenants: TenantRepository, reference: ReturnType<typeof loadReferenceData>) {
  const byLabel = new Map<string, { id: string; display: string }>();
  // The chat stores the label in the patient's language (or the built-in lexicon's, which reuses the ids).
  for (const t of reference.treatments) for (const label of [t.id, t.label.nl, t.label.en]) byLabel.set(label.toLowerCase(), { id: t.id, display: t.label.nl });
  return async (detail: CaseDetail) => {
    await knowledge.ready();
    return {
      insurerName: (await tenants.find(detail.insurer))?.displayName ?? null,
      providerOf: (name: string) => {
        const h = knowledge.hospitalByName(name);
        return h ? { name: h.officialName, agbCode: h.agbCode } : null;
      },
      treatmentOf: (label: string) => byLabel.get(label.trim().toLowerCase()) ?? null,
    };
  };
}

/**
 * The per-turn statements prepared once: on SQLite on Prisma's connection, on PostgreSQL on a pool
 * of its own whose appends also announce themselves to the other instances (so the notifier sends
 * nothing of its own). None for a client not made by createDb (Prisma does everything then).
 */
function createHotPath(db: Db, databaseUrl: string, notifier: PostgresNotifier | undefined): HotPath | undefined {
  if (hasSqliteConnection(db)) return new SqliteHotPath(db);
  if (kindOf(db) !== 'postgresql') return undefined;
  const hot = new PostgresHotPath(databaseUrl, { size: 4, ...(notifier ? { notice: { channel: activityChannel, payload: (id: string) => notifier.payload(id) } } : {}) });
  notifier?.announceWithWrites();
  return hot;
}

/** The coordination whose close() also ends the hot path's pool (main.ts and the tests close the coordination). */
function withHotPathClosed(coordination: Coordination, hot: HotPath | undefined): Coordination {
  if (!hot) return coordination;
  return {
    ...coordination,
    async close() {
      await Promise.all([coordination.close(), hot.close()]);
    },
  };
}

/** Wires repositories, the agent and the channels' use-cases; no HTTP here. */
export function createServices(config: Config, db: Db, logger: Logger, i18next: i18n) {
  const tenants = new TenantRepository(db);
  const cases = new CaseStore(db);
  // Several instances on PostgreSQL: turns of one conversation are ordered across instances.
  const instances = createCoordination(db, config.DATABASE_URL, logger);
  // Prepared statements for the queries every turn runs (Prisma for the rest, and for other databases).
  const hot = createHotPath(db, config.DATABASE_URL, instances.notifier);
  const coordination = withHotPathClosed(instances, hot);
  const directLineStore = new DirectLineStore(db, hot);
  const mediators = new MediatorStore(db);
  const storage = new PrismaStorage(db, hot);

  const reference = loadReferenceData();
  const waitingTimes = new WaitingTimeRepository(db, 60_000, reference);
  const contracts = new ContractStore(db);
  const knowledge = new KnowledgeService(reference, waitingTimes, tenants, contracts);
  const understanding = createUnderstandingPort(reference, () => waitingTimes.loadedHospitals());

  const statusLookup = patientCaseStatus(cases);
  const statusLimiter = new StatusLookupLimiter(db);
  const conversationServices: ConversationServices = {
    t: (locale) => translator(i18next, locale),
    understanding,
    cards: createCardService(),
    knowledge,
    cases: {
      async createCase(handoff) {
        const insurer = await tenants.find(handoff.insurerTenantId);
        if (!insurer || insurer.kind !== 'insurer') throw new Error(`Case for unknown insurer ${handoff.insurerTenantId}`);
        const now = new Date();
        const { case: stored, created } = await cases.create({
          insurerTenantId: insurer.id,
          sourceTenantId: handoff.sourceTenantId,
          conversationId: handoff.conversationId,
          idempotencyKey: handoff.idempotencyKey,
          locale: handoff.locale,
          channel: handoff.channel,
          priority: handoff.priority,
          request: handoff.request,
          transcript: handoff.transcript,
          firstContactDueAt: addWorkingDays(now, insurer.responseWorkingDays),
        });
        logger.info({ reference: stored.reference, insurer: insurer.id, created }, 'case stored');
        return { reference: stored.reference, created };
      },
      async statusFor(reference, dateOfBirth, asker) {
        if (!(await statusLimiter.take(asker.conversationId, asker.now))) return 'limited';
        return statusLookup(reference, dateOfBirth, { tenantId: asker.tenantId, kind: asker.kind });
      },
      async eraseConversation(conversationId) {
        const erased = await cases.eraseForConversation(conversationId);
        await directLineStore.eraseActivities(conversationId);
        await db.stateItem.deleteMany({ where: { key: { contains: `/conversations/${conversationId}` } } });
        // With secure_delete on, the freed pages are zeroed; the checkpoint moves them out of the WAL too.
        await checkpointAfterErasure(db);
        logger.info({ conversationId, casesErased: erased.deleted, casesKept: erased.anonymised }, 'patient erased conversation');
        return { casesErased: erased.deleted, casesKept: erased.anonymised };
      },
      caseOfConversation: (reference, conversationId) => cases.forConversation(reference, conversationId),
      async withdrawCase(reference, conversationId) {
        const result = await cases.withdrawForConversation(reference, conversationId);
        logger.info({ reference, result: result.status }, 'patient withdrew case');
        return result.status;
      },
      addPatientNote: (reference, conversationId, text) => cases.addPatientNote(reference, conversationId, text),
    },
  };

  // MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppTenantId reach the SDK here, and only here.
  const bot = createBotAdapter({ appId: config.MicrosoftAppId, appPassword: config.MicrosoftAppPassword, appTenantId: config.MicrosoftAppTenantId });
  const agent = createAgent({
    storage,
    services: conversationServices,
    botTenantId: config.BOT_TENANT,
    adapter: bot.adapter,
    logger,
    async findTenant(id) {
      const t = await tenants.find(id);
      return t ? tenantView(t) : null;
    },
  });
  const tokens = new DirectLineTokens(directLineStore, config.DIRECTLINE_TOKEN_TTL_SECONDS);
  const directLine = new DirectLineService(directLineStore, tenants, tokens, agent, coordination.turnLock, coordination.notifier);
  // Mediation side: audit log, webhook outbox, login throttling; the router and jobs take `mediation`.
  const audit = new AuditLog(db);
  const outbox = new OutboxStore(db);
  const mediatorAuth = new MediatorAuth({ store: mediators, throttle: new LoginThrottleStore(db, { accountFailuresBeforeDelay: config.LOGIN_ACCOUNT_FAILURES_BEFORE_DELAY, addressFailuresBeforeDelay: config.LOGIN_ADDRESS_FAILURES_BEFORE_DELAY, maxDelayMs: config.LOGIN_MAX_DELAY_SECONDS * 1000 }), audit, secureCookies: config.isProduction });
  const specialismName = async (code: string, locale: 'nl' | 'en') => (await db.specialism.findUnique({ where: { code } }))?.[locale === 'en' ? 'nameEn' : 'nameNl'] ?? null;
  const fhirLookups = fhirLookupsFor(knowledge, tenants, reference);
  const mediation = { auth: mediatorAuth, cases, mediators, audit, outbox, production: config.isProduction, specialismName, alternatives: caseAlternatives(knowledge), fhirLookups };
  return { db, bot, coordination, tenants, cases, directLineStore, mediators, storage, agent, tokens, directLine, mediatorAuth, mediation, i18next, reference, waitingTimes, contracts, knowledge, understanding, conversationServices, config };
}
