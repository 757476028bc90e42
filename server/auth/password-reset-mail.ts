import type { SignedInUser } from '../../shared/identity.ts';
import { composeActionMail } from '../mail/compose.ts';
import type { MailMessage } from '../mail/mailer.ts';

/**
 * The password reset mail, in the user's language (pt-BR unless their profile says English), as a one-action
 * mail (server/mail/compose.ts: the link as a button and in full). The token travels in the URL's fragment
 * (`#token=…`), which browsers never send to a server: it cannot land in an access log or a Referer header.
 */
export function passwordResetMail(user: SignedInUser, link: string, validMinutes: number): MailMessage {
  const hours = validMinutes / 60;
  if (user.locale === 'en')
    return composeActionMail({
      to: user.email,
      subject: 'Reset your Arco password',
      greeting: `Hello, ${user.name}.`,
      paragraphs: [
        'Someone (hopefully you) asked to reset the password of your Arco account. Choose a new password with the link below.',
      ],
      action: { label: 'Choose a new password', url: link },
      footer: `The link works once and expires in ${hours === 1 ? '1 hour' : `${hours} hours`}. Setting a new password signs you out of every device. If you did not ask for this, ignore this e-mail: your password stays the same.`,
    });
  return composeActionMail({
    to: user.email,
    subject: 'Redefina sua senha do Arco',
    greeting: `Olá, ${user.name}.`,
    paragraphs: [
      'Alguém (esperamos que você) pediu para redefinir a senha da sua conta no Arco. Escolha uma nova senha pelo link abaixo.',
    ],
    action: { label: 'Escolher nova senha', url: link },
    footer: `O link funciona uma vez e expira em ${hours === 1 ? '1 hora' : `${hours} horas`}. Ao definir a nova senha, você sai de todos os aparelhos. Se não foi você, ignore este e-mail: sua senha continua a mesma.`,
  });
}
