import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { notificationsPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
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
    chat_reply: 'Agency message in the chat',
    meeting_reminder: 'Meeting in 1 hour',
    invoice_due: 'Invoice falling due',
    new_article: 'New article',
    customer_critical: 'Customer turned critical',
    risk_alert: 'New risk alert',
    renewal_due: 'Renewal in 60 days',
    sla_breach: 'Ticket SLA breaching',
    meeting_request: 'Reschedule or cancel request',
    ticket_created: 'New client ticket',
    chat_message: 'Client message in the chat',
  },
};
