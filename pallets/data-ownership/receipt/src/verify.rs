//! The verifier: each link of a receipt, checked in order, the first broken one named.

use crate::{
	genesis_hash_key, grandpa_authorities_key, record_key, Header, ProvenRecord, Receipt,
	RECEIPT_VERSION,
};
use alloc::{collections::btree_map::BTreeMap, format, string::String, vec::Vec};
use bp_header_chain::{
	justification::{
		verify_and_optimize_justification, GrandpaJustification, JustificationVerificationContext,
	},
	GrandpaConsensusLogReader,
};
use codec::{Decode, DecodeAll};
use finality_grandpa::voter_set::VoterSet;
use hash_db::{HashDBRef, EMPTY_PREFIX};
use sp_consensus_grandpa::{
	check_message_signature, AuthorityId, AuthorityList, SetId, SignatureResult,
};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Header as _};
use sp_trie::{LayoutV1, StorageProof, TrieConfiguration};

/// A link of the chain of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
	/// The receipt or one of its parts does not parse.
	ReceiptFormat,
	/// The chain spec does not give a genesis hash and GRANDPA authorities.
	TrustRoot,
	/// The header does not hash to the receipt's block, or is not its number.
	ForgedHeader,
	/// The block's state proves another genesis hash, or none: a header from another chain.
	WrongChain,
	/// The proof's nodes do not link the header's state root to the key: it was altered.
	ProofTampered,
	/// The proof is for another key than the record of the receipt's content hash.
	ProofForAnotherKey,
	/// The proof shows no record for the content hash at that block.
	NotRegistered,
	/// The receipt's record differs from the one proven.
	RecordMismatch,
	/// The headers from the proven block to the justified one do not link.
	AncestryBroken,
	/// An authority-set change is not proven by the set before it.
	AuthorityChange,
	/// The justification is checked against a set that is no longer the one in force: the
	/// receipt leaves out authority-set changes, or claims another set.
	StaleAuthoritySet,
	/// The justification finalizes another block.
	JustificationForAnotherBlock,
	/// The justification is signed by keys outside the authority set.
	WrongAuthoritySet,
	/// Fewer than two thirds of the authority set signed.
	TooFewSignatures,
	/// Signatures do not verify for this round and set.
	BadSignature,
}

impl Link {
	/// The link's name, as the verifier prints it.
	pub fn name(&self) -> &'static str {
		match self {
			Link::ReceiptFormat => "ReceiptFormat",
			Link::TrustRoot => "TrustRoot",
			Link::ForgedHeader => "ForgedHeader",
			Link::WrongChain => "WrongChain",
			Link::ProofTampered => "ProofTampered",
			Link::ProofForAnotherKey => "ProofForAnotherKey",
			Link::NotRegistered => "NotRegistered",
			Link::RecordMismatch => "RecordMismatch",
			Link::AncestryBroken => "AncestryBroken",
			Link::AuthorityChange => "AuthorityChange",
			Link::StaleAuthoritySet => "StaleAuthoritySet",
			Link::JustificationForAnotherBlock => "JustificationForAnotherBlock",
			Link::WrongAuthoritySet => "WrongAuthoritySet",
			Link::TooFewSignatures => "TooFewSignatures",
			Link::BadSignature => "BadSignature",
		}
	}
}

/// Why a receipt is not valid: the broken link and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
	/// The first link that does not hold.
	pub link: Link,
	/// What was found there.
	pub detail: String,
}

impl Broken {
	/// A broken `link`.
	pub fn new(link: Link, detail: impl Into<String>) -> Self {
		Self { link, detail: detail.into() }
	}
}

impl core::fmt::Display for Broken {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}: {}", self.link.name(), self.detail)
	}
}

/// What the verifier trusts: the chain's genesis hash and its genesis GRANDPA authorities
/// (set 0), both taken from the chain spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustRoot {
	/// The genesis block's hash.
	pub genesis_hash: H256,
	/// The GRANDPA authorities at genesis, with their weights.
	pub authorities: AuthorityList,
}

