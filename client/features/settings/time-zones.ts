/**
 * The IANA zones of Brazil offered on the profile (tz database `zone1970.tab`, country BR). Several share one
 * `Intl` name ("Horário Padrão de Brasília"), so each option also names the city the zone is called after —
 * proper names, written the same in both languages.
 */
export const BRAZILIAN_TIME_ZONES = [
  { zone: 'America/Sao_Paulo', city: 'São Paulo' },
  { zone: 'America/Manaus', city: 'Manaus' },
  { zone: 'America/Cuiaba', city: 'Cuiabá' },
  { zone: 'America/Campo_Grande', city: 'Campo Grande' },
  { zone: 'America/Porto_Velho', city: 'Porto Velho' },
  { zone: 'America/Boa_Vista', city: 'Boa Vista' },
  { zone: 'America/Rio_Branco', city: 'Rio Branco' },
  { zone: 'America/Belem', city: 'Belém' },
  { zone: 'America/Fortaleza', city: 'Fortaleza' },
  { zone: 'America/Recife', city: 'Recife' },
  { zone: 'America/Maceio', city: 'Maceió' },
  { zone: 'America/Bahia', city: 'Bahia' },
  { zone: 'America/Araguaina', city: 'Araguaína' },
  { zone: 'America/Santarem', city: 'Santarém' },
  { zone: 'America/Noronha', city: 'Fernando de Noronha' },
  { zone: 'America/Eirunepe', city: 'Eirunepé' },
] as const;

export interface TimeZoneOption {
  readonly zone: string;
  readonly label: string;
}

/**
 * The options of the time-zone select: Brazil's zones, plus `current` when it is another one (a profile set
 * elsewhere, e.g. Europe/Lisbon, must stay selectable rather than silently change on save).
 */
export function timeZoneOptions(current: string, zoneName: (zone: string) => string): TimeZoneOption[] {
  const options: TimeZoneOption[] = BRAZILIAN_TIME_ZONES.map(({ zone, city }) => ({
    zone,
    label: `${city} (${zoneName(zone)})`,
  }));
  if (current && !options.some((o) => o.zone === current)) {
    const name = zoneName(current);
    options.unshift({ zone: current, label: name === current ? current : `${name} (${current})` });
  }
  return options;
}
