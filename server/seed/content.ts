import type { Content } from '../../shared/entities/portal.ts';
import { DAY_MS, HOUR_MS } from './clock.ts';
import type { OrgContext } from './context.ts';
import { createRng, deriveSeed } from './random.ts';
import { slugify } from './vocabulary.ts';

interface ContentSeed {
  kind: Content['kind'];
  title: string;
  category: string;
  minutes: number | null;
  difficulty: Content['difficulty'];
  industry?: string;
  excerpt: string;
  /** Days before now it was published (events: days until it starts; negative = past). */
  age: number;
}

/** The dashboard seed's content hub (§6): trending articles, the fashion case study, the two events. */
const ARCO_CONTENT: readonly ContentSeed[] = [
  {
    kind: 'article',
    title: 'Como otimizar Google Ads',
    category: 'ads',
    minutes: 15,
    difficulty: 'intermediate',
    excerpt: 'Estrutura de conta, palavras-chave negativas e lances automáticos sem desperdiçar orçamento.',
    age: 12,
  },
  {
    kind: 'article',
    title: 'Estratégias de Remarketing',
    category: 'ads',
    minutes: 10,
    difficulty: 'intermediate',
    excerpt: 'Listas de público, janelas de conversão e frequência ideal para trazer o visitante de volta.',
    age: 20,
  },
  {
    kind: 'article',
    title: 'SEO para E-commerce',
    category: 'seo',
    minutes: 20,
    difficulty: 'advanced',
    excerpt: 'Páginas de categoria, dados estruturados e conteúdo que ranqueia produtos no Google.',
    age: 3,
  },
  {
    kind: 'article',
    title: 'Guia de Google Analytics 4 para iniciantes',
    category: 'analytics',
    minutes: 12,
    difficulty: 'beginner',
    excerpt: 'Eventos, conversões e os relatórios que realmente importam no GA4.',
    age: 45,
  },
  {
    kind: 'article',
    title: 'Como criar landing pages que convertem',
    category: 'conversion',
    minutes: 14,
    difficulty: 'beginner',
    excerpt: 'Título, prova social e formulário curto: o básico que dobra a conversão.',
    age: 60,
  },
  {
    kind: 'article',
    title: 'E-mail marketing: segmentação que funciona',
    category: 'email',
    minutes: 9,
    difficulty: 'beginner',
    excerpt: 'Segmente por comportamento e aumente a taxa de abertura sem enviar mais e-mails.',
    age: 75,
  },
  {
    kind: 'article',
    title: 'Meta Ads: públicos semelhantes na prática',
    category: 'ads',
    minutes: 11,
    difficulty: 'intermediate',
    excerpt: 'Como criar lookalikes a partir dos melhores clientes e testar tamanhos de público.',
    age: 90,
  },
  {
    kind: 'article',
    title: 'Como calcular o ROI das suas campanhas',
    category: 'strategy',
    minutes: 8,
    difficulty: 'beginner',
    excerpt: 'ROI, ROAS e CAC explicados com exemplos em reais.',
    age: 110,
  },
  {
    kind: 'article',
    title: 'Funil de vendas para negócios locais',
    category: 'strategy',
    minutes: 10,
    difficulty: 'beginner',
    excerpt: 'Do Google Meu Negócio ao WhatsApp: um funil simples que traz clientes da vizinhança.',
    age: 130,
  },
  {
    kind: 'article',
    title: 'Copywriting para anúncios',
    category: 'ads',
    minutes: 7,
    difficulty: 'beginner',
    excerpt: 'Fórmulas de título e chamada para ação que aumentam o CTR.',
    age: 150,
  },
  {
    kind: 'article',
    title: 'Métricas que importam: CAC, LTV e ROAS',
    category: 'analytics',
    minutes: 13,
    difficulty: 'intermediate',
    excerpt: 'Quais números acompanhar toda semana e como eles se relacionam.',
    age: 170,
  },
  {
    kind: 'article',
    title: 'SEO local: apareça no Google Maps',
    category: 'seo',
    minutes: 9,
    difficulty: 'beginner',
    excerpt: 'Perfil completo, avaliações e fotos: o que faz sua empresa aparecer no mapa.',
    age: 200,
  },
  {
    kind: 'article',
    title: 'Checklist de lançamento de campanhas',
    category: 'strategy',
    minutes: 6,
    difficulty: 'beginner',
    excerpt: 'Tudo o que conferir antes de apertar o botão "publicar".',
    age: 230,
  },
  {
    kind: 'video',
    title: 'Tutorial: relatórios no painel Arco',
    category: 'analytics',
    minutes: 8,
    difficulty: 'beginner',
    excerpt: 'Um tour de 8 minutos pelos relatórios do seu painel.',
    age: 35,
  },
  {
    kind: 'video',
    title: 'Configurando conversões no Google Ads',
    category: 'ads',
    minutes: 12,
    difficulty: 'intermediate',
    excerpt: 'Passo a passo para medir compras e leads corretamente.',
    age: 80,
  },
  {
    kind: 'video',
    title: 'Tendências de mídia paga para o próximo ano',
    category: 'strategy',
    minutes: 25,
    difficulty: 'intermediate',
    excerpt: 'Gravação do webinar com as tendências de mídia paga.',
    age: 140,
  },
  {
    kind: 'case_study',
    title: 'E-commerce de Moda (+340% vendas)',
    category: 'case',
    minutes: 6,
    difficulty: null,
    industry: 'E-commerce',
    excerpt: 'Estratégia: Google Shopping + Meta. Resultado: R$ 240K → R$ 1.05M/mês.',
    age: 25,
  },
  {
    kind: 'case_study',
    title: 'Clínica odontológica: 3x mais agendamentos',
    category: 'case',
    minutes: 5,
    difficulty: null,
    industry: 'Saúde',
    excerpt: 'Google Ads local e WhatsApp triplicaram as consultas em 4 meses.',
    age: 100,
  },
  {
    kind: 'event',
    title: '[LIVE] Estratégias',
    category: 'webinar',
    minutes: 60,
    difficulty: null,
    excerpt: 'Ao vivo: as estratégias de marketing digital que vão funcionar neste ano.',
    age: -1,
  },
  {
    kind: 'event',
    title: 'Workshop: Landing Pages',
    category: 'workshop',
    minutes: 120,
    difficulty: null,
    excerpt: 'Online e gratuito: construa e teste uma landing page do zero.',
    age: -11,
  },
  {
    kind: 'event',
    title: 'Webinar: Black Friday sem desperdício',
    category: 'webinar',
    minutes: 60,
    difficulty: null,
    excerpt: 'Como planejar orçamento e criativos para a Black Friday.',
    age: 30,
  },
];

