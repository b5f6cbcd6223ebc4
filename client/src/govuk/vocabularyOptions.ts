/**
 * A shared vocabulary's items (`{ code, label }`, as in '@harbour/shared') as the options of
 * radios, checkboxes or a select: the code is what is sent, the label what people read.
 */
export function vocabularyOptions<Code extends string>(
  items: readonly { code: Code; label: string }[],
): { value: Code; label: string }[] {
  return items.map(({ code, label }) => ({ value: code, label }));
}
