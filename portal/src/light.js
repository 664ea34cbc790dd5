// The light client: smoldot runs in this page, syncs the chain from the chain spec shipped with
// the portal (its genesis is the trust root; GRANDPA warp sync proves every later authority set),
// and answers the page's JSON-RPC itself — every storage read and runtime call checked against
// the state root of a block whose finality it verified. No server is trusted for what is shown.
//
// @polkadot/api's own ScProvider drives it; this file only gives ScProvider the small
// `createScClient` interface it expects, backed by smoldot.

import { start } from 'smoldot';
import { ScProvider } from '@polkadot/rpc-provider/substrate-connect';

let client = null;

/** smoldot behind the `@substrate/connect` shape ScProvider takes. */
const Sc = {
  WellKnownChain: {},
  createScClient: () => ({
    addWellKnownChain: () => Promise.reject(new Error('no well-known chains: give a chain spec')),
    addChain: async (chainSpec, onResponse) => {
      client ??= start({ maxLogLevel: 2, cpuRateLimit: 0.8 });
      const chain = await client.addChain({ chainSpec });
      let live = true;
      (async () => {
        while (live) {
          let response;
          try {
            response = await chain.nextJsonRpcResponse();
          } catch (_) {
            return; // the chain was removed
          }
          onResponse(response);
        }
      })();
      return {
        sendJsonRpc: (json) => chain.sendJsonRpc(json),
        remove: () => { live = false; chain.remove(); },
        addChain: () => Promise.reject(new Error('no parachains')),
      };
    },
  }),
};

/** A provider for @polkadot/api that reads through smoldot, started from `specText`. */
export const lightProvider = (specText) => new ScProvider(Sc, specText);
