import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/internal/url.js';

describe('safeHttpUrl', () => {
  it('accepts http(s) and resolves relative URLs', () => {
    expect(safeHttpUrl('https://cdn.example/a.m3u8')?.href).toBe('https://cdn.example/a.m3u8');
    expect(safeHttpUrl('/live/x.m3u8', 'https://shop.example/p/')?.href).toBe('https://shop.example/live/x.m3u8');
  });

  it('refuses every other scheme and garbage', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'http://[bad', '', 42, null]) {
      expect(safeHttpUrl(value, 'https://shop.example/')).toBeNull();
    }
  });
});
