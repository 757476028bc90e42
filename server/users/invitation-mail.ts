import type { InvitationSummary, Language } from '../../shared/accounts.ts';
import { INVITATION_TTL_DAYS } from '../../shared/accounts.ts';
import { composeActionMail, mailLink } from '../mail/compose.ts';
import type { MailMessage } from '../mail/mailer.ts';

/** The in-app page an invitation link opens; the token rides in the fragment, which no server ever logs. */
export const INVITATION_PATH = '/convite';
export const invitationUrl = (origin: string, token: string) =>
  mailLink(origin, `${INVITATION_PATH}#${token}`);

const TEXT = {
  'pt-BR': {
    subject: (org: string) => `Convite para ${org} no Arco`,
    greeting: 'Olá!',
    client: (inviter: string, org: string, customer: string) =>
      `${inviter} convidou você para acompanhar ${customer} no portal de ${org}: resultados, metas, faturas e suporte, também sem internet.`,
    staff: (inviter: string, org: string, role: string) =>
      `${inviter} convidou você para a equipe de ${org} no Arco, como ${role}.`,
    roles: { admin: 'administrador(a)', csm: 'gerente de sucesso do cliente (CSM)' },
    steps: 'Abra o link, informe seu nome e escolha uma senha.',
    action: 'Aceitar convite',
    footer: `O link vale por ${INVITATION_TTL_DAYS} dias e só pode ser usado uma vez. Se você não esperava este convite, ignore este e-mail.`,
  },
  en: {
    subject: (org: string) => `You're invited to ${org} on Arco`,
    greeting: 'Hello!',
    client: (inviter: string, org: string, customer: string) =>
      `${inviter} invited you to follow ${customer} on ${org}'s portal: results, goals, invoices and support, offline too.`,
    staff: (inviter: string, org: string, role: string) =>
      `${inviter} invited you to join ${org}'s team on Arco as ${role}.`,
    roles: { admin: 'an administrator', csm: 'a customer success manager (CSM)' },
    steps: 'Open the link, enter your name and choose a password.',
    action: 'Accept the invitation',
    footer: `The link is valid for ${INVITATION_TTL_DAYS} days and works once. If you did not expect this invitation, ignore this e-mail.`,
  },
} satisfies Record<Language, unknown>;

/** The invitation mail in the invitation's language. */
export function invitationMail(input: {
  readonly invitation: InvitationSummary;
  readonly organizationName: string;
  readonly inviterName: string;
  readonly url: string;
}): MailMessage {
  const { invitation: i, organizationName: org, inviterName, url } = input;
  const text = TEXT[i.locale];
  const intro =
    i.role === 'client'
      ? text.client(inviterName, org, i.customerName ?? org)
      : text.staff(inviterName, org, text.roles[i.role]);
  return composeActionMail({
    to: i.email,
    subject: text.subject(org),
    greeting: text.greeting,
    paragraphs: [intro, text.steps],
    action: { label: text.action, url },
    footer: text.footer,
  });
}
