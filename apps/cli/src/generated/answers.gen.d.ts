// Generated from spec/openapi.yaml (its bundle, spec/dist/openapi.json) by `pnpm generate` (scripts/generate.ts).
// Do not edit: change the spec and regenerate.
// The types of answers.gen.js.
export interface AnswerProblem {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}
export interface AnswerValidator {
  (data: unknown): boolean;
  errors?: AnswerProblem[] | null;
}
export declare const isBatchTaskInfo: AnswerValidator;
export declare const isBatchTaskInfoList: AnswerValidator;
export declare const isODataSlimResponse: AnswerValidator;
