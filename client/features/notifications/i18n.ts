/**
 * Strings of the notifications inbox, the header's bell, the push opt-in and the notification preferences
 * (i18next namespace `notifications`). pt-BR is the source of the key set; the English resource is typed
 * against it, so a missing or extra key is a compile error. Plurals use i18next's `_one` / `_other` suffixes.
 */
export const notificationsPtBR = {
  bell: {
    label: 'Notificações',
    labelUnread_one: 'Notificações: {{count}} não lida',
    labelUnread_other: 'Notificações: {{count}} não lidas',
  },
  inbox: {
    title: 'Notificações',
    description: 'O que aconteceu na sua conta. Toque em um aviso para abrir a tela dele.',
    listLabel: 'Notificações, mais recentes primeiro',
    unreadCount_one: '{{count}} não lida',
    unreadCount_other: '{{count}} não lidas',
    allRead: 'Tudo lido.',
    markRead: 'Marcar como lida',
    markAllRead: 'Marcar todas como lidas',
    marking: 'Marcando…',
    unread: 'Não lida',
    markedAll: 'Todas marcadas como lidas neste aparelho.',
    emptyTitle: 'Nenhuma notificação',
    emptyBody:
      'Quando algo importante acontecer — uma resposta no seu ticket, uma meta batida, uma fatura perto do vencimento —, o aviso aparece aqui, também offline.',
    loading: 'Carregando dados deste aparelho…',
    deviceError:
      'Não foi possível abrir os dados salvos neste aparelho. Recarregue a página para tentar de novo.',
    writeError: 'Não foi possível marcar neste aparelho. Tente de novo.',
  },
  push: {
    inviteTitle: 'Receber avisos neste aparelho?',
    inviteBody:
      'Avisamos quando seu ticket for respondido, uma meta for batida ou uma fatura estiver perto do vencimento — mesmo com o Arco fechado. Você escolhe os tipos em Ajustes.',
    enable: 'Ativar notificações',
    enabling: 'Ativando…',
    notNow: 'Agora não',
    heading: 'Notificações push neste aparelho',
    on: 'Ativas neste aparelho.',
    off: 'Desligadas neste aparelho.',
    disable: 'Desativar neste aparelho',
    disabling: 'Desativando…',
    deniedTitle: 'Notificações bloqueadas neste navegador',
    deniedBody:
      'Você recusou as notificações do Arco, e o navegador guarda essa escolha. Para recebê-las, libere as notificações nas permissões do site (o ícone ao lado do endereço) e volte aqui para ativar.',
    understood: 'Entendi',
    unsupported:
      'Este navegador não recebe notificações push. No iPhone, adicione o Arco à tela de início para recebê-las. Os avisos continuam aqui no sino.',
    offline: 'Sem conexão. Ative as notificações quando estiver online.',
    failed: 'Não foi possível ativar as notificações agora. Tente de novo em instantes.',
    dismissed: 'O navegador ficou sem resposta. Toque de novo quando quiser ativar.',
    enabled: 'Pronto! Você vai receber os avisos neste aparelho.',
    disabled: 'Notificações push desativadas neste aparelho.',
  },
  preferences: {
    title: 'Notificações',
    intro:
      'Escolha o que chega até você e por onde. Quem envia é o servidor, e ele segue estas escolhas: um tipo desligado não é enviado.',
    tableLabel: 'Canais por tipo de notificação',
    typeColumn: 'Tipo',
    channels: { push: 'Push', inApp: 'No app', email: 'E-mail' },
    channelHint:
      'Push: aviso no aparelho, mesmo com o Arco fechado. No app: o sino e a lista de notificações. E-mail: um resumo diário.',
    channelFor: '{{channel}}: {{type}}',
    quietTitle: 'Horário de silêncio',
    quietEnabled: 'Segurar as notificações push neste horário',
    quietHint:
      'No seu fuso horário ({{zone}}). Nesse horário nada toca no aparelho; os avisos continuam no sino e no resumo por e-mail.',
    quietStart: 'Das',
    quietEnd: 'Até',
    save: 'Salvar preferências',
    saving: 'Salvando…',
    saved: 'Preferências salvas.',
    queued: 'Salvo neste aparelho. Será enviado quando a conexão voltar.',
    pending: 'Alteração pendente de envio',
    unchanged: 'Nenhuma alteração para salvar.',
    notReady: 'Os dados deste aparelho ainda estão abrindo. Tente de novo em instantes.',
    invalid: 'Confira os campos destacados.',
    rejected:
      'O servidor não aceitou a alteração das preferências. Os valores abaixo são os que valem agora.',
    rejectedDetail: 'Detalhe: {{message}}',
    errors: {
      sameTimes: 'O início e o fim precisam ser diferentes.',
      time: 'Informe um horário válido (HH:MM).',
    },
  },
  types: {
    conversion: 'Nova conversão',
    goal_reached: 'Meta atingida',
    campaign_anomaly: 'Anomalia em campanha',
    qualified_lead: 'Novo lead qualificado',
    ticket_answered: 'Ticket respondido',
    chat_reply: 'Mensagem da agência no chat',
    meeting_reminder: 'Reunião em 1 hora',
    invoice_due: 'Fatura vencendo',
    new_article: 'Novo artigo',
    customer_critical: 'Cliente ficou crítico',
    risk_alert: 'Novo alerta de risco',
    renewal_due: 'Renovação em 60 dias',
    sla_breach: 'SLA de ticket estourando',
    meeting_request: 'Pedido de reagendamento ou cancelamento',
    ticket_created: 'Novo ticket de cliente',
    chat_message: 'Mensagem de cliente no chat',
  },
};
