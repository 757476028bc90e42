/**
 * pt-BR vocabulary for realistic demo data: people, companies, places and the agency's service catalogue.
 * Plain constant data (no state); every choice among these is made by a seeded `Rng`.
 */

export const FIRST_NAMES = [
  'Ana',
  'Beatriz',
  'Bruna',
  'Camila',
  'Carla',
  'Carolina',
  'Clara',
  'Daniela',
  'Eduarda',
  'Fernanda',
  'Gabriela',
  'Helena',
  'Isabela',
  'Juliana',
  'Larissa',
  'Letícia',
  'Luana',
  'Mariana',
  'Natália',
  'Patrícia',
  'Priscila',
  'Rafaela',
  'Renata',
  'Sabrina',
  'Tatiane',
  'Vanessa',
  'Vitória',
  'Aline',
  'Débora',
  'Lívia',
  'André',
  'Antônio',
  'Bruno',
  'Caio',
  'Diego',
  'Eduardo',
  'Felipe',
  'Fábio',
  'Gabriel',
  'Gustavo',
  'Henrique',
  'Igor',
  'Leonardo',
  'Lucas',
  'Marcelo',
  'Marcos',
  'Mateus',
  'Otávio',
  'Paulo',
  'Rafael',
  'Ricardo',
  'Rodrigo',
  'Sérgio',
  'Thiago',
  'Vinícius',
  'Wagner',
  'Caetano',
  'Renan',
  'Murilo',
  'Rogério',
] as const;

export const LAST_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Soares',
  'Fernandes',
  'Vieira',
  'Barbosa',
  'Rocha',
  'Dias',
  'Nascimento',
  'Andrade',
  'Moreira',
  'Nunes',
  'Marques',
  'Machado',
  'Mendes',
  'Freitas',
  'Cardoso',
  'Ramos',
  'Gonçalves',
  'Santana',
  'Teixeira',
  'Moura',
  'Campos',
  'Pinto',
  'Araújo',
  'Cavalcanti',
] as const;

/** Company name parts: a distinctive prefix, a core word that implies the industry, a legal form. */
export const COMPANY_PREFIXES = [
  'Nova',
  'Alfa',
  'Horizonte',
  'Vale Verde',
  'Bela Vista',
  'Santa Clara',
  'Primavera',
  'Atlântico',
  'Cerrado',
  'Ipê',
  'Aurora',
  'Boa Vista',
  'Delta',
  'Vértice',
  'Pampa',
  'Serra Azul',
  'Litoral',
  'Sol Nascente',
  'Jacarandá',
  'Rio Claro',
  'Estrela',
  'Orion',
  'Mirante',
  'Paineira',
  'Araucária',
  'Cristal',
  'Ponte Alta',
  'Bandeirante',
  'Pioneira',
  'Aroeira',
  'Maré Alta',
  'Oásis',
  'Topázio',
  'Safira',
  'Ouro Verde',
  'Pedra Branca',
  'Recanto',
  'Capital',
  'Central',
  'Imperial',
  'Lótus',
  'Sequoia',
  'Guaraná',
  'Jequitibá',
  'Tupã',
  'Caiçara',
  'Itapoã',
  'Brisa',
] as const;

export interface IndustryCore {
  word: string;
  industry: string;
}

