/** Render a path like ['bots', 0, 'id'] as "bots[0].id", after an optional prefix such as "items[3]". */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Render a zod error as "path.to.field: message; other: message" so users see which field is bad. */
export function formatZodError(error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> }, prefix = ''): string {
  return error.issues.map((issue) => `${formatPath(issue.path, prefix) || '(root)'}: ${issue.message}`).join('; ');
}
