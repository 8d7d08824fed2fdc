/**
 * The URL of an image at about `width` CSS pixels (twice that, for sharp screens) on image CDNs
 * that resize on request (Shopify's), so an 80 px card does not download and decode the full
 * product photo. Other URLs are returned as they are.
 */
export function sizedImage(url: URL, width: number): string {
  if (url.hostname === 'cdn.shopify.com' || url.pathname.startsWith('/cdn/shop/')) {
    const sized = new URL(url.href);
    sized.searchParams.set('width', String(Math.round(width * 2)));
    return sized.href;
  }
  return url.href;
}
