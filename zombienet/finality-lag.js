// Best height minus finalised height on the node, after letting a few blocks pass.
// Zombienet runs it through `require`, so it is CommonJS.

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri);
  try {
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      worst = Math.max(worst, best - finalized);
      await new Promise((r) => setTimeout(r, 6000));
    }
    console.log(`${nodeName}: worst best-finalised lag over 30 s: ${worst} blocks`);
    return worst;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
