// OpenActive's validators ship no types: the parts the tests use.
declare module '@openactive/data-model-validator' {
  export function validate(
    data: unknown,
    options?: Record<string, unknown>,
  ): Promise<{ severity: string; message: string; path: string }[]>;
}

declare module '@openactive/rpde-validator' {
  export function RpdeValidator(
    url: string,
    options?: Record<string, unknown>,
  ): Promise<{ pages: { url: string; errors: { severity: string; message: string }[] }[] }>;
}
