import { z } from 'zod';
import {
  riskFactorSchema,
  suggestedActionSchema,
  type RiskFactor,
  type SuggestedAction,
} from '../../entities/csm.ts';
import type { RiskFactorType, RiskLevel } from './risk.ts';

/**
 * Template-based pt-BR recommendations and suggested actions from risk factors (customers spec §2.4, §5.2;
 * DESIGN §7). Works offline; the server may have an LLM rewrite the text when one is configured.
 *
 * Risk factors are grouped in four themes — re-engagement (login, usage, e-mails), value & renewal (renewal,
 * executive, seat use), relationship (contact left, NPS) and support (tickets). A theme weighs the sum of its
 * factors' points. The recommendation is the heaviest theme's text, plus the second one's when it weighs at
 * least half as much (so one dominant problem gets one clear message). Every theme present contributes its
 * actions. An action's `estimatedImpact` is the risk points of the factors it addresses (what the risk score
 * would recover if they went away); priorities follow the risk level: the main action of the main theme is
 * urgent when critical, high when warning.
 */

type Theme = 'reengagement' | 'value' | 'relationship' | 'support';
const THEMES: Record<Theme, readonly RiskFactorType[]> = {
  reengagement: ['no_login', 'usage_drop', 'unanswered_emails'],
  value: ['renewal_soon', 'no_executive_engagement', 'low_capacity_usage'],
  relationship: ['main_contact_left', 'nps_drop'],
  support: ['ticket_surge', 'stale_ticket'],
};
const THEME_ORDER = Object.keys(THEMES) as Theme[];
/** A second theme is mentioned when it weighs at least this share of the first. */
export const SECOND_THEME_MIN_SHARE = 0.5;

/** Not strict: a `RiskAssessment` (or a stored `health` document) can be passed as is. */
export const recommendationInputSchema = z.object({
  riskLevel: z.enum(['none', 'warning', 'critical']),
  riskFactors: z.array(riskFactorSchema),
});
export type RecommendationInput = z.input<typeof recommendationInputSchema>;

export interface Recommendation {
  /** pt-BR text for the "AI Recommendation" box. */
  recommendation: string;
  /** Ordered: priority (urgent → low), then estimated impact. */
  suggestedActions: SuggestedAction[];
}

interface Ctx {
  level: RiskLevel;
  has: (t: RiskFactorType) => boolean;
  describe: (t: RiskFactorType) => string;
}

const NPS_CHANGE = /de (\d+) para (\d+)/;
const DAYS = /há (\d+) dias/;

const TEXT: Record<Theme, (c: Ctx) => string> = {
  reengagement: (c) => {
    if (c.has('no_login') || c.has('usage_drop')) {
      return c.level === 'critical'
        ? 'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.'
        : 'Agendar call de acompanhamento para entender a queda de uso e oferecer treinamento para reengajamento.';
    }
    return `Trocar de canal e ligar para o contato principal (${c.describe('unanswered_emails').toLowerCase()}).`;
  },
  value: (c) => {
    const adoption = c.has('low_capacity_usage') ? ' e propor treinamento para aumentar adoção.' : '.';
    if (c.has('renewal_soon') && (c.has('no_executive_engagement') || c.has('low_capacity_usage'))) {
      return `Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI${adoption}`;
    }
    if (c.has('no_executive_engagement'))
      return `Agendar reunião com o decisor para demonstrar ROI${adoption}`;
    if (c.has('renewal_soon')) {
      return 'Preparar a renovação com antecedência: revisar os resultados entregues e confirmar o interesse do cliente.';
    }
    return 'Propor treinamento para aumentar a adoção e ativar as licenças ociosas.';
  },
  relationship: (c) => {
    const nps = c.has('nps_drop') ? c.describe('nps_drop').match(NPS_CHANGE) : null;
    const npsText = nps ? `(de ${nps[1]} para ${nps[2]})` : '';
    if (c.has('main_contact_left')) {
      return `Apresentar-se ao novo contato principal e reconstruir o relacionamento${nps ? `, entendendo a queda do NPS ${npsText}` : ''}.`;
    }
    return `Ligar para entender a queda do NPS ${npsText} e tratar os pontos de insatisfação.`;
  },
  support: (c) => {
    const stale = c.has('stale_ticket') ? c.describe('stale_ticket').match(DAYS) : null;
    return (
      'Revisar os tickets de suporte com o time técnico' +
      (stale ? ` e resolver o ticket parado há ${stale[1]} dias` : '') +
      (c.has('ticket_surge') ? ' para reduzir o volume de chamados' : '') +
      '.'
    );
  },
};

interface ActionTemplate {
  action: Omit<SuggestedAction, 'priority' | 'estimatedImpact'>;
  /** Factors this action addresses (its estimated impact is their points). */
  addresses: readonly RiskFactorType[];
  primary: boolean;
}

