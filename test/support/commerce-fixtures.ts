// Product feeds the commerce tests load: a valid one, one with half its products invalid and
// one written by an attacker. Shared by the unit tests and the feed test server.

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** Six products: three fine, three broken in different ways. */
export const halfInvalidFeed = {
  currency: 'EUR',
  products: [
    { id: 'tee', title: 'Tee', price: '25.00' },
    { id: 'no-price', title: 'Nothing to pay' },
    { id: 'cap', title: 'Cap', price: '19.99', compareAtPrice: '24.99', stock: 2 },
    { id: 'comma', title: 'Comma price', price: '12,50' },
    {
      id: 'shirt',
      title: 'Shirt',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { id: 'shirt-s', optionValues: ['S'], price: '30' },
        { id: 'shirt-m', optionValues: ['M'], price: '32.50', available: false },
      ],
    },
    { id: 'mismatch', title: 'Mismatch', options: [{ name: 'Size', values: ['S'] }], variants: [{ id: 'x', optionValues: ['S', 'Red'], price: '10' }] },
  ],
};

/** Everything an attacker could put in a feed. */
export const hostileFeed = {
  currency: 'EUR',
  products: [
    {
      id: 'evil',
      title: HOSTILE,
      url: 'javascript:alert(1)',
      brand: '<script>alert(1)</script>',
      descriptionHtml:
        '<p>Soft <strong>cotton</strong>.<img src=x onerror="window.__vitrineXss = 1"><script>window.__vitrineXss = 2</script><a href="javascript:window.__vitrineXss=3">click</a><a href="https://example.com/care">care</a><span style="position:fixed">styled</span></p>',
      images: ['javascript:alert(1)', { url: 'https://cdn.example.com/evil.jpg', alt: HOSTILE }],
      price: '10.00',
      badges: [HOSTILE],
    },
  ],
};

/** A feed in JPY and KWD to check minor units. */
export const currenciesFeed = [
  { id: 'yen', title: 'Yen thing', currency: 'JPY', price: '1500' },
  { id: 'dinar', title: 'Dinar thing', currency: 'KWD', price: '1.250' },
];
