import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

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

export const meetingsEn: TranslationShape<typeof meetingsPtBR> = {
  meeting: {
    reschedule: 'Reschedule',
    cancel: 'Cancel',
    rescheduleTitle: 'Ask to reschedule',
    cancelTitle: 'Ask to cancel',
    proposedAt: 'Suggested new date and time',
    proposedHint: 'Optional. Your account manager confirms the new time.',
    reason: 'Reason (optional)',
    sendReschedule: 'Send reschedule request',
    sendCancel: 'Send cancellation request',
    sending: 'Sending…',
    dismiss: 'Back',
    pendingReschedule: 'You asked to reschedule on {{date}}.',
    pendingCancel: 'You asked to cancel on {{date}}.',
    proposedFor: 'Suggested time: {{when}}.',
    awaitingConfirmation: 'Waiting for your account manager to confirm.',
    withdraw: 'Withdraw request',
    saved: 'Request saved. It reaches your account manager with the next sync.',
    withdrawn: 'Request withdrawn.',
    rescheduled: 'Rescheduled',
    nextMeeting: 'Next meeting: {{when}}',
    openMeetingLink: 'Join the meeting',
  },
  answer: {
    cancelled: 'Meeting "{{title}}" cancelled, as you asked.',
    accepted: 'Request accepted: "{{title}}" moved to {{when}}.',
    newTime: 'Your account manager moved "{{title}}" to {{when}}.',
    message: 'Message: {{message}}',
  },
  errors: {
    proposedInvalid: 'Enter a valid date and time.',
    proposedInPast: 'Choose a date and time in the future.',
    reasonTooLong: 'The reason can have at most {{max}} characters.',
    notAllowed: 'Your account is not allowed to do this.',
    notReady: 'Your data is still opening on this device. Try again in a moment.',
    invalid: 'Some data is not valid. Review it and try again.',
    saveFailed: 'Could not save on this device. Try again.',
  },
};