impl TrustRoot {
	/// Derives the trust root from a chain's genesis storage (its raw chain spec's
	/// `genesis.raw.top`, or what the node builds from a preset): the genesis header is made
	/// as the node makes it — state root of that storage, empty extrinsics, no digest — and
	/// the authorities are read from `Grandpa::Authorities`.
	pub fn from_genesis_storage(top: &BTreeMap<Vec<u8>, Vec<u8>>) -> Result<Self, Broken> {
		let authorities = top.get(&grandpa_authorities_key()).ok_or_else(|| {
			Broken::new(Link::TrustRoot, "the genesis has no GRANDPA authorities")
		})?;
		let authorities = AuthorityList::decode(&mut &authorities[..]).map_err(|e| {
			Broken::new(Link::TrustRoot, format!("the GRANDPA authorities do not decode: {e}"))
		})?;
		// Polity's runtime uses state version 1.
		let state_root =
			LayoutV1::<BlakeTwo256>::trie_root(top.iter().map(|(k, v)| (k.clone(), v.clone())));
		let extrinsics_root = LayoutV1::<BlakeTwo256>::trie_root(Vec::<(Vec<u8>, Vec<u8>)>::new());
		let genesis =
			Header::new(0, extrinsics_root, state_root, Default::default(), Default::default());
		Ok(Self { genesis_hash: genesis.hash(), authorities })
	}

	/// Derives the trust root from a raw chain spec (`polity-node build-spec --raw`).
	#[cfg(feature = "std")]
	pub fn from_raw_chain_spec(json: &str) -> Result<Self, Broken> {
		let spec: serde_json::Value = serde_json::from_str(json)
			.map_err(|e| Broken::new(Link::TrustRoot, format!("not a chain spec: {e}")))?;
		let top =
			spec.pointer("/genesis/raw/top").and_then(|t| t.as_object()).ok_or_else(|| {
				Broken::new(
				Link::TrustRoot,
				"not a raw chain spec: export one with `polity-node build-spec --chain <spec> --raw`",
			)
			})?;
		let hex = |s: &str| sp_core::bytes::from_hex(s).ok();
		let mut storage = BTreeMap::new();
		for (key, value) in top {
			let (Some(key), Some(value)) = (hex(key), value.as_str().and_then(hex)) else {
				return Err(Broken::new(Link::TrustRoot, format!("bad genesis entry {key}")));
			};
			storage.insert(key, value);
		}
		Self::from_genesis_storage(&storage)
	}
}

/// What a valid receipt proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
	/// The content hash.
	pub content_hash: H256,
	/// The block the record is proven in.
	pub block_hash: H256,
	/// Its number.
	pub block_number: u32,
	/// The authority set that finalized it.
	pub set_id: SetId,
	/// The justified block (the proven one or a descendant).
	pub finalized_number: u32,
	/// The record as proven.
	pub record: ProvenRecord,
}

fn decode_header(bytes: &[u8], link: Link, what: &str) -> Result<Header, Broken> {
	Header::decode_all(&mut &bytes[..])
		.map_err(|e| Broken::new(link, format!("{what} does not decode: {e}")))
}

