import { addMoney, formatMoney, parsePounds, pence, subtractMoney, sumMoney } from './money';

describe('Money', () => {
  it('keeps amounts as whole pence', () => {
    expect(addMoney(pence(10), pence(20))).toEqual({ amountPence: 30, currency: 'GBP' });
    expect(subtractMoney(pence(10), pence(25)).amountPence).toBe(-15);
    expect(sumMoney([])).toEqual(pence(0));
    expect(sumMoney([pence(1), pence(2), pence(3)]).amountPence).toBe(6);
  });

  it('refuses fractions of a penny', () => {
    expect(() => pence(10.5)).toThrow('Amounts must be whole pence');
  });

  it('formats pounds the British way', () => {
    expect(formatMoney(pence(123450))).toBe('£1,234.50');
    expect(formatMoney(pence(5))).toBe('£0.05');
    expect(formatMoney(pence(-250))).toBe('-£2.50');
  });

  it.each([
    ['12', 1200],
    ['£12.5', 1250],
    ['1,234.56', 123456],
    [' 0.07 ', 7],
  ])('reads "%s" as %i pence', (text, expected) => {
    expect(parsePounds(text)?.amountPence).toBe(expected);
  });

  it.each(['', 'abc', '12.345', '-3', '1,23', '£'])('does not read "%s" as money', (text) => {
    expect(parsePounds(text)).toBeNull();
  });

  it('adds 0.1 + 0.2 pounds exactly', () => {
    const sum = addMoney(parsePounds('0.10')!, parsePounds('0.20')!);
    expect(sum.amountPence).toBe(30);
  });
});
