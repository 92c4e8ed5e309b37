import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  AuditLog,
  canReachAgency,
  DomainError,
  forbidden,
  JWT_KEY,
  notFound,
  RateLimit,
  type Principal,
} from '@app/platform';
import { checkAnswers } from '../domain/form-rules.js';
import { windowState } from '../domain/survey-window.js';
import {
  decodeVisitToken,
  encodeVisitToken,
  visitTokenExpiry,
  type VisitClaims,
  type VisitSource,
} from '../domain/visit-token.js';
import { DesksService } from '../desks/desks.service.js';
import { SurveyProcedure } from '../desks/procedure.entity.js';
import { ServiceDesk } from '../desks/service-desk.entity.js';
import type {
  KioskView,
  RegisteredKioskView,
  ResponseReceipt,
  SubmitResponseDto,
  VisitView,
} from '../dto/collection.dto.js';
import { SCALE_LABELS } from '../forms/default-form.js';
import { FormsService } from '../forms/forms.service.js';
import { SurveyDeskLink } from '../surveys/survey-desk.entity.js';
import { Survey } from '../surveys/survey.entity.js';
import { CollectionCache } from './collection-cache.js';
import { KioskDevice } from './kiosk-device.entity.js';
import { ResponseWriter } from './response-writer.js';
import { VisitToken } from './visit-token.entity.js';

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(24).toString('base64url');
const tokenUsed = (): DomainError =>
  new DomainError(
    'SURVEY_TOKEN_USED',
    'This visit has already been answered: each visit takes one response',
    'conflict',
  );

/** Who is starting or sending a visit: a kiosk, or an address using the QR link (kept in memory only). */
type Device = { kind: 'kiosk'; kioskId: number } | { kind: 'address'; ip: string };
const deviceKey = (d: Device): string => (d.kind === 'kiosk' ? `kiosk:${d.kioskId}` : `ip:${d.ip}`);

/**
 * Public collection: one-visit tokens from a desk's QR link or a kiosk, and responses that spend
 * them. Rate limits per desk and per device come from the survey's own settings.
 */