const OUTRA_CONTENT: readonly ContentSeed[] = [
  {
    kind: 'article',
    title: 'Primeiros passos com anúncios locais',
    category: 'ads',
    minutes: 8,
    difficulty: 'beginner',
    excerpt: 'Como anunciar para o seu bairro gastando pouco.',
    age: 15,
  },
  {
    kind: 'article',
    title: 'Instagram para pequenos negócios',
    category: 'social',
    minutes: 10,
    difficulty: 'beginner',
    excerpt: 'Rotina semanal de posts que cabe na agenda do dono.',
    age: 40,
  },
  {
    kind: 'event',
    title: 'Oficina: fotos de produto com o celular',
    category: 'workshop',
    minutes: 90,
    difficulty: null,
    excerpt: 'Prática ao vivo com dicas de luz e enquadramento.',
    age: -6,
  },
];

function bodyOf(seed: ContentSeed): string {
  return [
    `# ${seed.title}`,
    '',
    seed.excerpt,
    '',
    '## Por onde começar',
    '',
    'Defina um objetivo mensurável antes de mexer em qualquer configuração: leads, vendas ou visitas. ' +
      'Depois, escolha uma métrica principal e acompanhe-a toda semana no painel.',
    '',
    '## Passo a passo',
    '',
    '1. Revise os dados dos últimos 30 dias e anote o ponto de partida.',
    '2. Faça uma mudança por vez e espere pelo menos uma semana para avaliar.',
    '3. Registre o que funcionou e compartilhe com o seu gerente de conta.',
    '',
    'Dúvidas? Abra um ticket pelo painel ou fale com o seu gerente de conta.',
  ].join('\n');
}

/** The organization's content hub: articles, videos, case studies and events (past and upcoming). */
export function buildContent(org: OrgContext): Content[] {
  const rng = createRng(deriveSeed(org.seed, org.key, 'content'));
  const { cal } = org;
  const seeds = org.key === 'arco' ? ARCO_CONTENT : OUTRA_CONTENT;
  return seeds.map((s) => {
    const isEvent = s.kind === 'event';
    // Events: the seed's "[LIVE] … Amanhã, 15h" and "Workshop … 15/10" (11 days after the seed's date).
    const startsMs = isEvent ? cal.at(cal.today - s.age, s.age === -1 ? 15 : 10) : null;
    const publishedMs = isEvent ? (startsMs as number) - 21 * DAY_MS : cal.at(cal.today - s.age, 9);
    const createdMs = Math.min(publishedMs, cal.nowMs - HOUR_MS);
    const title =
      s.title === '[LIVE] Estratégias' ? `[LIVE] Estratégias ${cal.monthOf(cal.today).year}` : s.title;
    const max = isEvent ? (s.age === -1 ? 100 : 50) : null;
    return {
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      kind: s.kind,
      title,
      slug: slugify(title),
      excerpt: s.excerpt,
      body: bodyOf({ ...s, title }),
      category: s.category,
      industry: s.industry ?? null,
      readingMinutes: isEvent ? null : s.minutes,
      difficulty: s.difficulty,
      publishedAt: cal.iso(createdMs),
      startsAt: startsMs === null ? null : cal.iso(startsMs),
      endsAt: startsMs === null ? null : cal.iso(startsMs + (s.minutes ?? 60) * 60_000),
      maxAttendees: max,
      // "[LIVE] … 12 vagas restantes"; past events show who attended.
      attendees: max === null ? 0 : s.age === -1 ? 88 : s.age < 0 ? rng.int(12, 30) : rng.int(40, max),
      meetingLink: isEvent ? `https://eventos.arco.example/${slugify(title)}` : null,
    };
  });
}
