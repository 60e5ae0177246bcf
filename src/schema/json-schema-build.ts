/** Small builders for the JSON Schema documents camsize writes (draft 2020-12, plain data). */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
export const obj = (description: string, properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
export const text = (description: string): Schema => ({ type: 'string', description });
export const num = (description: string): Schema => ({ type: 'number', description });
export const count = (description: string): Schema => ({ type: 'integer', minimum: 0, description });
export const hour = (description: string): Schema => ({ type: 'integer', minimum: 0, maximum: 23, description });
export const yes = (description: string): Schema => ({ const: true, description });
export const hours = (items: Schema, description: string): Schema => ({ type: 'array', items, minItems: 24, maxItems: 24, description });
