import { passwordProblems } from './passwords';

describe('password rules', () => {
  it.each([
    ['short', 'Password must be 10 characters or more'],
    ['parent@example.com', 'Password must not be your email address'],
    ['password123', 'Password is too easy to guess. Try 3 random words together'],
    ['aaaaaaaaaaaa', 'Password is too easy to guess. Try 3 random words together'],
  ])('refuses "%s"', (password, problem) => {
    expect(passwordProblems(password, 'parent@example.com')).toEqual([problem]);
  });

  it('accepts three random words', () => {
    expect(passwordProblems('kettle harbour violet', 'parent@example.com')).toEqual([]);
  });
});
