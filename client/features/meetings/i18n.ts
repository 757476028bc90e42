/**
 * Strings of the next meeting and the client's reschedule/cancel request (i18next namespace `meetings`). pt-
 * BR is the source of the key set; the English resource is typed against it, so a missing or extra key is a
 * compile error. Plurals use i18next's `_one` / `_other` suffixes.
 */
export const meetingsPtBR = {
  meeting: {
    reschedule: 'Reagendar',
    cancel: 'Cancelar',
    rescheduleTitle: 'Pedir reagendamento',
    cancelTitle: 'Pedir cancelamento',
    proposedAt: 'Nova data e hora sugeridas',
    proposedHint: 'Opcional. Seu gerente de conta confirma o novo horário.',
    reason: 'Motivo (opcional)',
    sendReschedule: 'Enviar pedido de reagendamento',
    sendCancel: 'Enviar pedido de cancelamento',
    sending: 'Enviando…',
    dismiss: 'Voltar',
    pendingReschedule: 'Você pediu o reagendamento em {{date}}.',
    pendingCancel: 'Você pediu o cancelamento em {{date}}.',
    proposedFor: 'Horário sugerido: {{when}}.',
    awaitingConfirmation: 'Aguardando a confirmação do seu gerente de conta.',
    withdraw: 'Desfazer pedido',
    saved: 'Pedido registrado. Ele chega ao seu gerente de conta na próxima sincronização.',
    withdrawn: 'Pedido desfeito.',
    rescheduled: 'Reagendada',
    nextMeeting: 'Próxima reunião: {{when}}',
    openMeetingLink: 'Entrar na reunião',
  },
  answer: {
    cancelled: 'Reunião "{{title}}" cancelada, como você pediu.',
    accepted: 'Pedido aceito: "{{title}}" remarcada para {{when}}.',
    newTime: 'Seu gerente de conta remarcou "{{title}}" para {{when}}.',
    message: 'Mensagem: {{message}}',
  },
  errors: {
    proposedInvalid: 'Informe uma data e hora válidas.',
    proposedInPast: 'Escolha uma data e hora no futuro.',
    reasonTooLong: 'O motivo pode ter no máximo {{max}} caracteres.',
    notAllowed: 'Sua conta não tem permissão para esta ação.',
    notReady: 'Seus dados ainda estão sendo abertos neste aparelho. Tente de novo em instantes.',
    invalid: 'Alguns dados não são válidos. Revise e tente de novo.',
    saveFailed: 'Não foi possível salvar neste aparelho. Tente de novo.',
  },
} as const;