export const COMPANY_CORES: readonly IndustryCore[] = [
  { word: 'Alimentos', industry: 'Alimentação' },
  { word: 'Gastronomia', industry: 'Alimentação' },
  { word: 'Tecnologia', industry: 'Tecnologia' },
  { word: 'Sistemas', industry: 'Tecnologia' },
  { word: 'Software', industry: 'SaaS' },
  { word: 'Logística', industry: 'Logística' },
  { word: 'Transportes', industry: 'Logística' },
  { word: 'Imóveis', industry: 'Imobiliário' },
  { word: 'Incorporadora', industry: 'Imobiliário' },
  { word: 'Odontologia', industry: 'Saúde' },
  { word: 'Clínica Médica', industry: 'Saúde' },
  { word: 'Farma', industry: 'Saúde' },
  { word: 'Moda', industry: 'Varejo' },
  { word: 'Calçados', industry: 'Varejo' },
  { word: 'Móveis', industry: 'Varejo' },
  { word: 'Cosméticos', industry: 'Beleza' },
  { word: 'Estética', industry: 'Beleza' },
  { word: 'Educação', industry: 'Educação' },
  { word: 'Idiomas', industry: 'Educação' },
  { word: 'Construtora', industry: 'Construção' },
  { word: 'Engenharia', industry: 'Construção' },
  { word: 'Advocacia', industry: 'Serviços jurídicos' },
  { word: 'Contabilidade', industry: 'Serviços financeiros' },
  { word: 'Investimentos', industry: 'Fintech' },
  { word: 'Seguros', industry: 'Seguros' },
  { word: 'Turismo', industry: 'Turismo' },
  { word: 'Hotéis', industry: 'Turismo' },
  { word: 'Pet Shop', industry: 'Varejo' },
  { word: 'Academia', industry: 'Fitness' },
  { word: 'Energia Solar', industry: 'Energia' },
  { word: 'Agronegócio', industry: 'Agronegócio' },
  { word: 'Autopeças', industry: 'Automotivo' },
  { word: 'Veículos', industry: 'Automotivo' },
  { word: 'Eventos', industry: 'Eventos' },
  { word: 'Consultoria', industry: 'Consultoria' },
  { word: 'Marketing', industry: 'Marketing' },
  { word: 'Distribuidora', industry: 'Atacado' },
  { word: 'Bebidas', industry: 'Alimentação' },
  { word: 'Joias', industry: 'Varejo' },
  { word: 'Papelaria', industry: 'Varejo' },
  { word: 'Telecom', industry: 'Telecomunicações' },
  { word: 'Segurança', industry: 'Serviços' },
  { word: 'Limpeza', industry: 'Serviços' },
  { word: 'Arquitetura', industry: 'Construção' },
  { word: 'Decoração', industry: 'Varejo' },
  { word: 'Laboratório', industry: 'Saúde' },
  { word: 'Veterinária', industry: 'Saúde animal' },
  { word: 'Games', industry: 'Entretenimento' },
  { word: 'Editora', industry: 'Mídia' },
  { word: 'E-commerce', industry: 'E-commerce' },
];

/** Distinct on purpose: generated names are a permutation of prefix × core × legal form (unique up to 14 400). */
export const LEGAL_FORMS = ['LTDA', 'ME', 'S.A.', 'EIRELI', 'Serviços LTDA', 'Comércio LTDA'] as const;

export interface City {
  name: string;
  uf: string;
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: 'São Paulo', uf: 'SP', weight: 30 },
  { name: 'Campinas', uf: 'SP', weight: 5 },
  { name: 'Santos', uf: 'SP', weight: 2 },
  { name: 'Ribeirão Preto', uf: 'SP', weight: 2 },
  { name: 'São José dos Campos', uf: 'SP', weight: 2 },
  { name: 'Sorocaba', uf: 'SP', weight: 2 },
  { name: 'Rio de Janeiro', uf: 'RJ', weight: 10 },
  { name: 'Niterói', uf: 'RJ', weight: 2 },
  { name: 'Belo Horizonte', uf: 'MG', weight: 7 },
  { name: 'Uberlândia', uf: 'MG', weight: 2 },
  { name: 'Curitiba', uf: 'PR', weight: 6 },
  { name: 'Londrina', uf: 'PR', weight: 2 },
  { name: 'Porto Alegre', uf: 'RS', weight: 5 },
  { name: 'Caxias do Sul', uf: 'RS', weight: 1 },
  { name: 'Florianópolis', uf: 'SC', weight: 3 },
  { name: 'Joinville', uf: 'SC', weight: 2 },
  { name: 'Blumenau', uf: 'SC', weight: 1 },
  { name: 'Brasília', uf: 'DF', weight: 4 },
  { name: 'Goiânia', uf: 'GO', weight: 3 },
  { name: 'Salvador', uf: 'BA', weight: 4 },
  { name: 'Recife', uf: 'PE', weight: 4 },
  { name: 'Fortaleza', uf: 'CE', weight: 3 },
  { name: 'Natal', uf: 'RN', weight: 1 },
  { name: 'João Pessoa', uf: 'PB', weight: 1 },
  { name: 'Maceió', uf: 'AL', weight: 1 },
  { name: 'São Luís', uf: 'MA', weight: 1 },
  { name: 'Belém', uf: 'PA', weight: 2 },
  { name: 'Manaus', uf: 'AM', weight: 2 },
  { name: 'Cuiabá', uf: 'MT', weight: 1 },
  { name: 'Campo Grande', uf: 'MS', weight: 1 },
  { name: 'Vitória', uf: 'ES', weight: 2 },
];

