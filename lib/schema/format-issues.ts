import type { z } from 'zod';

/** One line per problem, `path: message`, with "Required" for a missing field as people expect. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    const message = missing ? 'Required' : issue.message;
    return path ? `${path}: ${message}` : message;
  });
}
