import { describe, expect, it, vi } from 'vitest';
import { shareOrCopy } from './share.ts';

const data = {
  title: 'Conquistas',
  text: 'Conquistei o badge 🔥',
  url: 'https://arco.example/inicio/conquistas',
};

describe('shareOrCopy', () => {
  it('uses the Web Share API when the device has it', async () => {
    const share = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareOrCopy(data, { share, clipboard: { writeText } })).toBe('shared');
    expect(share).toHaveBeenCalledWith(data);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('treats a cancelled share as cancelled, not as a failure to fall back from', async () => {
    const share = () => Promise.reject(new DOMException('cancelled', 'AbortError'));
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareOrCopy(data, { share, clipboard: { writeText } })).toBe('cancelled');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies the text and link without the Share API, or when sharing this data is refused', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await shareOrCopy(data, { clipboard: { writeText } })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(`${data.text} ${data.url}`);
    const refused = { share: vi.fn(), canShare: () => false, clipboard: { writeText } };
    expect(await shareOrCopy(data, refused)).toBe('copied');
    expect(refused.share).not.toHaveBeenCalled();
  });

  it('says it failed when neither works', async () => {
    const writeText = () => Promise.reject(new Error('denied'));
    expect(await shareOrCopy(data, { clipboard: { writeText } })).toBe('failed');
    expect(await shareOrCopy(data, {})).toBe('failed');
  });
});
