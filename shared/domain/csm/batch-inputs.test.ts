import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCustomerAt } from './assess-customer.ts';
import { DEFAULT_CHURN_MODEL, predictChurn } from './churn.ts';
import { assessmentClock } from './customer-inputs.ts';
import { calendarDate } from './dates.ts';
import { DEFAULT_HEALTH_CONFIG } from './health-config.ts';
import { detectInsights } from './insights.ts';
import {
  compileNeeds,
  DEFAULT_NEEDS,
  findCompiledNeedMentions,
  findNeedMentions,
  mentionsCompiledNeed,
  mentionsNeed,
  normalizeText,
  tokenizeSentences,
} from './needs.ts';
import { detectRisks } from './risk.ts';
import { nextAtRiskSince } from './risk-portfolio.ts';
import { AGENCIA_DIGITAL_RISK, CONSULTORIA_DEF_RISK, SEED_NOW, STARTUP_XYZ_RISK } from './seed-fixtures.ts';
import { DOCS_NOW, startupXyzDocs } from './test-docs.ts';

/**
 * The batch forms of the rules (a server recompute of 100,000 customers computes the calendar day and compiles
 * the needs catalogue once) give exactly what the one-call forms give.
 */

const ZONES = ['America/Sao_Paulo', 'America/Manaus', 'UTC', 'Asia/Tokyo'] as const;
// Instants around midnight in each zone, so a wrong `today` would show.
const INSTANTS = [SEED_NOW, new Date('2026-03-01T02:30:00Z'), new Date('2026-12-31T23:59:59Z')];

describe('a precomputed `today` gives the same results as computing it', () => {
  for (const timeZone of ZONES)
    for (const now of INSTANTS) {
      const today = calendarDate(now, timeZone);
      it(`${timeZone} at ${now.toISOString()} (${today})`, () => {
        for (const input of [STARTUP_XYZ_RISK, AGENCIA_DIGITAL_RISK, CONSULTORIA_DEF_RISK])
          expect(detectRisks(input, now, { timeZone, today })).toEqual(detectRisks(input, now, { timeZone }));
        const features = {
          healthScore: 45,
          usageTrend: -0.4,
          daysSinceLastLogin: 12,
          ticketsLast30: 6,
          npsScore: 4,
          tenureMonths: 8,
          latePaymentsLast12: 2,
        };
        const context = { renewalDate: '2026-04-10', timeZone };
        expect(predictChurn(DEFAULT_CHURN_MODEL, features, now, { ...context, today })).toEqual(
          predictChurn(DEFAULT_CHURN_MODEL, features, now, context),
        );
        const insight = { customerSince: '2024-01-15', npsScore: 9, healthScore: 91 };
        expect(detectInsights(insight, now, { timeZone, today })).toEqual(
          detectInsights(insight, now, { timeZone }),
        );
        expect(nextAtRiskSince(null, 'warning', now, timeZone, today)).toBe(
          nextAtRiskSince(null, 'warning', now, timeZone),
        );
      });
    }
});

describe('needs: the compiled catalogue finds what the plain functions find', () => {
  const words = [
    'SEO',
    'seo',
    'tráfego',
    'pago',
    'não',
    'tem',
    'interesse',
    'em',
    'querem',
    'e-mail',
    'marketing',
    'Loja',
    'virtual',
    'orçamento',
    'Instagram',
    'blog',
    'crm',
    'São',
    'Paulo',
    '.',
    '!',
    '\n',
    'licenças',
  ];
  const textArb = fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' '));

  it('findCompiledNeedMentions ≡ findNeedMentions, mentionsCompiledNeed ≡ mentionsNeed', () => {
    const compiled = compileNeeds(DEFAULT_NEEDS);
    fc.assert(
      fc.property(textArb, (text) => {
        expect(findCompiledNeedMentions(tokenizeSentences(text), compiled)).toEqual(findNeedMentions(text));
        const tokens = normalizeText(text).split(' ');
        DEFAULT_NEEDS.forEach((need, i) =>
          expect(mentionsCompiledNeed(tokens, compiled[i]!)).toBe(mentionsNeed(text, need)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('normalizeText: ASCII and accented text alike', () => {
    expect(normalizeText('E-MAIL Marketing!!  now')).toBe('e mail marketing now');
    expect(normalizeText('Ação — Orçamento')).toBe('acao orcamento');
  });
});

describe('assessCustomerAt with the stored document as `previous`', () => {
  const clock = assessmentClock(DOCS_NOW, 'America/Sao_Paulo');
  const later = assessmentClock(new Date(DOCS_NOW.getTime() + 3_600_000), 'America/Sao_Paulo');

  it('a risk factor still present keeps the instant it was first detected; a new one gets now', () => {
    const docs = startupXyzDocs();
    const first = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, clock).health!;
    expect(first.riskFactors.every((f) => f.detectedAt === DOCS_NOW.toISOString())).toBe(true);
    const dropped = first.riskFactors.slice(1);
    const again = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, later, {
      previous: { ...first, riskFactors: dropped },
    }).health!;
    expect(again.riskFactors.map((f) => f.type)).toEqual(first.riskFactors.map((f) => f.type));
    expect(again.riskFactors.map((f) => f.detectedAt)).toEqual([
      later.now.toISOString(),
      ...dropped.map(() => DOCS_NOW.toISOString()),
    ]);
  });

  it('the same documents an hour later give the same document but for computedAt', () => {
    const docs = startupXyzDocs();
    const first = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, clock).health!;
    const again = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, later, { previous: first }).health!;
    expect({ ...again, computedAt: first.computedAt }).toEqual(first);
  });
});
