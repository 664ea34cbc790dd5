//! Every link, broken on purpose: a fake chain with known keys, receipts made as the node makes
//! them, then each forgery the verifier must name.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use codec::{DecodeAll, Encode};
use finality_grandpa::{Commit, Message, Precommit, SignedPrecommit};
use sp_consensus_grandpa::{
	localized_payload, AuthorityId, AuthorityList, ConsensusLog, ScheduledChange, GRANDPA_ENGINE_ID,
};
use sp_core::crypto::AccountId32;
use sp_keyring::Ed25519Keyring as Key;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _, Header as _},
	Digest, DigestItem, StateVersion,
};
use sp_state_machine::{prove_read, Backend, InMemoryBackend};

type Justification = bp_header_chain::justification::GrandpaJustification<Header>;

fn authorities(keys: &[Key]) -> AuthorityList {
	keys.iter().map(|k| (AuthorityId::from(k.public()), 1)).collect()
}

/// A chain: its genesis storage and trust root.
struct Chain {
	root: TrustRoot,
	genesis: BTreeMap<Vec<u8>, Vec<u8>>,
}

fn chain(keys: &[Key], flavour: &[u8]) -> Chain {
	let mut genesis = BTreeMap::new();
	genesis.insert(grandpa_authorities_key(), authorities(keys).encode());
	genesis.insert(b":code".to_vec(), flavour.to_vec());
	Chain { root: TrustRoot::from_genesis_storage(&genesis).unwrap(), genesis }
}

fn record_bytes(owner: Key) -> Vec<u8> {
	let who = AccountId32::from(owner.public().0);
	// owner, registrant, registered_at, timestamp, title, media type, uri, schema, root,
	// version, supersedes, status (Active), deposit.
	(
		who.clone(),
		who,
		5u32,
		1_795_000_000_000u64,
		b"deed".to_vec(),
		b"text/plain".to_vec(),
		Vec::<u8>::new(),
		None::<H256>,
		H256::repeat_byte(1),
		0u32,
		None::<H256>,
		0u8,
		7u128,
	)
		.encode()
}

/// A block at `number` whose state holds `records` and the chain's genesis hash.
fn block(
	genesis_hash: H256,
	number: u32,
	parent: H256,
	records: &[(H256, Vec<u8>)],
	digest: Digest,
) -> (Header, InMemoryBackend<BlakeTwo256>) {
	let mut top: Vec<(Vec<u8>, Vec<u8>)> =
		records.iter().map(|(h, r)| (record_key(h), r.clone())).collect();
	top.push((genesis_hash_key(), genesis_hash.encode()));
	let storage =
		sp_core::storage::Storage { top: top.into_iter().collect(), ..Default::default() };
	let backend = InMemoryBackend::<BlakeTwo256>::from((storage, StateVersion::V1));
	let header = Header::new(number, Default::default(), *backend.root(), parent, digest);
	(header, backend)
}

fn justify(target: &Header, signers: &[Key], round: u64, set_id: u64) -> Bytes {
	let precommit = Precommit { target_hash: target.hash(), target_number: target.number };
	let precommits = signers
		.iter()
		.map(|k| {
			let payload = localized_payload(round, set_id, &Message::Precommit(precommit.clone()));
			SignedPrecommit {
				precommit: precommit.clone(),
				signature: k.sign(&payload).into(),
				id: AuthorityId::from(k.public()),
			}
		})
		.collect();
	let commit = Commit { target_hash: target.hash(), target_number: target.number, precommits };
	Bytes(Justification { round, commit, votes_ancestries: Vec::new() }.encode())
}

fn set_change(next: &[Key]) -> Digest {
	let log = ConsensusLog::<u32>::ScheduledChange(ScheduledChange {
		next_authorities: authorities(next),
		delay: 0,
	});
	Digest { logs: vec![DigestItem::Consensus(GRANDPA_ENGINE_ID, log.encode())] }
}

const HASH: H256 = H256::repeat_byte(0xaa);
const SET0: [Key; 3] = [Key::Alice, Key::Bob, Key::Charlie];
const SET1: [Key; 4] = [Key::Alice, Key::Bob, Key::Charlie, Key::Dave];

