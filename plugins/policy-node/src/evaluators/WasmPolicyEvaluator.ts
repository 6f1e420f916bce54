import { loadPolicy, LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { DecisionPoint } from '@finops/plugin-policy-common';
import { readFile } from 'node:fs/promises';
import { PolicyDocument, PolicyEvaluator, PolicyModule } from './types';

/** What scripts/lib/build-policy-bundle.sh writes beside policy.wasm. */
export interface PolicyBundleManifest {
  revision: string;
  entrypoints: string[];
  /** The Rego the Wasm was compiled from, for the policy browser. */
  modules: PolicyModule[];
}

/**
 * Evaluates the Rego policies compiled to Wasm, in process. The module is
 * instantiated once and reused: evaluation is synchronous, so calls never
 * interleave on its memory.
 */
export class WasmPolicyEvaluator implements PolicyEvaluator {
  readonly kind = 'embedded';
  readonly #policy: LoadedPolicy;
  readonly #manifest: PolicyBundleManifest;

  static async fromFiles(options: {
    wasmPath: string;
    manifestPath: string;
  }): Promise<WasmPolicyEvaluator> {
    const [wasm, manifest] = await Promise.all([
      readFile(options.wasmPath),
      readFile(options.manifestPath, 'utf8'),
    ]);
    return new WasmPolicyEvaluator(
      await loadPolicy(wasm),
      JSON.parse(manifest),
    );
  }

  private constructor(policy: LoadedPolicy, manifest: PolicyBundleManifest) {
    this.#policy = policy;
    this.#manifest = manifest;
  }

  async evaluate(
    point: DecisionPoint,
    input: unknown,
    options?: { rules?: boolean },
  ): Promise<PolicyDocument> {
    const document: PolicyDocument = {};
    const prefix = `finops/${point}/`;
    for (const entrypoint of this.#manifest.entrypoints) {
      if (!entrypoint.startsWith(prefix)) continue;
      // Each entrypoint copies the input into Wasm memory and runs; the
      // rules object is constant, so decisions skip it.
      if (!options?.rules && entrypoint === `${prefix}rules`) continue;
      const resultSet = this.#policy.evaluate(input, entrypoint) as Array<{
        result: unknown;
      }>;
      // An undefined rule yields an empty result set, as OPA omits it.
      if (resultSet.length > 0) {
        document[entrypoint.slice(prefix.length)] = resultSet[0].result;
      }
    }
    return document;
  }

  async revision(): Promise<string> {
    return this.#manifest.revision;
  }

  async modules(): Promise<PolicyModule[]> {
    return this.#manifest.modules;
  }
}
