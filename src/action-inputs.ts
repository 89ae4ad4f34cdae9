import * as core from '@actions/core';
import { resolve } from 'node:path';
import type { GateOptionsInput } from './engine/options.js';
import type { GitHubContext } from './github/event.js';
import type { PublishSettings } from './github/publish.js';
import { readDeploymentStatus, type DeploymentStatus } from './github/deployment-status.js';
import { ENGINE_OPTIONS, SHELL_OPTIONS, type OptionSpec } from './options/declarations.js';
import { parseOptions } from './options/parse.js';
import type { ShellEnvironment } from './shell-environment.js';

interface ActionOptions {
  gate: GateOptionsInput;
  publishing: PublishSettings & { fromReport: string };
}

/**
 * The action's inputs, read and checked from the declarations (errors name the input), with the environment's
 * defaults and, on deployment_status, what the deployment says. Every secret is masked before anything is printed.
 */
export function readActionOptions(shell: ShellEnvironment, github: GitHubContext): ActionOptions {
  const raw = (spec: OptionSpec): string | undefined =>
    spec.input === undefined ? undefined : core.getInput(spec.input);
  const name = (spec: OptionSpec): string => spec.input ?? '';
  const given = parseOptions(ENGINE_OPTIONS, raw, name, shell.defaults);
  const own = parseOptions(SHELL_OPTIONS, raw, name);
  for (const secret of [given.vercelProtectionBypass, given.vercelToken, given.netlifyToken]) {
    if (secret) core.setSecret(secret);
  }
  // On deployment_status, the deploy that finished says where it is and which environment it is, unless the
  // inputs say otherwise.
  const deployment = github.eventName === 'deployment_status' ? readDeploymentStatus(github.eventPath) : undefined;
  const workspace = github.workspace ?? process.cwd();
  const gate: GateOptionsInput = {
    ...given,
    cwd: resolve(workspace, own.workingDirectory ?? '.'),
    ...fromDeployment(given, deployment),
    processEnv: own.scanProcessEnv ? shell.variables : undefined
  };
  return {
    gate,
    publishing: {
      token: own.githubToken ?? '',
      comment: own.comment ?? 'always',
      ...(own.prNumber !== undefined && { prNumber: own.prNumber }),
      checkRun: own.checkRun ?? false,
      fromReport: (own.fromReport ?? '').trim()
    }
  };
}

type Given = ReturnType<typeof parseOptions<typeof ENGINE_OPTIONS>>;

/**
 * The environment and URL of a deployment_status event, for inputs left empty. The bypass secret goes only to the
 * deployment it is for: the URL the user named, or a Vercel deployment (made by Vercel's app, or on *.vercel.app).
 */
function fromDeployment(given: Given, deployment: DeploymentStatus | undefined): Partial<GateOptionsInput> {
  if (!deployment) return {};
  const environment = given.environment ?? deployment.environment;
  let productionEnvironments = given.productionEnvironments;
  if (given.environment === undefined && deployment.environment && deployment.isProduction) {
    productionEnvironments = [...(productionEnvironments ?? ['production']), deployment.environment];
  }
  const fromPayload = given.deploymentUrl === undefined && deployment.url !== undefined;
  const withheld = fromPayload && given.vercelProtectionBypass !== undefined && !deployment.isVercel;
  if (withheld) {
    core.info(
      'The Vercel bypass secret is not sent: the deployment_status event is not from a Vercel deployment ' +
        '(set deployment-url to send it to a site you name).'
    );
  }
  return {
    ...(environment !== undefined && { environment }),
    ...(productionEnvironments !== undefined && { productionEnvironments }),
    ...(fromPayload && { deploymentUrl: deployment.url }),
    vercelProtectionBypass: withheld ? undefined : given.vercelProtectionBypass
  };
}