fn receipt_for(header: &Header, backend: InMemoryBackend<BlakeTwo256>, hash: H256) -> Receipt {
	let key = record_key(&hash);
	let proof =
		prove_read(backend.clone(), [key.as_slice(), genesis_hash_key().as_slice()]).unwrap();
	let record = backend.storage(&key).unwrap().unwrap_or_default();
	Receipt {
		version: RECEIPT_VERSION,
		content_hash: hash,
		block_hash: header.hash(),
		block_number: header.number,
		header: Bytes(header.encode()),
		storage_key: Bytes(key),
		record: Bytes(record),
		proof: proof.into_iter_nodes().map(Bytes).collect(),
		set_id: 0,
		authority_changes: Vec::new(),
		finality: Finality { headers: Vec::new(), justification: Bytes(Vec::new()) },
	}
}

/// A receipt for a record in block #5, justified directly by set 0.
fn simple(chain: &Chain) -> Receipt {
	let (header, backend) = block(
		chain.root.genesis_hash,
		5,
		H256::repeat_byte(4),
		&[(HASH, record_bytes(Key::Eve))],
		Digest::default(),
	);
	let mut receipt = receipt_for(&header, backend, HASH);
	receipt.finality.justification = justify(&header, &SET0, 1, 0);
	receipt
}

/// A receipt for a record in block #12 of set 1: block #10 enacted the change from set 0,
/// block #12 is justified through its child #13.
fn after_change(chain: &Chain) -> Receipt {
	let g = chain.root.genesis_hash;
	let (change, _) = block(g, 10, H256::repeat_byte(9), &[], set_change(&SET1));
	let (header, backend) =
		block(g, 12, H256::repeat_byte(11), &[(HASH, record_bytes(Key::Eve))], Digest::default());
	let (child, _) = block(g, 13, header.hash(), &[], Digest::default());
	let mut receipt = receipt_for(&header, backend, HASH);
	receipt.set_id = 1;
	receipt.authority_changes = vec![Justified {
		header: Bytes(change.encode()),
		justification: justify(&change, &SET0, 3, 0),
	}];
	receipt.finality = Finality {
		headers: vec![Bytes(child.encode())],
		justification: justify(&child, &SET1, 2, 1),
	};
	receipt
}

fn broken(receipt: &Receipt, root: &TrustRoot) -> Link {
	verify(receipt, root).expect_err("the receipt must not verify").link
}

#[test]
fn an_honest_receipt_verifies() {
	let chain = chain(&SET0, b"polity");
	let verified = verify(&simple(&chain), &chain.root).unwrap();
	assert_eq!((verified.block_number, verified.set_id, verified.finalized_number), (5, 0, 5));
	assert_eq!(verified.record.owner, AccountId32::from(Key::Eve.public().0));
	assert_eq!(verified.record.title, b"deed".to_vec());
	assert_eq!(verified.record.status, ProvenStatus::Active);
}

#[test]
fn a_receipt_after_an_authority_set_change_verifies() {
	let chain = chain(&SET0, b"polity");
	let verified = verify(&after_change(&chain), &chain.root).unwrap();
	assert_eq!((verified.block_number, verified.set_id, verified.finalized_number), (12, 1, 13));
}

#[test]
fn the_json_form_round_trips() {
	let chain = chain(&SET0, b"polity");
	let receipt = after_change(&chain);
	assert_eq!(Receipt::from_json(&receipt.to_json()).unwrap(), receipt);
	assert_eq!(Receipt::from_json("{}").unwrap_err().link, Link::ReceiptFormat);
}

#[test]
fn the_forgers_consistent_fake_fails() {
	// The forger builds a one-key trie holding a record for the victim's hash and the real
	// genesis hash, and a header over it: everything consistent, except finality.
	let chain = chain(&SET0, b"polity");
	let mut fake = simple(&chain);
	fake.finality.justification = Bytes(Vec::new());
	assert_eq!(broken(&fake, &chain.root), Link::ReceiptFormat);
	// Signed by the forger's own keys.
	let (header, _) = block(
		chain.root.genesis_hash,
		5,
		H256::repeat_byte(4),
		&[(HASH, record_bytes(Key::Eve))],
		Digest::default(),
	);
	fake.finality.justification = justify(&header, &[Key::Eve, Key::Ferdie, Key::One], 1, 0);
	assert_eq!(broken(&fake, &chain.root), Link::WrongAuthoritySet);
	// A real justification, of another block.
	fake.finality.justification = after_change(&chain).finality.justification;
	assert_eq!(broken(&fake, &chain.root), Link::JustificationForAnotherBlock);
}

