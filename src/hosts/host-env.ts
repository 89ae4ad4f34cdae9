/**
 * The hosts' settings from the environment, under the names their own CLIs read: tokens (only ever from here or an
 * action input), API URLs, and the project (`VERCEL_PROJECT_ID`, `VERCEL_ORG_ID` when it is a team,
 * `NETLIFY_SITE_ID`), which flags and inputs override.
 */
export function hostTokensOf(env: Record<string, string | undefined>) {
  return {
    ...(env.VERCEL_TOKEN && { vercelToken: env.VERCEL_TOKEN }),
    ...(env.VERCEL_API_URL && { vercelApiUrl: env.VERCEL_API_URL }),
    ...(env.VERCEL_PROJECT_ID && { vercelProject: env.VERCEL_PROJECT_ID }),
    ...(env.VERCEL_ORG_ID?.startsWith('team_') && { vercelTeam: env.VERCEL_ORG_ID }),
    ...(env.NETLIFY_AUTH_TOKEN && { netlifyToken: env.NETLIFY_AUTH_TOKEN }),
    ...(env.NETLIFY_API_URL && { netlifyApiUrl: env.NETLIFY_API_URL }),
    ...(env.NETLIFY_SITE_ID && { netlifySite: env.NETLIFY_SITE_ID })
  };
}

/** The branch a preview deploys: the pull request's head branch, else the pushed branch. */
export function branchOf(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
