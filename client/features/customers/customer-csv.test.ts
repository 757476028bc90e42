import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createDomainTextRenderer } from '../../../shared/domain-text/render.ts';
import { createTestI18n as createI18n } from '../../test/i18n.ts';
import { buildRows, sortRows } from './customer-rows.ts';
import { centsToDecimal, CSV_FORMATS, csvFileName, csvRecords, toCsv } from './customer-csv.ts';
import { csmNameResolver } from './staff-directory.ts';
import { customerDoc, JOAO, MARIA, PEDRO, WIREFRAME_CUSTOMERS, WIREFRAME_HEALTH } from './test-fixtures.ts';
import { CUSTOMERS_NS, type CustomersT } from './use-customers-translation.ts';

const tFor = (language: 'pt-BR' | 'en') =>
  createI18n(language).getFixedT(language, CUSTOMERS_NS as never) as unknown as CustomersT;
const names = csmNameResolver(MARIA, [JOAO, PEDRO], (ref) => `CSM ${ref}`);
const rows = sortRows(buildRows(WIREFRAME_CUSTOMERS, WIREFRAME_HEALTH, names), {
  key: 'mrr',
  direction: 'desc',
});

describe('centsToDecimal', () => {
  it.each([
    [450_000, ',', '4500,00'],
    [12_745_000, ',', '127450,00'],
    [123_456, '.', '1234.56'],
    [5, ',', '0,05'],
    [0, ',', '0,00'],
    [-150, ',', '-1,50'],
  ] as const)('%i cents with %j → %s', (cents, decimal, expected) => {
    expect(centsToDecimal(cents, decimal)).toBe(expected);
  });
});

describe('CSV export (pt-BR, for Excel)', () => {
  const text = toCsv(
    csvRecords(rows, tFor('pt-BR'), CSV_FORMATS['pt-BR'], createDomainTextRenderer('pt-BR')),
    CSV_FORMATS['pt-BR'],
  );

  it('starts with a UTF-8 BOM, separates fields with ; and records with CRLF', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')).toHaveLength(6);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFCliente;Domínio;Setor;Porte;Localização;Plano;Status;MRR (R$);ARR (R$);Saúde;Situação da saúde;' +
        'Tendência da saúde (30 dias);Usuários ativos;Licenças;CSM;Cliente desde;Renovação;Tipo de renovação;Principal risco',
    );
  });

  it.each([
    [
      1,
      'TechCorp LTDA;techcorp.com.br;SaaS;201-500;São Paulo, SP;Enterprise;Ativo;4500,00;54000,00;92;Saudável;5;85;100;Maria Santos;15/01/2024;15/01/2027;Renovação automática;',
    ],
    [
      2,
      'Fintech ABC;fintechabc.com.br;Fintech;;;Pro;Ativo;3200,00;38400,00;87;Saudável;0;42;50;João Silva;03/06/2024;;Renovação automática;',
    ],
    [
      4,
      'AgênciaDigital;agenciadigital.com.br;Marketing;;;Pro;Ativo;2100,00;25200,00;68;Em risco;-6;28;60;Maria Santos;01/04/2025;;Renovação manual;Uso abaixo de 50% da capacidade (28 de 60 licenças em uso)',
    ],
    [
      5,
      'StartupXYZ;startupxyz.com.br;Tecnologia;;;Starter;Ativo;1500,00;18000,00;42;Crítico;-18;15;20;;10/05/2025;;Renovação automática;Sem login há 14 dias',
    ],
  ])('record %i in MRR order', (index, expected) => {
    expect(text.split('\r\n')[index]).toBe(expected);
  });

  it('parses back to the same cells (quotes where needed)', () => {
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]?.[4]).toBe('São Paulo, SP');
    expect(parsed.data).toHaveLength(6);
  });

  it('escapes text a spreadsheet would run as a formula, but not negative numbers', () => {
    const evil = buildRows([customerDoc(9, { name: '=HYPERLINK("http://x")', industry: '-2+3' })], [], names);
    const records = csvRecords(evil, tFor('pt-BR'), CSV_FORMATS['pt-BR'], createDomainTextRenderer('pt-BR'));
    const line = toCsv(records, CSV_FORMATS['pt-BR']).split('\r\n')[1];
    expect(line?.startsWith(`"'=HYPERLINK(""http://x"")";;"'-2+3"`)).toBe(true);
  });
});

describe('CSV export (English)', () => {
  it('uses commas, decimal points and ISO dates', () => {
    const text = toCsv(
      csvRecords(rows.slice(0, 1), tFor('en'), CSV_FORMATS.en, createDomainTextRenderer('en')),
      CSV_FORMATS.en,
    );
    const [header, first] = text.slice(1).split('\r\n');
    expect(header?.startsWith('Customer,Domain,Industry,Size,Location,Plan,Status,MRR (BRL)')).toBe(true);
    expect(first).toBe(
      'TechCorp LTDA,techcorp.com.br,SaaS,201-500,"São Paulo, SP",Enterprise,Active,4500.00,54000.00,92,Healthy,5,85,100,Maria Santos,2024-01-15,2027-01-15,Auto-renew,',
    );
  });

  it('writes the top risk in English too (risk factors are stored as codes)', () => {
    const text = toCsv(
      csvRecords(rows, tFor('en'), CSV_FORMATS.en, createDomainTextRenderer('en')),
      CSV_FORMATS.en,
    );
    const records = text.slice(1).split('\r\n');
    expect(records[4]?.endsWith(',Usage below 50% of capacity (28 of 60 seats in use)')).toBe(true);
    expect(records[5]?.endsWith(',No login for 14 days')).toBe(true);
  });
});

it('names the file clientes-AAAA-MM-DD.csv', () => {
  expect(csvFileName('2026-11-21')).toBe('clientes-2026-11-21.csv');
});
