import { describe, expect, it } from 'vitest';
import { collectSetup } from './create-admin-cli.ts';

/** `npm run create-admin` input: flags, prompts for what is missing, the password from the env or a hidden prompt. */
describe('create-admin input', () => {
  it('takes flags and the password from ARCO_ADMIN_PASSWORD without asking anything', async () => {
    const result = await collectSetup(
      [
        '--organization',
        ' Agência Aurora ',
        '--name',
        'Eva',
        '--email',
        'Eva@Aurora.example',
        '--locale',
        'en',
      ],
      { ARCO_ADMIN_PASSWORD: 'senha-forte-123' },
      null,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        organizationName: 'Agência Aurora',
        name: 'Eva',
        email: 'eva@aurora.example',
        password: 'senha-forte-123',
        locale: 'en',
      },
    });
  });

  it('asks for what is missing, the password hidden, and reports every invalid value', async () => {
    const asked: [string, boolean][] = [];
    const answers: Record<string, string> = {
      'Seu nome: ': 'Eva',
      'Seu e-mail: ': 'eva',
      'Senha (mínimo 10 caracteres): ': 'curta',
    };
    const result = await collectSetup(['--organization', 'Aurora'], {}, async (q, hidden) => {
      asked.push([q, hidden]);
      return answers[q] ?? '';
    });
    expect(asked).toEqual([
      ['Seu nome: ', false],
      ['Seu e-mail: ', false],
      ['Senha (mínimo 10 caracteres): ', true],
    ]);
    expect(result).toEqual({
      ok: false,
      problems: ['email: Enter an email address.', 'password: Use at least 10 characters.'],
    });
  });
});
