import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationEvent } from '../../shared/domain/notifications/events.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { deliverEvents } from './deliver.ts';
import { sendDigests } from './digest.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { writePreferences } from './preferences-store.ts';

/**
 * The e-mail digest through nodemailer to a real SMTP server on loopback (smtp-server): one mail per recipient
 * listing what is queued, each item mailed once, muted e-mail never queued, a refused mail kept for next time.
 */

const NOW = new Date('2026-11-20T15:00:00.000Z');
let t: TestDatabase;
let tenant: TestTenant;
let smtp: SMTPServer;
let port = 0;
let refuse = false;
const mails: { from: string; to: string[]; data: string }[] = [];
const logger = createLogger({ level: 'silent' });
let mailer: Mailer;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { now: NOW });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(new Error('mailbox unavailable'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  mailer = createMailer(
    testConfig({ mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Arco <avisos@arco.example>' } }),
    logger,
  );
}, 120_000);
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
});

const event = (n: number): NotificationEvent => ({
  type: 'invoice_due',
  key: `invoice_due:test-${n}`,
  customerId: tenant.customerId,
  path: `/inicio/faturas/${n}`,
  tag: `invoice-${n}`,
  params: { type: 'invoice_due', number: `NF-${n}`, amountCents: 125_000, dueDate: '2026-11-23' },
});

async function deliver(events: NotificationEvent[]) {
  const writer = createServerWriter({
    db: t.db,
    feed: createMemoryChangeFeed(() => undefined),
    clock: () => NOW,
  });
  return deliverEvents(
    { db: t.db, writer, clock: () => NOW, push: null, logger },
    tenant.organizationId,
    events,
  );
}

const digest = () =>
  sendDigests({ db: t.db, mailer, logger, publicOrigin: 'https://arco.example' }, tenant.organizationId);

describe('the e-mail digest', () => {
  it('sends each recipient one mail with every queued item, once', async () => {
    expect((await deliver([event(1), event(2)])).emailQueued).toBe(2);
    expect(await digest()).toEqual({ mails: 1, items: 2 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe('avisos@arco.example');
    expect(mail.to).toEqual([expect.stringContaining(`client-${tenant.client.userId}`)]);
    expect(mail.data).toContain('Subject: Arco: 2 novidades');
    const text = mail.data.replace(/=\r?\n/g, '');
    expect(text).toContain('NF-1');
    expect(text).toContain('https://arco.example/inicio/faturas/2');

    expect(await digest()).toEqual({ mails: 0, items: 0 });
    expect(mails).toHaveLength(1);
  });

  it('never queues a muted e-mail', async () => {
    await t.db.withIdentity(tenant.client, (c) =>
      writePreferences(
        c,
        { organizationId: tenant.organizationId, userId: tenant.client.userId },
        {
          types: { invoice_due: { push: true, inApp: true, email: false } },
          quietHours: { enabled: false, start: '22:00', end: '07:00' },
        },
      ),
    );
    expect((await deliver([event(3)])).emailQueued).toBe(0);
    expect(await digest()).toEqual({ mails: 0, items: 0 });
    await t.db.withIdentity(tenant.client, (c) =>
      writePreferences(
        c,
        { organizationId: tenant.organizationId, userId: tenant.client.userId },
        { types: {}, quietHours: { enabled: false, start: '22:00', end: '07:00' } },
      ),
    );
  });

  it('keeps the items when the SMTP server refuses the mail, and sends them on the next run', async () => {
    await deliver([event(4)]);
    refuse = true;
    expect(await digest()).toEqual({ mails: 0, items: 1 });
    refuse = false;
    expect(await digest()).toEqual({ mails: 1, items: 1 });
    expect(mails.at(-1)!.data).toContain('Subject: Arco: 1 novidade');
  });

  it('writes the mail to the log when no SMTP server is configured', async () => {
    const lines: string[] = [];
    const logged = createLogger({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logMailer = createMailer(
      testConfig({ mail: { smtpUrl: undefined, from: 'Arco <a@b.example>' } }),
      logged,
    );
    await logMailer.send({ to: 'x@y.example', subject: 'Arco: 1 novidade', text: 'Olá', html: '<p>Olá</p>' });
    expect(lines.join('')).toContain('"event":"mail_logged"');
    expect(lines.join('')).toContain('Arco: 1 novidade');
  });

  it('in production without an SMTP server drops the mail and never logs its text (links are credentials)', async () => {
    const lines: string[] = [];
    const logged = createLogger({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const prodMailer = createMailer(
      testConfig({ env: 'production', mail: { smtpUrl: undefined, from: 'Arco <a@b.example>' } }),
      logged,
    );
    await prodMailer.send({
      to: 'x@y.example',
      subject: 'Redefinir senha',
      text: 'https://arco.example/redefinir-senha/SECRET-TOKEN',
      html: '<a href="https://arco.example/redefinir-senha/SECRET-TOKEN">x</a>',
    });
    const log = lines.join('');
    expect(log).toContain('"event":"mail_off"');
    expect(log).toContain('"event":"mail_dropped"');
    expect(log).toContain('Redefinir senha');
    expect(log).not.toContain('SECRET-TOKEN');
  });
});
