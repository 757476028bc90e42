import { Svg } from '../../ui/icons.tsx';

/**
 * The money area's navigation icon, drawn inline like the shell's (client/ui/icons.tsx): decorative, the label
 * beside it carries the meaning.
 */
export function WalletIcon({ size = 24 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M20 12V8H6a2 2 0 0 1 0-4h12v4" />
      <path d="M4 6v12a2 2 0 0 0 2 2h14v-4" />
      <path d="M18 12a2 2 0 0 0 0 4h4v-4z" />
    </Svg>
  );
}
