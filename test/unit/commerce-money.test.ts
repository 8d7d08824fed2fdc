import { describe, expect, it } from 'vitest';
import { currencyCode, discountPercent, formatMoney, minorUnitDigits, parseDecimal, scaleAmount, toDecimalString } from '../../src/commerce/money.js';

describe('parseDecimal', () => {
  it('parses decimal strings exactly into minor units', () => {
    expect(parseDecimal('19.99', 'EUR')).toBe(1999);
    expect(parseDecimal('0.29', 'EUR')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(parseDecimal('1.005', 'KWD')).toBe(1005);
    expect(parseDecimal('1500', 'JPY')).toBe(1500);
    expect(parseDecimal('19.9', 'EUR')).toBe(1990);
    expect(parseDecimal('19.', 'EUR')).toBe(1900);
    expect(parseDecimal(' 4.50 ', 'USD')).toBe(450);
    expect(parseDecimal('19.990', 'EUR')).toBe(1999); // trailing zeros are fine
    expect(parseDecimal(19.99, 'EUR')).toBe(1999);
    expect(parseDecimal(1500, 'JPY')).toBe(1500);
    expect(parseDecimal('90071992547409.91', 'EUR')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseDecimal('90071992547409.92', 'EUR')).toBeNull(); // beyond safe integers
  });

  it('refuses anything that would need rounding or is not a plain decimal', () => {
    expect(parseDecimal('19.999', 'EUR')).toBeNull();
    expect(parseDecimal('1500.5', 'JPY')).toBeNull();
    for (const bad of ['', 'abc', '19,99', '1e3', '€19.99', '.5', '1.2.3', null, undefined, NaN, Infinity, {}]) {
      expect(parseDecimal(bad, 'EUR')).toBeNull();
    }
  });
});

describe('currencies', () => {
  it('knows minor units from Intl', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('normalises and checks ISO codes', () => {
    expect(currencyCode('eur')).toBe('EUR');
    expect(currencyCode('EURO')).toBeNull();
    expect(currencyCode('E1R')).toBeNull();
    expect(currencyCode(undefined)).toBeNull();
  });

  it('scales integer amounts between precisions without rounding', () => {
    expect(scaleAmount(1999, 2, 'EUR')).toBe(1999);
    expect(scaleAmount(150000, 2, 'JPY')).toBe(1500); // Shopify sends hundredths even for yen
    expect(scaleAmount(150050, 2, 'JPY')).toBeNull();
    expect(scaleAmount(1250, 2, 'KWD')).toBe(12500);
    expect(scaleAmount(18000000, 6, 'USD')).toBe(1800);
  });
});

describe('formatting', () => {
  it('formats in the shop currency and the widget locale', () => {
    expect(toDecimalString({ amount: 1999, currency: 'EUR' })).toBe('19.99');
    expect(toDecimalString({ amount: 5, currency: 'EUR' })).toBe('0.05');
    expect(toDecimalString({ amount: -5, currency: 'KWD' })).toBe('-0.005');
    expect(toDecimalString({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(formatMoney({ amount: 1999, currency: 'EUR' }, 'nl-NL').replace(/\s/g, ' ')).toBe('€ 19,99');
    expect(formatMoney({ amount: 1999, currency: 'EUR' }, 'fr-FR').replace(/\s/g, ' ')).toBe('19,99 €');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en-US')).toMatch(/¥1,500$/);
    expect(formatMoney({ amount: 1250, currency: 'KWD' }, 'en-US')).toMatch(/1\.250$/);
    // Large amounts stay exact: no float in between.
    expect(formatMoney({ amount: 900719925474099, currency: 'USD' }, 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('rounds discounts down, never claiming more than the real saving', () => {
    expect(discountPercent({ amount: 6700, currency: 'EUR' }, { amount: 10000, currency: 'EUR' })).toBe(33);
    expect(discountPercent({ amount: 1999, currency: 'EUR' }, { amount: 2999, currency: 'EUR' })).toBe(33);
    expect(discountPercent({ amount: 1000, currency: 'EUR' }, { amount: 1000, currency: 'EUR' })).toBe(0);
    expect(discountPercent({ amount: 1000, currency: 'EUR' }, undefined)).toBe(0);
    expect(discountPercent({ amount: 1000, currency: 'EUR' }, { amount: 2000, currency: 'USD' })).toBe(0);
  });
});
