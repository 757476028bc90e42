import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { meetingsPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
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
