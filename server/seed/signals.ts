import { recommend } from '../../shared/domain/csm/recommendations.ts';
import type { RiskAssessment } from '../../shared/domain/csm/risk.ts';
import { riskAlertDraft } from '../../shared/domain/csm/signals.ts';
import type { Health, RiskFactor, Signal } from '../../shared/entities/csm.ts';
import { plainText } from '../../shared/entities/domain-text.ts';
import { lifecycleStamps } from '../../shared/domain/csm/alert-lifecycle.ts';
import { DAY_MS, HOUR_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { NEED_MENTIONS, SERVICES } from './vocabulary.ts';

const ACTED_AFTER_MS = 26 * HOUR_MS;

type SignalFields = Omit<
  Signal,
  'id' | 'updatedAt' | 'serverSeq' | 'clientUpdatedAt' | 'customerId' | 'createdAt'
>;

const BLANK: Pick<
  SignalFields,
  | 'riskScore'
  | 'riskFactors'
  | 'recommendation'
  | 'suggestedActions'
  | 'estimatedValueCents'
  | 'mrrAtRiskCents'
  | 'probability'
  | 'resolutionNotes'
  | 'resolvedAt'
  | 'resolvedBy'
  | 'acknowledgedAt'
  | 'startedAt'
  | 'dismissReason'
> = {
  riskScore: null,
  riskFactors: [],
  recommendation: null,
  suggestedActions: [],
  estimatedValueCents: null,
  mrrAtRiskCents: null,
  probability: null,
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
  acknowledgedAt: null,
  startedAt: null,
  dismissReason: null,
};

function signalPusher(b: BuiltCustomer, signals: Signal[]) {
  const { rng, org } = b;
  const { cal } = org;
  return (createdMs: number, fields: SignalFields) => {
    // Signals past their open phase were first acted upon a day after they appeared (or now, if sooner):
    // the lifecycle's first-time stamps, as a CSM's move would have set them (docs/domain.md §6).
    const actedMs = Math.min(createdMs + ACTED_AFTER_MS, cal.nowMs);
    signals.push({
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      customerId: b.id,
      ...fields,
      ...lifecycleStamps(null, fields, cal.iso(actedMs)),
      createdAt: cal.iso(createdMs),
    });
  };
}

/**
 * Risk alerts (one open or acknowledged alert per at-risk customer, some resolved ones in the past) and insights
 * (advocacy), which follow the customer's health.
 */
export function buildAlertSignals(
  b: BuiltCustomer,
  result: { health: Health; risk: RiskAssessment },
): Signal[] {
  const { rng, org, customer, facts, plan } = b;
  const { cal } = org;
  const signals: Signal[] = [];
  const push = signalPusher(b, signals);
  if (plan.profile === 'churned') return signals;
  const { risk, health } = result;

  if (risk.riskLevel !== 'none') {
    // The alert the server's job writes: the shared draft with the shared recommendation and actions.
    const draft = riskAlertDraft(risk, recommend(risk), customer.mrrCents, health.churnProbability)!;
    const acknowledged = facts ? facts.key === 'agencia' : rng.chance(0.3);
    const since = health.atRiskSince ? cal.dayOf(health.atRiskSince) : cal.today;
    push(cal.at(since, 7, 30), {
      ...BLANK,
      ...draft,
      status: acknowledged ? 'acknowledged' : 'open',
    });
  } else if (plan.profile === 'healthy' && rng.chance(0.08) && cal.today - b.sinceDay > 200) {
    const createdMs = cal.at(cal.today - rng.int(100, 190), 8);
    const detectedAt = cal.iso(createdMs);
    const riskFactors: RiskFactor[] = [
      {
        type: 'usage_drop',
        description: { code: 'risk.usageDrop', params: { percent: 55 } },
        impact: -25,
        detectedAt,
      },
      {
        type: 'no_executive_engagement',
        description: { code: 'risk.noExecutive', params: { days: 34 } },
        impact: -15,
        detectedAt,
      },
    ];
    const past: RiskAssessment = { riskScore: 60, riskLevel: 'warning', riskFactors };
    push(createdMs, {
      ...BLANK,
      ...riskAlertDraft(past, recommend(past), customer.mrrCents, rng.int(30, 55))!,
      status: 'resolved',
      // What the CSM wrote when resolving it (a person's words, kept as written).
      resolutionNotes: 'Treinamento de reativação feito com o time; uso voltou ao normal em três semanas.',
      resolvedAt: cal.iso(createdMs + rng.int(15, 40) * DAY_MS),
      resolvedBy: b.owner.id,
    });
  }

  const tenureMonths = Math.floor((cal.today - b.sinceDay) / 30.44);
  if (
    health.score >= 80 &&
    b.nps.latest >= 9 &&
    tenureMonths >= 12 &&
    // The named customers' insights are the shared rule's own (health.ts `detected`).
    !facts &&
    rng.chance(0.5)
  ) {
    push(cal.nowMs - rng.int(1, 10) * DAY_MS, {
      ...BLANK,
      kind: 'insight',
      subtype: 'advocacy',
      status: 'new',
      title: { code: 'insight.advocacyTitle', params: {} },
      description: {
        code: 'insight.advocacyDescription',
        params: { nps: b.nps.latest, health: health.score, months: tenureMonths },
      },
      source: 'rule',
      probability: 90,
      recommendation: { code: 'rec.advocacy', params: {} },
    });
  }
  return signals;
}

/**
 * Expansion opportunities (seat use above 85 %, needs mentioned in notes, TechCorp's HR module): inputs of the
 * health score's upsell potential, so they are built before it.
 */
export function buildExpansionSignals(b: BuiltCustomer): Signal[] {
  const { rng, org, customer, facts, plan } = b;
  const { cal } = org;
  const signals: Signal[] = [];
  const push = signalPusher(b, signals);
  if (plan.profile === 'churned') return signals;
  const license = customer.contracts.find((c) => c.status === 'active')?.items[0];
  const seatShare = customer.totalSeats > 0 ? customer.activeUsers / customer.totalSeats : 0;
  if (seatShare > 0.85 && license) {
    const extraSeats = Math.max(5, Math.round(customer.totalSeats * 0.2));
    const perSeat = Math.round(license.unitPriceCents / Math.max(1, customer.totalSeats));
    push(cal.nowMs - rng.int(1, 20) * DAY_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'expansion',
      status: rng.weighted([
        ['identified', 6],
        ['contacted', 3],
        ['negotiating', 1],
      ] as const),
      title: { code: 'expansion.seatTitle', params: {} },
      description: {
        code: 'expansion.seatUsage',
        params: {
          percent: Math.round(seatShare * 100),
          active: customer.activeUsers,
          seats: customer.totalSeats,
        },
      },
      source: 'usage_trigger',
      estimatedValueCents: extraSeats * perSeat,
      probability: 80,
      recommendation: {
        code: 'rec.proposeSeats',
        params: { seats: extraSeats, valueCents: extraSeats * perSeat },
      },
    });
  }
  for (const need of b.mentionedNeeds) {
    const service = SERVICES.find((s) => s.need === need);
    if (!service) continue;
    push(cal.nowMs - rng.int(1, 30) * DAY_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'cross_sell',
      status: rng.weighted([
        ['identified', 5],
        ['contacted', 3],
        ['negotiating', 1],
        ['won', 1],
      ] as const),
      title: { code: 'expansion.crossSellTitle', params: { need: service.name } },
      // What the customer said, as a CSM noted it.
      description: plainText(rng.pick(NEED_MENTIONS[need])),
      source: 'ai_detected',
      estimatedValueCents: Math.round((customer.mrrCents * rng.float(0.2, 0.35)) / 5_000) * 5_000,
      probability: rng.int(35, 70),
    });
  }
  if (facts?.key === 'techcorp') {
    push(cal.nowMs - 2 * DAY_MS + HOUR_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'upsell',
      status: 'identified',
      // The seed's own opportunity, written by a CSM (customers spec §2.2): shown as written in every language.
      title: plainText('Módulo de RH'),
      description: plainText(
        'Cliente mencionou interesse em módulo de RH. Usuários ativos chegando a 85% da capacidade. Potencial de upsell: R$ 1.500/mês.',
      ),
      source: 'ai_detected',
      estimatedValueCents: 150_000,
      probability: 65,
      recommendation: plainText('Agendar demonstração do módulo de RH com o CEO e o time de Operações.'),
    });
  }

  return signals;
}