const ACTIONS: Record<Theme, (c: Ctx) => ActionTemplate[]> = {
  reengagement: (c) => {
    const usage = c.has('no_login') || c.has('usage_drop');
    if (!usage) {
      return [
        {
          action: {
            type: 'call',
            title: 'Ligar para o contato principal',
            description:
              'O cliente não responde aos e-mails: trocar de canal e confirmar se a mensagem está chegando.',
          },
          addresses: ['unanswered_emails'],
          primary: true,
        },
      ];
    }
    return [
      {
        action: {
          type: 'call',
          title: c.level === 'critical' ? 'Ligar agora' : 'Ligar para o cliente',
          description: 'Call para entender a queda de uso e o risco de cancelamento.',
        },
        addresses: ['no_login', 'usage_drop', 'unanswered_emails'],
        primary: true,
      },
      {
        action: {
          type: 'email',
          title: 'Enviar e-mail de reengajamento',
          description: 'Mostrar resultados recentes e novidades e convidar para uma sessão de treinamento.',
        },
        addresses: ['no_login', 'usage_drop', 'unanswered_emails'],
        primary: false,
      },
      {
        action: {
          type: 'training',
          title: 'Oferecer treinamento gratuito',
          description: 'Sessão de treinamento gratuita para a equipe do cliente voltar a usar a plataforma.',
        },
        addresses: ['no_login', 'usage_drop'],
        primary: false,
      },
    ];
  },
  value: (c) => {
    const out: ActionTemplate[] = [];
    const decisionMaker = c.has('renewal_soon') || c.has('no_executive_engagement');
    if (decisionMaker) {
      out.push(
        {
          action: {
            type: 'meeting',
            title: c.has('renewal_soon') ? 'Agendar QBR com o decisor' : 'Agendar reunião com o decisor',
            description: c.has('renewal_soon')
              ? 'Revisão com o decisor antes da renovação: resultados, ROI e próximos passos.'
              : 'Reunião com o decisor: resultados, ROI e próximos passos.',
          },
          addresses: ['renewal_soon', 'no_executive_engagement', 'low_capacity_usage'],
          primary: true,
        },
        {
          action: {
            type: 'task',
            title: 'Gerar relatório de ROI',
            description: 'Consolidar os resultados entregues para apresentar ao decisor.',
          },
          addresses: ['renewal_soon', 'no_executive_engagement'],
          primary: false,
        },
      );
    }
    if (c.has('low_capacity_usage')) {
      out.push({
        action: {
          type: 'training',
          title: 'Propor treinamento de adoção',
          description: 'Treinar os usuários e ativar as licenças ociosas.',
        },
        addresses: ['low_capacity_usage'],
        primary: !decisionMaker,
      });
    }
    if (c.has('renewal_soon') && c.level === 'critical') {
      out.push({
        action: {
          type: 'discount',
          title: 'Avaliar condição comercial na renovação',
          description: 'Considerar desconto ou condição especial vinculada à renovação.',
        },
        addresses: ['renewal_soon'],
        primary: false,
      });
    }
    return out;
  },
  relationship: (c) => [
    c.has('main_contact_left')
      ? {
          action: {
            type: 'call',
            title: 'Ligar para o novo contato',
            description: 'Apresentar-se, entender as prioridades e reconstruir o relacionamento.',
          },
          addresses: ['main_contact_left', 'nps_drop'],
          primary: true,
        }
      : {
          action: {
            type: 'call',
            title: 'Ligar para entender a queda do NPS',
            description: 'Ouvir os motivos da nota e combinar um plano para os pontos de insatisfação.',
          },
          addresses: ['nps_drop'],
          primary: true,
        },
  ],
  support: () => [
    {
      action: {
        type: 'task',
        title: 'Revisar tickets com o suporte',
        description: 'Revisar os tickets abertos, priorizar os parados e tratar a causa raiz.',
      },
      addresses: ['ticket_surge', 'stale_ticket'],
      primary: true,
    },
  ],
};

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
/** Index into PRIORITIES of the main action of the main theme, per level; each step down is one lower. */
const TOP_PRIORITY: Record<RiskLevel, number> = { critical: 0, warning: 1, none: 2 };
/** Actions listed at most. */
export const MAX_ACTIONS = 6;

export function recommend(input: RecommendationInput): Recommendation {
  const { riskLevel, riskFactors } = recommendationInputSchema.parse(input);
  const byType = new Map<string, RiskFactor>(riskFactors.map((f) => [f.type, f]));
  const ctx: Ctx = {
    level: riskLevel,
    has: (t) => byType.has(t),
    describe: (t) => byType.get(t)?.description ?? '',
  };
  const points = (types: readonly RiskFactorType[]) =>
    types.reduce((s, t) => s + Math.abs(byType.get(t)?.impact ?? 0), 0);

  const themes = THEME_ORDER.map((t) => ({ theme: t, weight: points(THEMES[t]) }))
    .filter((t) => THEMES[t.theme].some((f) => byType.has(f)))
    .sort((a, b) => b.weight - a.weight || THEME_ORDER.indexOf(a.theme) - THEME_ORDER.indexOf(b.theme));

  if (themes.length === 0) {
    return {
      recommendation: 'Nenhum fator de risco ativo. Manter a cadência normal de acompanhamento.',
      suggestedActions: [],
    };
  }
  const [first, second] = themes as [(typeof themes)[0], ...(typeof themes)[0][]];
  const mentioned =
    second && second.weight >= first.weight * SECOND_THEME_MIN_SHARE ? [first, second] : [first];
  const recommendation = mentioned.map((t) => TEXT[t.theme](ctx)).join(' ');

  const base = TOP_PRIORITY[riskLevel];
  const ranked = themes.flatMap((t, themeIndex) =>
    ACTIONS[t.theme](ctx).map((a) => ({
      rank: Math.min(3, base + (themeIndex === 0 ? 0 : 1) + (a.primary ? 0 : 1)),
      action: { ...a.action, estimatedImpact: Math.min(100, points(a.addresses)) },
    })),
  );
  ranked.push({
    rank: riskLevel === 'critical' ? 2 : 3,
    action: {
      type: 'task',
      title: 'Criar tarefa de acompanhamento',
      description: 'Registrar o plano de ação e revisar o risco deste cliente em 7 dias.',
      estimatedImpact: 0,
    },
  });
  const suggestedActions = ranked
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => a.rank - b.rank || b.action.estimatedImpact - a.action.estimatedImpact || a.i - b.i)
    .slice(0, MAX_ACTIONS)
    .map((r) => suggestedActionSchema.parse({ ...r.action, priority: PRIORITIES[r.rank] }));
  return { recommendation, suggestedActions };
}
