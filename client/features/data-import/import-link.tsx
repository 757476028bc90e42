import { ButtonLink } from '../../ui/button.tsx';
import { useDataImportText } from './i18n.ts';
import { csvImportPath } from './paths.ts';

/** "Importar dados (CSV)" for a customer: the Customer 360's way into the import screen. */
export function CsvImportLink({ customerId }: { customerId: string }) {
  const { text } = useDataImportText();
  return <ButtonLink to={csvImportPath(customerId)}>{text.link}</ButtonLink>;
}
