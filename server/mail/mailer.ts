import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * Outgoing mail (the notification digest, invitations, password resets), through nodemailer. With `SMTP_URL` the
 * mail goes to that SMTP server; without it (development, tests) nodemailer's JSON transport renders the message
 * and it is written to the log instead — nothing leaves the machine and the digest is still visible.
 *
 * Invariant: in production a message body never reaches the log. Invitation and password-reset mails carry
 * one-time links that are credentials, and production logs are read by more people (and kept longer) than any
 * mailbox; so production without `SMTP_URL` drops the message with a warning naming only the recipient and the
 * subject, and `createMailer` warns once at start that mail is off.
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

export function createMailer(config: Pick<Config, 'mail' | 'env'>, logger: Logger): Mailer {
  const { smtpUrl, from } = config.mail;
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  const dropped = !smtpUrl && config.env === 'production';
  if (dropped)
    logger.warn(
      { event: 'mail_off' },
      'SMTP_URL not set in production: invitations, password resets and digests are not sent',
    );
  return {
    async send(message) {
      if (dropped) {
        logger.warn(
          { event: 'mail_dropped', to: message.to, subject: message.subject },
          'SMTP_URL not set: the e-mail was not sent (its text is not logged in production)',
        );
        return;
      }
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
