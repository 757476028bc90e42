import { useTranslation } from 'react-i18next';

/**
 * Strings of the staff view of a customer's portal screens, pt-BR and English, as a typed object per language
 * rather than an i18next namespace (like data-import/i18n.ts: one more namespace widened the shell's every-key
 * type past what the compiler resolves, and these screens have no navigation entry). The reused screens bring
 * their own namespaces (`leads`, `campaigns`). The language is i18next's current one.
 */
const ptBR = {
  links: 'Portal do cliente',
  leadsLink: 'Leads do cliente',
  campaignsLink: 'Campanhas do cliente',
  contentLink: 'Conteúdo e eventos do cliente',
  contentTab: 'Conteúdo',
  contentTitle: (customer: string) => `Conteúdo — ${customer}`,
  contentDescription:
    'O progresso de cada usuário do cliente na base de conhecimento e as inscrições nos próximos eventos.',
  contentLoading: 'Carregando o progresso do cliente…',
  contentOffline:
    'O progresso de conteúdo e as inscrições do cliente não ficam neste aparelho: vê-los precisa de conexão. As campanhas abrem offline.',
  contentReadOnly: 'Somente leitura: cada usuário do cliente lê e se inscreve no próprio portal.',
  progressHeading: 'Progresso de aprendizado',
  noPeople: 'Este cliente ainda não tem usuários no portal.',
  registeredNames: (names: string) => `Inscritos do cliente: ${names}`,
  waitlistedNames: (names: string) => `Na lista de espera: ${names}`,
  noneRegistered: 'Ninguém do cliente inscrito.',
  barLabel: (customer: string) => `Portal de ${customer}`,
  back: (customer: string) => `Voltar para ${customer}`,
  leadsTab: 'Leads',
  campaignsTab: 'Campanhas',
  leadsTitle: (customer: string) => `Leads — ${customer}`,
  campaignsTitle: (customer: string) => `Campanhas — ${customer}`,
  leadsDescription: 'O funil de vendas do cliente, com o score de cada lead, como ele o vê no portal.',
  campaignsDescription:
    'As campanhas do cliente com orçamento, gasto e resultados, e os testes A/B — como ele as vê no portal.',
  readOnly:
    'Somente leitura: os leads são do cliente, e só a equipe dele move etapas e registra interações. Você vê o que ele vê.',
  loading: 'Carregando os leads do cliente…',
  offlineTitle: 'Sem conexão',
  offline:
    'Os leads do cliente não ficam neste aparelho (só no do cliente): vê-los precisa de conexão. As campanhas abrem offline.',
  failed: 'Não foi possível carregar os leads do cliente agora.',
  retry: 'Tentar de novo',
  leadsUnknown: 'Sem conexão: o CPL e os leads por campanha aparecem quando houver conexão.',
  customerLoading: 'Carregando o cliente…',
  notFoundTitle: 'Cliente não encontrado',
  notFound: 'Este cliente não existe ou não está na sua agência.',
  backToList: 'Ver a lista de clientes',
};

export type StaffPortalText = typeof ptBR;

const en: StaffPortalText = {
  links: 'Client portal',
  leadsLink: "Customer's leads",
  campaignsLink: "Customer's campaigns",
  contentLink: "Customer's content and events",
  contentTab: 'Content',
  contentTitle: (customer) => `Content — ${customer}`,
  contentDescription:
    "Each of the customer's users' progress in the knowledge base and their registrations for upcoming events.",
  contentLoading: "Loading the customer's progress…",
  contentOffline:
    "The customer's content progress and registrations are not kept on this device: seeing them needs a connection. Campaigns open offline.",
  contentReadOnly: "Read-only: each of the customer's users reads and registers in their own portal.",
  progressHeading: 'Learning progress',
  noPeople: 'This customer has no portal users yet.',
  registeredNames: (names) => `Registered from the customer: ${names}`,
  waitlistedNames: (names) => `On the waiting list: ${names}`,
  noneRegistered: 'Nobody from the customer registered.',
  barLabel: (customer) => `${customer}'s portal`,
  back: (customer) => `Back to ${customer}`,
  leadsTab: 'Leads',
  campaignsTab: 'Campaigns',
  leadsTitle: (customer) => `Leads — ${customer}`,
  campaignsTitle: (customer) => `Campaigns — ${customer}`,
  leadsDescription: "The customer's sales pipeline, with each lead's score, as they see it in the portal.",
  campaignsDescription:
    "The customer's campaigns with budget, spend and results, and the A/B tests — as they see them in the portal.",
  readOnly:
    "Read-only: the leads are the customer's, and only their team moves stages and logs interactions. You see what they see.",
  loading: "Loading the customer's leads…",
  offlineTitle: 'Offline',
  offline:
    "The customer's leads are not kept on this device (only on the customer's): seeing them needs a connection. Campaigns open offline.",
  failed: "Could not load the customer's leads right now.",
  retry: 'Try again',
  leadsUnknown: 'Offline: CPL and leads per campaign show when you are back online.',
  customerLoading: 'Loading the customer…',
  notFoundTitle: 'Customer not found',
  notFound: 'This customer does not exist or is not in your agency.',
  backToList: 'See the customer list',
};

/** These screens' strings in the UI's language. */
export function useStaffPortalText(): StaffPortalText {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? en : ptBR;
}
