import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * Outgoing mail (the notification digest, invitations, password resets), through nodemailer. With `SMTP_URL` the mail goes to that SMTP
 * server; without it (development, tests) nodemailer's JSON transport renders the message and it is written
 * to the log instead — nothing leaves the machine and the digest is still visible.
 */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'mail'>, logger: Logger): Mailer {
  const { smtpUrl, from } = config.mail;
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      if (!smtpUrl)
        logger.info(
          { event: 'mail_logged', to: message.to, subject: message.subject, text: message.text },
          'SMTP_URL not set: the e-mail is written to the log',
        );
      else logger.debug({ event: 'mail_sent', messageId: info.messageId }, 'e-mail sent');
    },
    close: () => transport.close(),
  };
}
