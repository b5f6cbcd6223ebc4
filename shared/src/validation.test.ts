import { emailSchema, postcodeSchema, textSchema } from './validation';

describe('validation at the edge', () => {
  it('refuses an operator object where text is expected', () => {
    const result = textSchema('Comments', { max: 10 }).safeParse({ $gt: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Comments must be text');
  });

  it('trims and limits text with words a person understands', () => {
    const schema = textSchema('Name', { min: 1, max: 5 });
    expect(schema.parse('  Sam ')).toBe('Sam');
    expect(schema.safeParse('   ').error?.issues[0]?.message).toBe('Enter name');
    expect(schema.safeParse('Samantha').error?.issues[0]?.message).toBe(
      'Name must be 5 characters or fewer',
    );
  });

  it('normalises email addresses', () => {
    expect(emailSchema.parse(' Parent@Example.COM ')).toBe('parent@example.com');
    expect(emailSchema.safeParse('parent@').success).toBe(false);
  });

  it.each([
    ['ex39 1aa', 'EX39 1AA'],
    ['PL41AA', 'PL4 1AA'],
    ['tq13', 'TQ13'],
  ])('normalises postcode %s to %s', (input, output) => {
    expect(postcodeSchema.parse(input)).toBe(output);
  });

  it.each(['', '12345', 'EX39 1A', 'HELLO'])('refuses %s as a postcode', (input) => {
    expect(postcodeSchema.safeParse(input).success).toBe(false);
  });
});
