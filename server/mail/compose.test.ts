import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { composeActionMail, mailLink } from './compose.ts';
import { createMailer } from './mailer.ts';
import { firstLink, startTestSmtp, type TestSmtp } from './testing.ts';

/**
 * An action mail through nodemailer to a real SMTP server on loopback: what arrives reads as written (accents,
 * a link longer than a mail line) and its link is the one the app built.
 */
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp?.close());

describe('action mail', () => {
  it('arrives with its subject, text and the exact link', async () => {
    const url = mailLink('https://arco.example.com', `/convite/${'x'.repeat(43)}?lang=pt-BR&from=mail`);
    const mailer = createMailer(
      testConfig({ mail: { smtpUrl: smtp.url, from: 'Arco <no-reply@arco.example>' } }),
      createLogger({ level: 'silent' }),
    );
    try {
      await mailer.send(
        composeActionMail({
          to: 'Ana@Fintech.example',
          subject: 'Convite para a Arco Digital — ação necessária',
          greeting: 'Olá!',
          paragraphs: ['João convidou você para acessar o portal da Fintech ABC <beta>.'],
          action: { label: 'Aceitar convite', url },
          footer: 'O link expira em 7 dias e só pode ser usado uma vez.',
        }),
      );
    } finally {
      mailer.close();
    }
    const mail = await smtp.waitForMail('ana@fintech.example');
    expect(mail.subject).toBe('Convite para a Arco Digital — ação necessária');
    expect(mail.text).toContain('João convidou você para acessar o portal da Fintech ABC <beta>.');
    expect(firstLink(mail.text)).toBe(url);
    expect(mail.raw).toContain('&lt;beta&gt;');
  });
});
