import type { z } from "zod";

/** One readable line per problem: `malls.0.app.scopes: contains a scope Cafe24 does not define`. */
export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    return `${key}: ${issue.message}`;
  });
}
