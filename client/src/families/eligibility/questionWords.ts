// Questions the checker and a child's profile both ask, in the same words: `child` is "your
// child" in the checker and the child's first name in the profile.

export const supportQuestion = {
  heading: (child: string) => `What support does ${child} need to join in?`,
  hint: 'For example, at a club, an activity or a holiday scheme.',
};
