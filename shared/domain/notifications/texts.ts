import type { NotificationParams } from './events.ts';

/**
 * Title and body of a notification in the recipient's language (pt-BR, English), from the event's raw params.
 * The inbox item, the push and the digest show the same words. Money is BRL, dates dd/mm/aaaa in pt-BR.
 */
export type NotificationLanguage = 'pt-BR' | 'en';

const brl = (cents: number, language: NotificationLanguage) =>
  new Intl.NumberFormat(language, { style: 'currency', currency: 'BRL' }).format(cents / 100);
const date = (iso: string, language: NotificationLanguage) =>
  new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(`${iso}T12:00:00Z`));
const ticketNo = (n: number | null) => (n === null ? '' : ` #${n}`);

export function notificationText(
  params: NotificationParams,
  language: NotificationLanguage,
): { title: string; body: string } {
  const pt = language === 'pt-BR';
  switch (params.type) {
    case 'conversion':
      return pt
        ? {
            title: 'Nova conversão',
            body: `${params.campaign}: ${params.conversions} ${params.conversions === 1 ? 'conversão' : 'conversões'} hoje.`,
          }
        : {
            title: 'New conversion',
            body: `${params.campaign}: ${params.conversions} ${params.conversions === 1 ? 'conversion' : 'conversions'} today.`,
          };
    case 'goal_reached':
      return pt
        ? { title: 'Meta atingida! 🎯', body: `Você atingiu a meta "${params.goal}".` }
        : { title: 'Goal reached! 🎯', body: `You reached the goal "${params.goal}".` };
    case 'campaign_anomaly':
      return pt
        ? {
            title: 'Anomalia em campanha',
            body: `${params.campaign}: desempenho ${params.dropPercent}% abaixo da média recente.`,
          }
        : {
            title: 'Campaign anomaly',
            body: `${params.campaign}: performance ${params.dropPercent}% below its recent average.`,
          };
    case 'qualified_lead':
      return pt
        ? { title: 'Novo lead qualificado', body: `${params.lead} está pronto para contato.` }
        : { title: 'New qualified lead', body: `${params.lead} is ready to be contacted.` };
    case 'ticket_answered':
      return pt
        ? {
            title: `Seu ticket${ticketNo(params.number)} foi respondido`,
            body: `${params.author}: ${params.excerpt}`,
          }
        : {
            title: `Your ticket${ticketNo(params.number)} was answered`,
            body: `${params.author}: ${params.excerpt}`,
          };
    case 'chat_reply':
      return pt
        ? { title: `Nova mensagem de ${params.author}`, body: params.excerpt }
        : { title: `New message from ${params.author}`, body: params.excerpt };
    case 'chat_message':
      return pt
        ? { title: `${params.customer} no chat`, body: params.excerpt }
        : { title: `${params.customer} in the chat`, body: params.excerpt };
    case 'meeting_reminder':
      return pt
        ? { title: 'Reunião em 1 hora', body: params.title }
        : { title: 'Meeting in 1 hour', body: params.title };
    case 'invoice_due':
      return pt
        ? {
            title: 'Fatura vence em 3 dias',
            body: `Fatura ${params.number} de ${brl(params.amountCents, language)} vence em ${date(params.dueDate, language)}.`,
          }
        : {
            title: 'Invoice due in 3 days',
            body: `Invoice ${params.number} of ${brl(params.amountCents, language)} is due on ${date(params.dueDate, language)}.`,
          };
    case 'new_article':
      return pt
        ? { title: 'Novo artigo publicado', body: params.title }
        : { title: 'New article published', body: params.title };
    case 'customer_critical':
      return pt
        ? {
            title: `${params.customer} está em estado crítico`,
            body: `Health score ${params.score}. Veja os fatores de risco e as ações sugeridas.`,
          }
        : {
            title: `${params.customer} turned critical`,
            body: `Health score ${params.score}. See the risk factors and suggested actions.`,
          };
    case 'risk_alert':
      if (params.failingSource) {
        const { name, failures } = params.failingSource;
        return pt
          ? {
              title: `Importação do ${name} falhando: ${params.customer}`,
              body: `${failures} tentativas seguidas falharam. Veja Conexões e reconecte a fonte.`,
            }
          : {
              title: `${name} import failing: ${params.customer}`,
              body: `${failures} attempts in a row failed. Open Connections and reconnect the source.`,
            };
      }
      return pt
        ? {
            title: `Novo alerta de risco: ${params.customer}`,
            body: 'Veja a recomendação e as ações sugeridas.',
          }
        : {
            title: `New risk alert: ${params.customer}`,
            body: 'See the recommendation and suggested actions.',
          };
    case 'renewal_due':
      return pt
        ? {
            title: `Renovação de ${params.customer} em 60 dias`,
            body: `O contrato vence em ${date(params.endDate, language)}.`,
          }
        : {
            title: `${params.customer} renews in 60 days`,
            body: `The contract ends on ${date(params.endDate, language)}.`,
          };
    case 'sla_breach':
      return pt
        ? {
            title: params.breached
              ? `SLA estourado: ticket${ticketNo(params.number)}`
              : `SLA vence em menos de 1 h: ticket${ticketNo(params.number)}`,
            body: `${params.customer} — ${params.subject}`,
          }
        : {
            title: params.breached
              ? `SLA breached: ticket${ticketNo(params.number)}`
              : `SLA due within 1 h: ticket${ticketNo(params.number)}`,
            body: `${params.customer} — ${params.subject}`,
          };
    case 'meeting_request':
      return pt
        ? {
            title: `${params.customer} pediu para ${params.request === 'cancel' ? 'cancelar' : 'remarcar'} uma reunião`,
            body: 'Responda em Atendimento › Reuniões.',
          }
        : {
            title: `${params.customer} asked to ${params.request === 'cancel' ? 'cancel' : 'reschedule'} a meeting`,
            body: 'Answer it in Support › Meetings.',
          };
    case 'ticket_created':
      return pt
        ? { title: `Novo ticket${ticketNo(params.number)} — ${params.customer}`, body: params.subject }
        : { title: `New ticket${ticketNo(params.number)} — ${params.customer}`, body: params.subject };
  }
}
