import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

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
    meeting_reminder: 'Reunião em 1 hora',
    invoice_due: 'Fatura vencendo',
    new_article: 'Novo artigo',
    customer_critical: 'Cliente ficou crítico',
    risk_alert: 'Novo alerta de risco',
    renewal_due: 'Renovação em 60 dias',
    sla_breach: 'SLA de ticket estourando',
    meeting_request: 'Pedido de reagendamento ou cancelamento',
    ticket_created: 'Novo ticket de cliente',
  },
};

export const notificationsEn: TranslationShape<typeof notificationsPtBR> = {
  bell: {
    label: 'Notifications',
    labelUnread_one: 'Notifications: {{count}} unread',
    labelUnread_other: 'Notifications: {{count}} unread',
  },
  inbox: {
    title: 'Notifications',
    description: 'What happened on your account. Tap a notice to open its screen.',
    listLabel: 'Notifications, newest first',
    unreadCount_one: '{{count}} unread',
    unreadCount_other: '{{count}} unread',
    allRead: 'All read.',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    marking: 'Marking…',
    unread: 'Unread',
    markedAll: 'All marked as read on this device.',
    emptyTitle: 'No notifications',
    emptyBody:
      'When something important happens — a reply on your ticket, a goal reached, an invoice about to fall due — the notice shows up here, offline too.',
    loading: 'Loading this device’s data…',
    deviceError: 'The data saved on this device could not be opened. Reload the page to try again.',
    writeError: 'Could not mark it on this device. Please try again.',
  },
  push: {
    inviteTitle: 'Get notified on this device?',
    inviteBody:
      'We let you know when your ticket is answered, a goal is reached or an invoice is about to fall due — even with Arco closed. You choose which kinds in Settings.',
    enable: 'Turn on notifications',
    enabling: 'Turning on…',
    notNow: 'Not now',
    heading: 'Push notifications on this device',
    on: 'On for this device.',
    off: 'Off for this device.',
    disable: 'Turn off on this device',
    disabling: 'Turning off…',
    deniedTitle: 'Notifications blocked in this browser',
    deniedBody:
      'You declined Arco’s notifications, and the browser keeps that choice. To get them, allow notifications in the site’s permissions (the icon next to the address) and come back here to turn them on.',
    understood: 'Got it',
    unsupported:
      'This browser does not receive push notifications. On an iPhone, add Arco to the home screen to get them. Notices still show up here under the bell.',
    offline: 'No connection. Turn notifications on when you are online.',
    failed: 'Notifications could not be turned on right now. Please try again shortly.',
    dismissed: 'The browser got no answer. Tap again whenever you want to turn them on.',
    enabled: 'Done! You will get notices on this device.',
    disabled: 'Push notifications turned off on this device.',
  },
  preferences: {
    title: 'Notifications',
    intro:
      'Choose what reaches you and how. The server sends them, and it follows these choices: a type turned off is not sent.',
    tableLabel: 'Channels per notification type',
    typeColumn: 'Type',
    channels: { push: 'Push', inApp: 'In app', email: 'E-mail' },
    channelHint:
      'Push: a notice on the device, even with Arco closed. In app: the bell and the notifications list. E-mail: a daily digest.',
    channelFor: '{{channel}}: {{type}}',
    quietTitle: 'Quiet hours',
    quietEnabled: 'Hold push notifications during these hours',
    quietHint:
      'In your time zone ({{zone}}). Nothing rings on the device then; notices still reach the bell and the e-mail digest.',
    quietStart: 'From',
    quietEnd: 'Until',
    save: 'Save preferences',
    saving: 'Saving…',
    saved: 'Preferences saved.',
    queued: 'Saved on this device. It will be sent when the connection is back.',
    pending: 'Change waiting to be sent',
    unchanged: 'No changes to save.',
    notReady: 'This device’s data is still opening. Please try again in a moment.',
    invalid: 'Check the highlighted fields.',
    rejected:
      'The server did not accept the change to the preferences. The values below are the ones in effect.',
    rejectedDetail: 'Detail: {{message}}',
    errors: {
      sameTimes: 'Start and end must differ.',
      time: 'Enter a valid time (HH:MM).',
    },
  },
  types: {
    conversion: 'New conversion',
    goal_reached: 'Goal reached',
    campaign_anomaly: 'Campaign anomaly',
    qualified_lead: 'New qualified lead',
    ticket_answered: 'Ticket answered',
    meeting_reminder: 'Meeting in 1 hour',
    invoice_due: 'Invoice falling due',
    new_article: 'New article',
    customer_critical: 'Customer turned critical',
    risk_alert: 'New risk alert',
    renewal_due: 'Renewal in 60 days',
    sla_breach: 'Ticket SLA breaching',
    meeting_request: 'Reschedule or cancel request',
    ticket_created: 'New client ticket',
  },
};
