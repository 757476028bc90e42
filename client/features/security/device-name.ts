import Bowser from 'bowser';

/** "Chrome em Linux": what this browser is, to propose as a new passkey's name (the person may change it). */
export function thisDeviceName(userAgent: string, on: (browser: string, os: string) => string): string {
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return on(browser, os).slice(0, 60);
  return (browser || os || 'Passkey').slice(0, 60);
}