export const DDD_BY_UF: Readonly<Record<string, string>> = {
  SP: '11',
  RJ: '21',
  MG: '31',
  PR: '41',
  RS: '51',
  SC: '48',
  DF: '61',
  GO: '62',
  BA: '71',
  PE: '81',
  CE: '85',
  RN: '84',
  PB: '83',
  AL: '82',
  MA: '98',
  PA: '91',
  AM: '92',
  MT: '65',
  MS: '67',
  ES: '27',
};

export const JOB_TITLES = {
  decision_maker: ['CEO', 'Diretor(a) Comercial', 'Sócio(a)-fundador(a)', 'Diretor(a) de Marketing', 'COO'],
  champion: ['Gerente de Marketing', 'Head de Growth', 'Coordenador(a) de Marketing Digital', 'CTO'],
  user: ['Analista de Marketing', 'Assistente Comercial', 'Analista de Mídia', 'Social Media'],
  billing: ['Gerente Financeiro(a)', 'Analista Financeiro', 'Controller'],
  technical: ['Desenvolvedor(a) Web', 'Gerente de TI', 'Analista de Sistemas'],
} as const;

/** Recurring services of the agency, used for contract items and cross-sell. `need` links to activity notes. */
export interface ServiceItem {
  name: string;
  description: string;
  need: NeedKey | null;
}

export const NEED_KEYS = ['seo', 'trafego_pago', 'landing_page', 'email_marketing', 'redes_sociais'] as const;
export type NeedKey = (typeof NEED_KEYS)[number];

export const SERVICES: readonly ServiceItem[] = [
  {
    name: 'Gestão de tráfego pago',
    description: 'Google Ads e Meta Ads, otimização semanal',
    need: 'trafego_pago',
  },
  { name: 'SEO on-page e conteúdo', description: '4 artigos por mês e otimização técnica', need: 'seo' },
  {
    name: 'Landing pages',
    description: 'Criação e testes A/B de páginas de conversão',
    need: 'landing_page',
  },
  { name: 'E-mail marketing', description: 'Réguas de relacionamento e newsletter', need: 'email_marketing' },
  {
    name: 'Gestão de redes sociais',
    description: 'Planejamento e publicação no Instagram e LinkedIn',
    need: 'redes_sociais',
  },
  { name: 'Suporte premium', description: 'Atendimento prioritário com SLA reduzido', need: null },
  { name: 'Relatórios personalizados', description: 'Dashboards de BI com dados de vendas', need: null },
];

/** What a customer says when it needs a service it does not buy yet (pt-BR, for cross-sell detection). */
export const NEED_MENTIONS: Readonly<Record<NeedKey, readonly string[]>> = {
  seo: [
    'Cliente comentou que o site perdeu posições no Google e quer investir em SEO no próximo trimestre.',
    'Diretora perguntou se fazemos SEO para o blog da empresa; hoje o tráfego orgânico é baixo.',
  ],
  trafego_pago: [
    'Querem escalar tráfego pago no Meta Ads para a campanha de fim de ano.',
    'Sócio pediu proposta de tráfego pago no Google Ads, pois a concorrência está anunciando forte.',
  ],
  landing_page: [
    'Precisam de uma landing page nova para o lançamento do produto em dois meses.',
    'Reclamaram da taxa de conversão da landing page atual; sugerimos refazer com teste A/B.',
  ],
  email_marketing: [
    'Têm uma base de 20 mil contatos parada e querem começar e-mail marketing com régua de nutrição.',
    'Gerente perguntou sobre automação de e-mail marketing para carrinho abandonado.',
  ],
  redes_sociais: [
    'Querem terceirizar as redes sociais; hoje a estagiária publica sem planejamento.',
    'Pediram ajuda com conteúdo para Instagram e LinkedIn da marca.',
  ],
};