#[test]
fn a_forged_header_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	receipt.block_hash = H256::repeat_byte(3);
	assert_eq!(broken(&receipt, &chain.root), Link::ForgedHeader);
	let mut receipt = simple(&chain);
	receipt.block_number = 6;
	assert_eq!(broken(&receipt, &chain.root), Link::ForgedHeader);
	let mut receipt = simple(&chain);
	receipt.header.0.truncate(10);
	assert_eq!(broken(&receipt, &chain.root), Link::ForgedHeader);
}

#[test]
fn a_header_from_another_chain_fails() {
	// Same validators, another genesis: its receipts prove another genesis hash.
	let ours = chain(&SET0, b"polity");
	let theirs = chain(&SET0, b"another chain");
	assert_ne!(ours.root.genesis_hash, theirs.root.genesis_hash);
	assert_eq!(broken(&simple(&theirs), &ours.root), Link::WrongChain);
	let _ = ours.genesis;
}

#[test]
fn too_few_validators_fail() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	let header = Header::decode_all(&mut &receipt.header[..]).unwrap();
	receipt.finality.justification = justify(&header, &[Key::Alice], 1, 0);
	assert_eq!(broken(&receipt, &chain.root), Link::TooFewSignatures);
	// Two of three is not more than two thirds either.
	receipt.finality.justification = justify(&header, &[Key::Alice, Key::Bob], 1, 0);
	assert_eq!(broken(&receipt, &chain.root), Link::TooFewSignatures);
}

#[test]
fn a_justification_signed_for_another_set_or_round_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	let header = Header::decode_all(&mut &receipt.header[..]).unwrap();
	receipt.finality.justification = justify(&header, &SET0, 1, 7);
	assert_eq!(broken(&receipt, &chain.root), Link::BadSignature);
	// Signatures of round 1 presented as round 2.
	let mut justification =
		Justification::decode_all(&mut &receipt.finality.justification[..]).unwrap();
	justification.round = 2;
	receipt.finality.justification = Bytes(justification.encode());
	assert_eq!(broken(&receipt, &chain.root), Link::BadSignature);
}

#[test]
fn a_stale_authority_set_fails() {
	let chain = chain(&SET0, b"polity");
	// The change to set 1 left out: the justification is set 1's.
	let mut receipt = after_change(&chain);
	receipt.authority_changes.clear();
	assert_eq!(broken(&receipt, &chain.root), Link::StaleAuthoritySet);
	receipt.set_id = 0;
	assert_eq!(broken(&receipt, &chain.root), Link::WrongAuthoritySet);
	// The old set's signatures presented for a block of the new set.
	let mut receipt = after_change(&chain);
	let child = Header::decode_all(&mut &receipt.finality.headers[0][..]).unwrap();
	receipt.finality.justification = justify(&child, &SET1, 2, 0);
	assert_eq!(broken(&receipt, &chain.root), Link::StaleAuthoritySet);
}

#[test]
fn a_forged_authority_change_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = after_change(&chain);
	// The forger's keys hand over to the forger's set.
	let change = Header::decode_all(&mut &receipt.authority_changes[0].header[..]).unwrap();
	receipt.authority_changes[0].justification =
		justify(&change, &[Key::Eve, Key::Ferdie, Key::One], 3, 0);
	assert_eq!(broken(&receipt, &chain.root), Link::AuthorityChange);
	// A justified block that changes nothing.
	let mut receipt = after_change(&chain);
	let (plain, _) =
		block(chain.root.genesis_hash, 10, H256::repeat_byte(9), &[], Digest::default());
	receipt.authority_changes[0] =
		Justified { header: Bytes(plain.encode()), justification: justify(&plain, &SET0, 3, 0) };
	assert_eq!(broken(&receipt, &chain.root), Link::AuthorityChange);
}

#[test]
fn a_tampered_proof_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	for node in receipt.proof.iter_mut() {
		let last = node.0.len() - 1;
		node.0[last] ^= 1;
	}
	assert_eq!(broken(&receipt, &chain.root), Link::ProofTampered);
	// Only a node below the root altered.
	let mut receipt = simple(&chain);
	let header = Header::decode_all(&mut &receipt.header[..]).unwrap();
	let below =
		receipt.proof.iter().position(|n| BlakeTwo256::hash(&n.0) != header.state_root).unwrap();
	let last = receipt.proof[below].0.len() - 1;
	receipt.proof[below].0[last] ^= 1;
	assert_eq!(broken(&receipt, &chain.root), Link::ProofTampered);
}

