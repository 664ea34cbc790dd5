// What Polkadot.js Apps users get: `@polkadot/api` loaded with exactly
// `scripts/polkadotjs/polity.json` calls every custom RPC method the node serves, by name; and
// every Polity runtime API decorates from the metadata alone (no extra types) and answers.

import { blake2AsHex } from '@polkadot/util-crypto';
import { assert, assertEq, test } from '../lib/harness.mjs';
import { polityRpc } from '../lib/definitions.mjs';
import { connect } from '../lib/node.mjs';
import { sendAndWait } from '../lib/tx.mjs';
import { withDevNode } from '../lib/suite.mjs';

export const run = () => withDevNode('apps', register);

const CUSTOM = /^(stakeholderVoting|dataOwnership|supervision)_/;
const POLITY_APIS = ['StakeholderVotingApi', 'DataOwnershipApi', 'SupervisionApi', 'GovernanceMetricsApi', 'WhyRefusedApi'];

function register() {
  test('polity.json names every custom RPC method the node serves, and each answers by name', async ({ api, alice, bob, state }) => {
    state.hash = blake2AsHex(`apps-${Date.now()}`);
    // Finalized, so the receipt (which proves against a finalized header) covers it.
    await sendAndWait(api, api.tx.dataOwnership.register(state.hash, { title: 'minutes', mediaType: 'text/plain', uri: 'ipfs://m', schema: null }, null), alice, { finalized: true, ms: 90_000 });
    const served = (await api.rpc.rpc.methods()).methods.map(String).filter((m) => CUSTOM.test(m)).sort();
    const defined = Object.entries(polityRpc).flatMap(([section, methods]) => Object.keys(methods).map((m) => `${section}_${m}`)).sort();
    assertEq(JSON.stringify(defined), JSON.stringify(served), 'polity.json and the node agree on the custom methods');
    const h = state.hash;
    const args = {
      stakeholderVoting_stakeholder: [alice.address],
      stakeholderVoting_scope: [0],
      stakeholderVoting_proposal: [0],
      stakeholderVoting_votesOf: [alice.address, null, 10],
      stakeholderVoting_proposalsIn: [0, "Any", null, null],
      stakeholderVoting_ballot: [alice.address, null, null],
      dataOwnership_record: [h],
      dataOwnership_recordsOf: [alice.address, null, 10],
      dataOwnership_versions: [h, null],
      dataOwnership_grants: [h],
      dataOwnership_hasAccess: [h, bob.address],
      dataOwnership_receipt: [h],
      dataOwnership_registrationReceipt: [h],
      dataOwnership_activity: [h, null, null],
      supervision_auditTrail: [alice.address, null],
      supervision_regulators: [],
      supervision_licensedNodes: [],
      supervision_validators: [],
      supervision_pauses: [],
      supervision_freezes: [null, null],
      supervision_actionLog: [null, null],
      supervision_actionsConcerning: [alice.address, null, null],
    };
    for (const name of served) {
      assert(args[name], `a sample call for ${name}`);
      const [section, method] = name.split('_');
      const result = await api.rpc[section][method](...args[name]);
      assert(result !== undefined, `${name} answered`);
    }
    const record = (await api.rpc.dataOwnership.record(h)).toJSON();
    assertEq(record.hash, h, 'dataOwnership_record returns the record');
    const validators = (await api.rpc.supervision.validators()).toJSON();
    assertEq(Object.values(validators.active).length, 1, 'supervision_validators: Alice validates on --dev');
    console.log(`       ${served.length} custom RPC methods called by name`);
  }, { timeoutMs: 150_000 });

  test('every Polity runtime API decorates from metadata alone and answers', async ({ node, alice, state }) => {
    // A client with no definitions at all, as Apps is before the file is loaded.
    const bare = await connect(node.wsUrl);
    try {
      const apis = bare.runtimeMetadata.asLatest.apis.filter((a) => POLITY_APIS.includes(a.name.toString()));
      assertEq(apis.length, POLITY_APIS.length, 'the five Polity runtime APIs are in the metadata');
      let calls = 0;
      for (const apiMeta of apis) {
        const section = apiMeta.name.toString().replace(/^./, (c) => c.toLowerCase());
        assert(bare.call[section], `api.call.${section} decorated`);
        for (const m of apiMeta.methods) {
          const method = m.name.toString().replace(/_(\w)/g, (_, c) => c.toUpperCase());
          const fn = bare.call[section][method];
          assert(typeof fn === 'function', `api.call.${section}.${method} decorated`);
          const params = m.inputs.map((input) => {
            const type = bare.registry.lookup.getTypeDef(input.type).type;
            if (type.startsWith('Option<')) return null;
            if (/Call/.test(type)) return bare.tx.system.remark('from Apps').method;
            if (/AccountId/.test(type)) return alice.address;
            if (/H256|Hash/.test(type)) return state.hash;
            return 0;
          });
          const result = await fn(...params);
          assert(result !== undefined, `${section}.${method} answered`);
          calls += 1;
        }
      }
      // Why-refused and the metrics decode with metadata types only too.
      const refused = await bare.call.whyRefusedApi.whyRefused(alice.address, bare.tx.system.remark('x').method);
      assert(refused.isNone, `a remark by Alice is refused by nothing: ${refused}`);
      const figures = await bare.call.governanceMetricsApi.governanceFigures();
      assert(figures.regulators.toNumber() >= 1, 'the metrics API counts the dev regulators');
      const trail = await bare.call.supervisionApi.auditTrail(alice.address, 10);
      assert(trail.records.map(String).includes(state.hash), 'the audit trail decodes with metadata types only');
      console.log(`       ${calls} runtime API methods decorated from metadata and called`);
    } finally {
      await bare.disconnect();
    }
  });
}
