/**
 * Strings of the account-manager card (i18next namespace `accountManager`). pt-BR is the source of the key
 * set; the English resource is typed against it, so a missing or extra key is a compile error. Plurals use
 * i18next's `_one` / `_other` suffixes.
 */
export const accountManagerPtBR = {
  manager: {
    heading: 'Seu gerente de conta',
    unknownName: 'Seu gerente de conta',
    contactPending: 'Os contatos do seu gerente de conta aparecem aqui assim que forem sincronizados.',
    email: 'E-mail',
    phone: 'Telefone',
    emailTo: 'Enviar e-mail para {{name}}',
    callTo: 'Ligar para {{name}}',
    lastMeeting: 'Última reunião: {{date}}',
    noNextMeeting: 'Nenhuma reunião agendada.',
  },
} as const;
