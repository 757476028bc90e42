/**
 * Sharing an achievement (dashboard "Mobile-First: Share API integration"): the Web Share API where the
 * device offers it, else the link copied to the clipboard. The navigator is a parameter (tests pass a fake).
 * A share the user cancels is not an error.
 */
export interface ShareTarget {
  share?: (data: { title: string; text: string; url: string }) => Promise<void>;
  canShare?: (data: { title: string; text: string; url: string }) => boolean;
  clipboard?: { writeText: (text: string) => Promise<void> };
}

export type ShareOutcome = 'shared' | 'cancelled' | 'copied' | 'failed';

export async function shareOrCopy(
  data: { title: string; text: string; url: string },
  target: ShareTarget,
): Promise<ShareOutcome> {
  if (target.share && (target.canShare?.(data) ?? true)) {
    try {
      await target.share(data);
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Another failure (not allowed here, no share target): fall back to copying.
    }
  }
  if (!target.clipboard) return 'failed';
  try {
    await target.clipboard.writeText(`${data.text} ${data.url}`);
    return 'copied';
  } catch {
    return 'failed';
  }
}
