/** Render a path like ['bots', 0, 'id'] as "bots[0].id", after an optional prefix such as "items[3]". */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

/** Render a zod error as "path.to.field: message; other: message" so users see which field is bad (a rule on the whole value is its message alone). */
export function formatZodError(error: { issues: ReadonlyArray<Issue> }, prefix = ''): string {
  return error.issues
    .flatMap((issue) =>
      // zod puts an unknown key's issue on the object; naming the key itself points at the typo.
      issue.code === 'unrecognized_keys' && issue.keys
        ? issue.keys.map((key) => `${formatPath([...issue.path, key], prefix)}: unknown field`)
        : [formatPath(issue.path, prefix) ? `${formatPath(issue.path, prefix)}: ${issue.message}` : issue.message],
    )
    .join('; ');
}