/// Checks every link of `receipt` against `root`; returns what it proves, or the first broken
/// link.
pub fn verify(receipt: &Receipt, root: &TrustRoot) -> Result<Verified, Broken> {
	if receipt.version != RECEIPT_VERSION {
		return Err(Broken::new(
			Link::ReceiptFormat,
			format!("receipt format {} (this verifier reads {RECEIPT_VERSION})", receipt.version),
		));
	}

	// The header is the receipt's block.
	let header = decode_header(&receipt.header, Link::ForgedHeader, "the header")?;
	if header.hash() != receipt.block_hash {
		return Err(Broken::new(
			Link::ForgedHeader,
			format!(
				"the header hashes to {:?}, not to block {:?}",
				header.hash(),
				receipt.block_hash
			),
		));
	}
	if header.number != receipt.block_number {
		return Err(Broken::new(
			Link::ForgedHeader,
			format!("the header is block #{}, not #{}", header.number, receipt.block_number),
		));
	}

	// The proof: the record and the genesis hash under the header's state root.
	let key = record_key(&receipt.content_hash);
	if receipt.storage_key.0 != key {
		return Err(Broken::new(
			Link::ProofForAnotherKey,
			format!("the proof is for another key than the record of {:?}", receipt.content_hash),
		));
	}
	let db = StorageProof::new(receipt.proof.iter().map(|node| node.0.clone()))
		.into_memory_db::<BlakeTwo256>();
	let state_root = header.state_root;
	if !HashDBRef::contains(&db, &state_root, EMPTY_PREFIX) {
		return Err(Broken::new(
			Link::ProofTampered,
			format!("no node of the proof hashes to the state root {state_root:?}"),
		));
	}
	let read = |key: &[u8]| {
		sp_trie::read_trie_value::<LayoutV1<BlakeTwo256>, _>(&db, &state_root, key, None, None)
			.map_err(|e| {
				Broken::new(
					Link::ProofTampered,
					format!("the proof's nodes do not link the state root to the key: {e:?}"),
				)
			})
	};
	let genesis = read(&genesis_hash_key())?
		.and_then(|bytes| H256::decode(&mut &bytes[..]).ok())
		.ok_or_else(|| {
		Broken::new(Link::WrongChain, "the block's state proves no genesis hash")
	})?;
	if genesis != root.genesis_hash {
		return Err(Broken::new(
			Link::WrongChain,
			format!(
				"the block belongs to the chain with genesis {genesis:?}, not {:?}",
				root.genesis_hash
			),
		));
	}
	let proven = read(&key)?.ok_or_else(|| {
		Broken::new(
			Link::NotRegistered,
			format!("no record of {:?} at block #{}", receipt.content_hash, header.number),
		)
	})?;
	if proven != receipt.record.0 {
		return Err(Broken::new(
			Link::RecordMismatch,
			"the receipt's record differs from the proven one",
		));
	}
	let record = ProvenRecord::decode_all(&mut &proven[..]).map_err(|e| {
		Broken::new(Link::RecordMismatch, format!("the proven record does not decode: {e}"))
	})?;

	// The authority sets from genesis to the one that finalized the block.
	let mut authorities = root.authorities.clone();
	let mut set_id: SetId = 0;
	for (index, change) in receipt.authority_changes.iter().enumerate() {
		let at =
			decode_header(&change.header, Link::AuthorityChange, "an authority change's header")?;
		check_justification(&at, &change.justification, &authorities, set_id).map_err(
			|broken| {
				Broken::new(
					Link::AuthorityChange,
					format!(
						"change {index} (block #{}) is not finalized by set #{set_id}: {broken}",
						at.number
					),
				)
			},
		)?;
		if GrandpaConsensusLogReader::<u32>::find_forced_change(&at.digest).is_some() {
			return Err(Broken::new(
				Link::AuthorityChange,
				format!(
					"block #{} forces an authority change: the chain of trust breaks there",
					at.number
				),
			));
		}
		let next = GrandpaConsensusLogReader::<u32>::find_scheduled_change(&at.digest).ok_or_else(
			|| {
				Broken::new(
					Link::AuthorityChange,
					format!("block #{} enacts no authority-set change", at.number),
				)
			},
		)?;
		if next.delay != 0 {
			return Err(Broken::new(
				Link::AuthorityChange,
				format!(
					"block #{} schedules a delayed change, which receipts do not follow",
					at.number
				),
			));
		}
		authorities = next.next_authorities;
		set_id = set_id.saturating_add(1);
	}
	if receipt.set_id != set_id {
		return Err(Broken::new(
			Link::StaleAuthoritySet,
			format!(
				"the receipt says set #{} finalized the block, its authority changes reach set #{set_id}",
				receipt.set_id
			),
		));
	}

	// The proven block is the justified one or its ancestor.
	let mut last = header.clone();
	for bytes in &receipt.finality.headers {
		let next = decode_header(bytes, Link::AncestryBroken, "a header after the block")?;
		if next.parent_hash != last.hash() || next.number != last.number.saturating_add(1) {
			return Err(Broken::new(
				Link::AncestryBroken,
				format!("block #{} is not the child of block #{}", next.number, last.number),
			));
		}
		last = next;
	}
	check_justification(&last, &receipt.finality.justification, &authorities, set_id)?;

	Ok(Verified {
		content_hash: receipt.content_hash,
		block_hash: receipt.block_hash,
		block_number: receipt.block_number,
		set_id,
		finalized_number: last.number,
		record,
	})
}

