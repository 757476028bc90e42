import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../../shared/device-settings.ts';
import { formatTimeZone } from '../../ui/format.ts';
import { BRAZILIAN_TIME_ZONES, timeZoneOptions } from './time-zones.ts';

const ptName = (zone: string) => formatTimeZone(zone, { language: 'pt-BR' });

describe('time-zone options', () => {
  it('offers the 16 Brazilian zones, each known to the runtime and labelled with its city', () => {
    expect(BRAZILIAN_TIME_ZONES).toHaveLength(16);
    expect(BRAZILIAN_TIME_ZONES.every((z) => isTimeZone(z.zone))).toBe(true);
    const options = timeZoneOptions('America/Sao_Paulo', ptName);
    expect(options.map((o) => o.zone)).toEqual(BRAZILIAN_TIME_ZONES.map((z) => z.zone));
    expect(options[0]!.label).toBe('São Paulo (Horário Padrão de Brasília)');
    expect(new Set(options.map((o) => o.label)).size).toBe(16);
  });

  it('keeps a current zone from outside Brazil selectable, first', () => {
    const options = timeZoneOptions('Europe/Lisbon', ptName);
    expect(options).toHaveLength(17);
    expect(options[0]!.zone).toBe('Europe/Lisbon');
    expect(options[0]!.label).toContain('Europe/Lisbon');
  });
});
