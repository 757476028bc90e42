import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { accountManagerPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
export const accountManagerEn: TranslationShape<typeof accountManagerPtBR> = {
  manager: {
    heading: 'Your account manager',
    unknownName: 'Your account manager',
    contactPending: "Your account manager's contact details show up here once they are synced.",
    email: 'Email',
    phone: 'Phone',
    emailTo: 'Email {{name}}',
    callTo: 'Call {{name}}',
    lastMeeting: 'Last meeting: {{date}}',
    noNextMeeting: 'No meeting scheduled.',
  },
};