/// Checks that `justification` finalizes `target`, signed by `authorities` as set `set_id`.
fn check_justification(
	target: &Header,
	justification: &[u8],
	authorities: &AuthorityList,
	set_id: SetId,
) -> Result<(), Broken> {
	let justification = GrandpaJustification::<Header>::decode_all(&mut &justification[..])
		.map_err(|e| {
			Broken::new(Link::ReceiptFormat, format!("a justification does not decode: {e}"))
		})?;
	let target_id = (target.hash(), target.number);
	if (justification.commit.target_hash, justification.commit.target_number) != target_id {
		return Err(Broken::new(
			Link::JustificationForAnotherBlock,
			format!(
				"the justification finalizes block #{} {:?}, not #{} {:?}",
				justification.commit.target_number,
				justification.commit.target_hash,
				target.number,
				target_id.0
			),
		));
	}
	let voters = VoterSet::new(authorities.iter().cloned())
		.ok_or_else(|| Broken::new(Link::TrustRoot, format!("authority set #{set_id} is empty")))?;
	let context =
		JustificationVerificationContext { voter_set: voters.clone(), authority_set_id: set_id };
	match verify_and_optimize_justification(target_id, &context, &mut justification.clone()) {
		Ok(()) => Ok(()),
		Err(error) => Err(diagnose(&justification, &voters, set_id, error)),
	}
}

/// Names why a justification failed.
fn diagnose(
	justification: &GrandpaJustification<Header>,
	voters: &VoterSet<AuthorityId>,
	set_id: SetId,
	error: impl core::fmt::Debug,
) -> Broken {
	let (mut outsiders, mut outdated, mut invalid, mut weight) = (0usize, 0usize, 0usize, 0u64);
	for signed in &justification.commit.precommits {
		let Some(voter) = voters.get(&signed.id) else {
			outsiders = outsiders.saturating_add(1);
			continue;
		};
		match check_message_signature(
			&finality_grandpa::Message::Precommit(signed.precommit.clone()),
			&signed.id,
			&signed.signature,
			justification.round,
			set_id,
		) {
			SignatureResult::Valid => weight = weight.saturating_add(voter.weight().get()),
			SignatureResult::OutdatedSet => outdated = outdated.saturating_add(1),
			SignatureResult::Invalid => invalid = invalid.saturating_add(1),
		}
	}
	let all = justification.commit.precommits.len();
	let threshold = voters.threshold().get();
	if outsiders > 0 {
		Broken::new(
			Link::WrongAuthoritySet,
			format!("{outsiders} of {all} signatures are by keys outside authority set #{set_id}"),
		)
	} else if outdated > 0 {
		Broken::new(
			Link::StaleAuthoritySet,
			format!(
				"{outdated} of {all} signatures are for set #{}, not #{set_id}",
				set_id.saturating_sub(1)
			),
		)
	} else if invalid > 0 {
		Broken::new(
			Link::BadSignature,
			format!(
				"{invalid} of {all} signatures do not verify for round {} of set #{set_id}",
				justification.round
			),
		)
	} else {
		Broken::new(
			Link::TooFewSignatures,
			format!(
				"the valid signatures weigh {weight} of the {threshold} needed from set #{set_id} ({error:?})"
			),
		)
	}
}