export const LEAD_SOURCES = [
  'Google Ads',
  'Meta Ads',
  'Orgânico',
  'Indicação',
  'LinkedIn',
  'E-mail marketing',
  'WhatsApp',
] as const;

export const LEAD_COMPANY_WORDS = [
  'Comercial',
  'Distribuidora',
  'Clínica',
  'Escritório',
  'Studio',
  'Loja',
  'Indústria',
  'Restaurante',
  'Imobiliária',
  'Escola',
  'Construtora',
  'Agropecuária',
] as const;

export const SUPPORT_SUBJECTS = [
  { subject: 'Ajuste em campanha', body: 'Precisamos pausar o anúncio de inverno e ativar o de primavera.' },
  {
    subject: 'Dúvida sobre relatório',
    body: 'Os números de conversão do relatório não batem com o Google Analytics.',
  },
  { subject: 'Acesso de novo usuário', body: 'Podem liberar acesso ao painel para nossa nova analista?' },
  {
    subject: 'Pixel do Meta não está disparando',
    body: 'Desde ontem o evento de compra não aparece no gerenciador.',
  },
  { subject: 'Alteração de forma de pagamento', body: 'Queremos passar a pagar por Pix em vez de boleto.' },
  { subject: 'Segunda via de boleto', body: 'Não recebemos o boleto deste mês, podem reenviar?' },
  { subject: 'Erro no formulário da landing page', body: 'O formulário mostra erro ao enviar pelo celular.' },
  {
    subject: 'Mudança de orçamento de mídia',
    body: 'Gostaríamos de aumentar o orçamento do Google Ads em 20%.',
  },
  { subject: 'Relatório mensal atrasado', body: 'Ainda não recebemos o relatório do mês passado.' },
  { subject: 'Integração com o CRM', body: 'Os leads não estão chegando no nosso CRM desde a atualização.' },
] as const;

export const SUPPORT_REPLIES = [
  'Olá! Já estamos verificando e retornamos em seguida.',
  'Feito! Pode conferir no painel, por favor?',
  'Identificamos a causa e corrigimos a configuração. Qualquer coisa, estamos à disposição.',
  'Enviamos por e-mail o arquivo atualizado.',
] as const;

export const CLIENT_FOLLOW_UPS = [
  'Obrigado, deu certo!',
  'Perfeito, muito obrigado pela agilidade.',
  'Ainda está aparecendo o erro aqui, podem olhar de novo?',
] as const;

export const NPS_COMMENTS = {
  promoter: [
    'Equipe muito atenciosa e resultados acima do esperado.',
    'Recomendo: as campanhas trouxeram clientes novos todo mês.',
    'Atendimento rápido e relatórios claros.',
  ],
  passive: [
    'Bom serviço, mas os relatórios poderiam ser mais simples.',
    'Satisfeitos, esperamos mais leads.',
  ],
  detractor: [
    'Demora nas respostas do suporte nas últimas semanas.',
    'Sentimos falta de proatividade e de reuniões de alinhamento.',
  ],
} as const;

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** URL slug: "SEO para E-commerce" → "seo-para-e-commerce". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slugs of the vocabulary's own words, computed once (Unicode normalisation is slow in the hot path). */
const KNOWN_SLUGS: ReadonlyMap<string, string> = new Map(
  [
    ...FIRST_NAMES,
    ...LAST_NAMES,
    ...COMPANY_PREFIXES,
    ...COMPANY_CORES.map((c) => c.word),
    ...LEAD_COMPANY_WORDS,
  ].map((w) => [w, slugOf(w)]),
);

/** Strips accents and non-alphanumerics: "Gonçalves & Cia" → "goncalvescia". */
export function slugWord(text: string): string {
  return KNOWN_SLUGS.get(text) ?? slugOf(text);
}
