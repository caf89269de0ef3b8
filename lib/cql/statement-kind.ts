/**
 * Whether a workbench statement only reads. The workbench lets a viewer read; anything else needs an
 * operator. Unknown is writing: a statement this list does not know is never let through as a read.
 */
import { firstKeyword } from './split-statements';

const READING_KEYWORDS = new Set(['SELECT', 'DESCRIBE', 'DESC', 'USE', 'LIST']);

export function onlyReads(statement: string): boolean {
  return READING_KEYWORDS.has(firstKeyword(statement));
}
