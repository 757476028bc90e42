import type { CalendarFeedText } from './i18n.ts';

/** English strings of the calendar feed section, fetched when the app is in English. */
export const calendarFeedEn: CalendarFeedText = {
  title: 'Calendar',
  intro:
    'See your Arco meetings in Google Calendar, Apple Calendar or Outlook: subscribe to a private link, and the calendar follows rescheduled or cancelled meetings.',
  none: 'No active calendar link.',
  active: (date: string) => `Link active since ${date}.`,
  create: 'Create calendar link',
  creating: 'Creating…',
  regenerate: 'Generate a new link',
  revoke: 'Revoke link',
  revoking: 'Revoking…',
  urlLabel: 'Private calendar link',
  urlOnce:
    'Copy the link now: for security it is shown only this once. If you need it again, generate a new link.',
  copy: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'Could not copy: the link is selected, copy it by hand.',
  created: 'New link created. The previous one, if any, stopped working.',
  revoked: 'Link revoked: calendars subscribed to it no longer receive your meetings.',
  secret:
    'Anyone with this link sees your meetings without signing in. Do not share it; if it leaks, generate a new one or revoke it.',
  howTitle: 'How to subscribe in Google Calendar',
  howSteps: [
    'Copy the link above.',
    'On a computer, open calendar.google.com.',
    'Next to “Other calendars”, click + and choose “From URL”.',
    'Paste the link and click “Add calendar”.',
  ],
  howNote:
    'The calendar shows on every device of your Google account. Google refreshes subscriptions on its own schedule: a change may take a few hours to show there.',
  offline: 'Offline: creating, copying or revoking the calendar link needs a connection.',
  failed: 'Could not reach the server right now. Try again in a moment.',
  retry: 'Try again',
};
