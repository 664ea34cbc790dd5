// Signing and submitting extrinsics with a timeout, resolving once the extrinsic is in a block.

import { withTimeout } from './harness.mjs';

/**
 * Signs and sends `tx` as `signer`; resolves with { events, blockHash } once it is in a block and
 * succeeded. Rejects with the pool's error (e.g. "1010: Invalid Transaction: ...") or the
 * dispatch error's `section.name` if it failed on chain.
 */
export function sendAndWait(api, tx, signer, { ms = 60_000, finalized = false } = {}) {
  return withTimeout(new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      const done = finalized ? status.isFinalized : (status.isInBlock || status.isFinalized);
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
        return;
      }
      if (!done) return;
      if (unsub) unsub();
      const blockHash = status.isInBlock ? status.asInBlock : status.asFinalized;
      if (dispatchError) {
        let message = dispatchError.toString();
        if (dispatchError.isModule) {
          const meta = api.registry.findMetaError(dispatchError.asModule);
          message = `${meta.section}.${meta.name}`;
        }
        const err = new Error(`dispatch failed: ${message}`);
        err.events = events;
        err.blockHash = blockHash;
        reject(err);
        return;
      }
      resolve({ events, blockHash });
    }).then((u) => { unsub = u; }, reject);
  }), ms, 'the transaction to be included');
}
