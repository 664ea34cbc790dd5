// Casts a stakeholder vote through one node and reads it back over the regulators' RPC on
// another (the node named in the argument). Returns the number of votes the audit trail shows
// for the new proposal. Zombienet runs it through `require`, so it is CommonJS.

async function sendAndWait(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      else if (status.isInBlock) resolve(events);
    }).catch(reject);
  });
}

async function run(nodeName, networkInfo, args) {
  const [regulatorNode] = args;
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  const regulator = new zombie.WsProvider(networkInfo.nodesByName[regulatorNode].wsUri);
  await regulator.isReady;
  try {
    const keyring = new zombie.Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const dave = keyring.addFromUri('//Dave');
    // A local-scope (1) proposal without a call; Dave, a community stakeholder there, votes.
    const description = zombie.util.blake2AsHex(`zombienet smoke ${Date.now()}`);
    const events = await sendAndWait(api, api.tx.stakeholderVoting.propose(1, 'Smoke test', description, null), alice);
    const proposed = events.find(({ event }) => event.section === 'stakeholderVoting' && event.method === 'Proposed');
    const index = proposed.event.data[0].toNumber();
    await sendAndWait(api, api.tx.stakeholderVoting.vote(index, 'Aye'), dave);
    console.log(`voted Aye on proposal ${index} through ${nodeName}`);
    // The supervision node sees the vote once it imported the block.
    for (;;) {
      const trail = await regulator.send('supervision_auditTrail', [dave.address, 100, null]);
      const votes = trail.votes.filter(([i]) => i === index);
      if (votes.length > 0) {
        console.log(`${regulatorNode} audit trail of Dave: ${JSON.stringify(votes)}`);
        return votes.length;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await api.disconnect();
    await regulator.disconnect();
  }
}

module.exports = { run };
