/** The hosts' tokens and API URLs, from the environment only. */
export function hostTokensOf(env: Record<string, string | undefined>) {
  return {
    ...(env.VERCEL_TOKEN && { vercelToken: env.VERCEL_TOKEN }),
    ...(env.VERCEL_API_URL && { vercelApiUrl: env.VERCEL_API_URL }),
    ...(env.NETLIFY_AUTH_TOKEN && { netlifyToken: env.NETLIFY_AUTH_TOKEN }),
    ...(env.NETLIFY_API_URL && { netlifyApiUrl: env.NETLIFY_API_URL })
  };
}

/** The branch a preview deploys: the pull request's head branch, else the pushed branch. */
export function branchOf(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