#[test]
fn a_proof_for_another_key_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	receipt.content_hash = H256::repeat_byte(0xbb);
	assert_eq!(broken(&receipt, &chain.root), Link::ProofForAnotherKey);
	// With the key rewritten too, the proof does not reach it.
	receipt.storage_key = Bytes(record_key(&receipt.content_hash));
	assert!(matches!(broken(&receipt, &chain.root), Link::ProofTampered | Link::NotRegistered));
}

#[test]
fn a_changed_record_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = simple(&chain);
	receipt.record = Bytes(record_bytes(Key::Ferdie));
	assert_eq!(broken(&receipt, &chain.root), Link::RecordMismatch);
}

#[test]
fn an_unregistered_hash_fails() {
	let chain = chain(&SET0, b"polity");
	let (header, backend) = block(
		chain.root.genesis_hash,
		5,
		H256::repeat_byte(4),
		&[(HASH, record_bytes(Key::Eve))],
		Digest::default(),
	);
	let other = H256::repeat_byte(0xcc);
	let mut receipt = receipt_for(&header, backend, other);
	receipt.finality.justification = justify(&header, &SET0, 1, 0);
	assert_eq!(broken(&receipt, &chain.root), Link::NotRegistered);
}

#[test]
fn a_broken_ancestry_fails() {
	let chain = chain(&SET0, b"polity");
	let mut receipt = after_change(&chain);
	let (stranger, _) =
		block(chain.root.genesis_hash, 13, H256::repeat_byte(1), &[], Digest::default());
	receipt.finality = Finality {
		headers: vec![Bytes(stranger.encode())],
		justification: justify(&stranger, &SET1, 2, 1),
	};
	assert_eq!(broken(&receipt, &chain.root), Link::AncestryBroken);
}

#[test]
fn a_raw_chain_spec_gives_the_trust_root() {
	let chain = chain(&SET0, b"polity");
	let top: serde_json::Map<String, serde_json::Value> = chain
		.genesis
		.iter()
		.map(|(k, v)| (sp_core::bytes::to_hex(k, false), sp_core::bytes::to_hex(v, false).into()))
		.collect();
	let spec = serde_json::json!({ "name": "x", "genesis": { "raw": { "top": top, "childrenDefault": {} } } });
	assert_eq!(TrustRoot::from_raw_chain_spec(&spec.to_string()).unwrap(), chain.root);
	let plain = serde_json::json!({ "genesis": { "runtimeGenesis": {} } });
	assert_eq!(
		TrustRoot::from_raw_chain_spec(&plain.to_string()).unwrap_err().link,
		Link::TrustRoot
	);
}

/// Size and verification time with `changes` authority-set changes of five validators each
/// (`cargo test -p polity-receipt --release -- --nocapture cost`).
#[test]
fn cost_grows_with_the_authority_changes() {
	let chain = chain(&SET0, b"polity");
	let g = chain.root.genesis_hash;
	let five = [Key::Alice, Key::Bob, Key::Charlie, Key::Dave, Key::Eve];
	for changes in [0u32, 1, 5, 20] {
		let mut receipt = simple(&chain);
		let mut signers: Vec<Key> = SET0.to_vec();
		for i in 0..changes {
			let (change, _) = block(g, 100 + i, H256::repeat_byte(i as u8), &[], set_change(&five));
			receipt.authority_changes.push(Justified {
				header: Bytes(change.encode()),
				justification: justify(&change, &signers, 1, u64::from(i)),
			});
			signers = five.to_vec();
		}
		let header = Header::decode_all(&mut &receipt.header[..]).unwrap();
		receipt.set_id = u64::from(changes);
		receipt.finality.justification = justify(&header, &signers, 1, u64::from(changes));
		let t0 = std::time::Instant::now();
		let verified = verify(&receipt, &chain.root).unwrap();
		let elapsed = t0.elapsed();
		assert_eq!(verified.set_id, u64::from(changes));
		println!(
			"{changes:>2} authority changes: {:>6} bytes of JSON, verified in {:.2} ms",
			receipt.to_json().len(),
			elapsed.as_secs_f64() * 1000.0
		);
	}
}
