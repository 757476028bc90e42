import type { MailMessage } from './mailer.ts';

/** The languages account mail is written in (a user's or an invitation's locale). */
export type MailLanguage = 'pt-BR' | 'en';

/**
 * One transactional mail with a single action (accept an invitation, reset a password): a greeting, a few
 * paragraphs, the link as a button and in full (many mail clients strip buttons, and the text part must carry
 * it), and a closing line. Everything interpolated into the HTML is escaped.
 */
export interface ActionMail {
  readonly to: string;
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly action: { readonly label: string; readonly url: string };
  /** Under the link, e.g. "this link expires in 7 days; ignore this mail if…". */
  readonly footer: string;
}

export function composeActionMail(mail: ActionMail): MailMessage {
  const text = [
    mail.greeting,
    '',
    ...mail.paragraphs.flatMap((p) => [p, '']),
    `${mail.action.label}: ${mail.action.url}`,
    '',
    mail.footer,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(mail.greeting)}</p>`,
    ...mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(mail.action.url)}"><strong>${escapeHtml(mail.action.label)}</strong></a></p>`,
    `<p>${escapeHtml(mail.action.url)}</p>`,
    `<p><small>${escapeHtml(mail.footer)}</small></p>`,
  ].join('');
  return { to: mail.to, subject: mail.subject, text, html };
}

/** `origin` + an in-app path: the absolute link a mail carries (origin = PUBLIC_ORIGIN, or the request's). */
export function mailLink(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