@Injectable()
export class CollectionService {
  private readonly limiters = new Map<string, RateLimit>();
  /** Failed token look-ups per address: guessing tokens is slow. */
  private readonly badTokens = new RateLimit('survey-bad-token', 30, 60);
  /** The key that signs visit tokens, derived from the server's signing key for this use only. */
  private readonly visitKey: KeyObject;
  /**
   * Tokens spent through this server, until they expire: a replay is refused at once, without a
   * database read. The unique index on the stored hash is the guard across servers and restarts.
   */
  private readonly spent = new Map<string, number>();
  private spentSweepAt = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly forms: FormsService,
    private readonly desks: DesksService,
    private readonly audit: AuditLog,
    private readonly cache: CollectionCache,
    private readonly writer: ResponseWriter,
    @Inject(JWT_KEY) serverKey: KeyObject,
  ) {
    this.visitKey = createSecretKey(createHmac('sha256', serverKey).update('cchc survey visit token v1').digest());
  }

  private readonly mac = (payload: Buffer): Buffer => createHmac('sha256', this.visitKey).update(payload).digest();

  async registerKiosk(p: Principal, deskId: number, name: string): Promise<RegisteredKioskView> {
    const desk = await this.desks.get(p, deskId);
    const kioskToken = newToken();
    const kiosk = await this.db.getRepository(KioskDevice).save({
      deskId,
      agencyId: desk.agencyId,
      name,
      tokenHash: sha256(kioskToken),
      active: true,
      createdBy: p.userId,
    });
    this.cache.clear();
    await this.audit.record({
      actor: p,
      action: 'survey.kiosk.register',
      entityType: 'survey_kiosk',
      entityId: kiosk.id,
      agencyId: desk.agencyId,
      after: { deskId, name },
    });
    return { ...this.kioskView(kiosk), kioskToken };
  }

  async listKiosks(p: Principal, deskId?: number): Promise<KioskView[]> {
    const kiosks = await this.db
      .getRepository(KioskDevice)
      .find({ where: deskId ? { deskId } : {}, order: { id: 'ASC' } });
    return kiosks.filter((k) => canReachAgency(p, k.agencyId)).map((k) => this.kioskView(k));
  }

  async revokeKiosk(p: Principal, id: number): Promise<KioskView> {
    const kiosk = await this.db.getRepository(KioskDevice).findOneBy({ id });
    if (!kiosk) throw notFound('Kiosk', id);
    if (!canReachAgency(p, kiosk.agencyId)) throw forbidden('This kiosk is not at your agency');
    await this.db.getRepository(KioskDevice).update({ id }, { active: false });
    this.cache.clear();
    await this.audit.record({
      actor: p,
      action: 'survey.kiosk.revoke',
      entityType: 'survey_kiosk',
      entityId: id,
      agencyId: kiosk.agencyId,
    });
    return { ...this.kioskView(kiosk), active: false };
  }

  /** A QR page load: a fresh one-visit token for the desk's open survey. */
  async visitByPublicCode(code: string, ip: string): Promise<VisitView> {
    const desk = await this.cache.get(`desk-code:${code}`, () =>
      this.db.getRepository(ServiceDesk).findOneBy({ publicCode: code }),
    );
    if (!desk || !desk.active) {
      throw new DomainError(
        'SURVEY_DESK_UNKNOWN',
        'This survey link is not in use; ask the desk for the current one',
        'not_found',
      );
    }
    return this.issue(desk, 'qr', { kind: 'address', ip });
  }

  /** A kiosk reset: a fresh one-visit token for the next respondent. */
  async visitByKiosk(kioskToken: string, ip: string): Promise<VisitView> {
    const hash = sha256(kioskToken);
    const kiosk = await this.cache.get(`kiosk:${hash}`, () =>
      this.db.getRepository(KioskDevice).findOneBy({ tokenHash: hash }),
    );
    if (!kiosk || !kiosk.active) {
      await this.badTokens.consume(ip);
      throw new DomainError(
        'SURVEY_KIOSK_UNKNOWN',
        'This kiosk is not registered or was revoked; ask an organizer to register it',
        'unauthenticated',
      );
    }
    const desk = await this.cache.get(`desk:${kiosk.deskId}`, () =>
      this.db.getRepository(ServiceDesk).findOneByOrFail({ id: kiosk.deskId }),
    );
    if (!desk.active) throw new DomainError('SURVEY_DESK_UNKNOWN', 'This kiosk’s desk is deactivated', 'not_found');
    return this.issue(desk, 'kiosk', { kind: 'kiosk', kioskId: kiosk.id });
  }

  /** Stores one response, spending its visit token; every answer is checked against the survey's form version. */
  async submit(dto: SubmitResponseDto, ip: string): Promise<ResponseReceipt> {
    const token = decodeVisitToken(dto.visitToken, this.mac, timingSafeEqual);
    if (!token) {
      await this.badTokens.consume(ip);
      throw new DomainError(
        'SURVEY_TOKEN_UNKNOWN',
        'This form was not issued by a desk of the survey; scan the desk’s QR code again',
        'not_found',
      );
    }
    const tokenHash = sha256(dto.visitToken);
    const now = new Date();
    const expiresAt = visitTokenExpiry(token.source, token.issuedAt);
    if (this.spent.has(tokenHash)) throw tokenUsed();
    if (now.getTime() >= expiresAt.getTime()) {
      // A spent token is reported as used even after it expires: the respondent learns the real reason.
      if (await this.db.getRepository(VisitToken).existsBy({ tokenHash })) throw tokenUsed();
      throw new DomainError(
        'SURVEY_TOKEN_EXPIRED',
        'This form was opened too long ago; reload the page to start again',
        'gone',
      );
    }
    const survey = await this.cache.get(`survey:${token.surveyId}`, () =>
      this.db.getRepository(Survey).findOneBy({ id: token.surveyId }),
    );
    if (!survey) throw new DomainError('SURVEY_CLOSED', 'The survey no longer exists', 'gone', { state: 'none' });
    this.assertOpen(survey, now);
    const device: Device = token.kioskId ? { kind: 'kiosk', kioskId: token.kioskId } : { kind: 'address', ip };
    await this.limiter('submit-device', survey.deviceRatePerMinute).consume(deviceKey(device));

    const def = await this.forms.definition(survey.formVersionId);
    const checked = checkAnswers(def.questions, dto.answers);
    if (checked.problems.length) {
      throw new DomainError(
        'SURVEY_ANSWER_INVALID',
        `Some answers cannot be accepted: ${checked.problems.join('; ')}`,
        'invalid',
        {
          problems: checked.problems,
        },
      );
    }
    if (dto.procedureId !== undefined) {
      const procedure = (await this.desks.procedures()).find((x) => x.id === dto.procedureId);
      if (
        !procedure &&
        !(await this.db.getRepository(SurveyProcedure).existsBy({ id: dto.procedureId, active: true }))
      ) {
        throw new DomainError('SURVEY_PROCEDURE_UNKNOWN', 'Choose the procedure from the list', 'invalid');
      }
    }
    const contact = dto.contact?.consent === true ? dto.contact : undefined;

    this.markSpent(tokenHash, expiresAt.getTime(), now.getTime());
    let outcome: 'stored' | 'spent';
    try {
      outcome = await this.writer.write({
        token: {
          tokenHash,
          surveyId: survey.id,
          deskId: token.deskId,
          agencyId: token.agencyId,
          source: token.source,
          kioskId: token.kioskId,
          issuedAt: token.issuedAt,
          expiresAt,
          usedAt: now,
        },
        response: {
          surveyId: survey.id,
          formId: survey.formId,
          formVersionId: survey.formVersionId,
          deskId: token.deskId,
          agencyId: token.agencyId,
          source: token.source,
          respondentType: dto.respondentType ?? null,
          procedureId: dto.procedureId ?? null,
          contactName: contact?.name?.trim() || null,
          contactPhone: contact?.phone?.trim() || null,
          contactEmail: contact?.email?.trim() || null,
          submittedAt: now,
        },
        answers: checked.answers.map((a) => ({
          formId: survey.formId,
          formVersionId: survey.formVersionId,
          questionId: a.questionId,
          questionKey: a.questionKey,
          sectionKey: a.sectionKey,
          deskId: token.deskId,
          agencyId: token.agencyId,
          submittedAt: now,
          type: a.type,
          value: a.value,
          choice: a.choice,
          text: a.text,
        })),
      });
    } catch (e) {
      // Not stored: the respondent may send again with the same token.
      this.spent.delete(tokenHash);
      throw e;
    }
    if (outcome === 'spent') throw tokenUsed();
    return { accepted: true, receivedAt: now };
  }

  private async issue(desk: ServiceDesk, source: VisitSource, device: Device): Promise<VisitView> {
    const now = new Date();
    const survey = await this.openSurveyOf(desk.id, now);
    await this.limiter('visit-desk', survey.deskRatePerMinute).consume(`desk:${desk.id}`);
    await this.limiter('visit-device', survey.deviceRatePerMinute).consume(deviceKey(device));
    const def = await this.forms.definition(survey.formVersionId);
    const claims: VisitClaims = {
      nonce: randomBytes(12),
      source,
      surveyId: survey.id,
      deskId: desk.id,
      agencyId: desk.agencyId,
      kioskId: device.kind === 'kiosk' ? device.kioskId : null,
      issuedAt: now,
    };
    // Nothing is written for a visit: the signed token carries it to the response.
    const visitToken = encodeVisitToken(claims, this.mac);
    const expiresAt = visitTokenExpiry(source, now);
    return {
      visitToken,
      expiresAt,
      survey: { id: survey.id, name: survey.name, closesAt: survey.closesAt },
      desk: { id: desk.id, name: desk.name, agencyId: desk.agencyId },
      form: def.view,
      procedures: await this.desks.procedures(),
      scaleLabels: SCALE_LABELS,
    };
  }

  /** The survey the desk takes part in now; SURVEY_CLOSED with the reason when there is none. */
  private async openSurveyOf(deskId: number, now: Date): Promise<Survey> {
    const surveys = await this.cache.get(`desk-surveys:${deskId}`, async () => {
      const links = await this.db.getRepository(SurveyDeskLink).findBy({ deskId });
      return links.length ? this.db.getRepository(Survey).findBy({ id: In(links.map((l) => l.surveyId)) }) : [];
    });
    const open = surveys.filter((s) => windowState(s, now) === 'open').sort((a, b) => b.id - a.id)[0];
    if (open) return open;
    const paused = surveys.find((s) => windowState({ ...s, active: true }, now) === 'open');
    if (paused) this.assertOpen(paused, now);
    const next = surveys
      .filter((s) => s.active && s.opensAt.getTime() > now.getTime())
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
    if (next) this.assertOpen(next, now);
    throw new DomainError('SURVEY_CLOSED', 'No survey is taking responses at this desk now', 'gone', { state: 'none' });
  }

  private assertOpen(survey: Survey, now: Date): void {
    const state = windowState(survey, now);
    if (state === 'open') return;
    const details = { state, opensAt: survey.opensAt, closesAt: survey.closesAt };
    if (state === 'not_started') {
      throw new DomainError(
        'SURVEY_CLOSED',
        `The survey opens at ${survey.opensAt.toISOString()}`,
        'conflict',
        details,
      );
    }
    if (state === 'paused') throw new DomainError('SURVEY_CLOSED', 'The survey is paused', 'conflict', details);
    throw new DomainError('SURVEY_CLOSED', `The survey closed at ${survey.closesAt.toISOString()}`, 'gone', details);
  }

  /** Remembers a spent token until it expires; forgets expired ones once a minute. */
  private markSpent(hash: string, expiresAtMs: number, nowMs: number): void {
    this.spent.set(hash, expiresAtMs);
    if (nowMs - this.spentSweepAt < 60_000) return;
    this.spentSweepAt = nowMs;
    for (const [h, exp] of this.spent) if (exp <= nowMs) this.spent.delete(h);
  }

  private limiter(name: string, perMinute: number): RateLimit {
    const key = `${name}:${perMinute}`;
    let l = this.limiters.get(key);
    if (!l) {
      l = new RateLimit(`survey-${key}`, perMinute, 60);
      this.limiters.set(key, l);
    }
    return l;
  }

  private kioskView(k: KioskDevice): KioskView {
    return { id: k.id, deskId: k.deskId, agencyId: k.agencyId, name: k.name, active: k.active };
  }
}
