/** The issues of the InputError a library call refuses with; any other outcome fails the test. */
import { InputError } from '../../src/index.js';

export async function refusal(run: () => Promise<unknown> | unknown): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected an InputError');
}
