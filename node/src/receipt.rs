//! `polity-node verify-receipt`: checks a data-ownership receipt offline, trusting no node.
//!
//! The trust root is the chain spec: its genesis storage gives the genesis hash and the genesis
//! GRANDPA authorities. From there `polity-receipt` checks every link — the authority-set
//! changes since genesis, the GRANDPA justification of the block (or of a descendant linked by
//! headers), the header, and the storage proof of the record and of the genesis hash under the
//! header's state root — and names the first broken one.

use polity_receipt::{ProvenStatus, Receipt, TrustRoot, Verified};
use polity_runtime::SS58_PREFIX;
use polkadot_sdk::{
	sc_service,
	sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec},
};
use std::{io::Read, path::PathBuf};

/// Verify a data-ownership receipt (from `dataOwnership_receipt`) offline, against a chain spec.
#[derive(Debug, clap::Parser)]
pub struct VerifyReceiptCmd {
	/// The chain the receipt must belong to: a chain-spec file (plain or raw, e.g. the one your
	/// network published), or `dev` / `local`. Required: a receipt is only as good as the
	/// chain spec it is checked against.
	#[arg(long, value_name = "SPEC", required = true)]
	pub chain: String,
	/// Accept a chain whose genesis GRANDPA authorities include a well-known development key
	/// (`//Alice` … `//Ferdie`, as in `dev` and `local`): anyone can sign finality for those,
	/// so such a receipt proves nothing outside a test.
	#[arg(long)]
	pub insecure_dev_keys: bool,
	/// The receipt as JSON; `-` reads standard input.
	pub file: PathBuf,
}

impl VerifyReceiptCmd {
	/// Reads, verifies and prints the receipt; the error names the broken link.
	pub fn run(
		&self,
		load_spec: impl Fn(&str) -> Result<Box<dyn sc_service::ChainSpec>, String>,
	) -> Result<(), String> {
		let mut json = String::new();
		if self.file.as_os_str() == "-" {
			std::io::stdin().read_to_string(&mut json).map_err(|e| e.to_string())?;
		} else {
			json = std::fs::read_to_string(&self.file)
				.map_err(|e| format!("cannot read {}: {e}", self.file.display()))?;
		}
		let root = trust_root(&*load_spec(&self.chain)?)?;
		if let Some(name) = dev_authority(&root) {
			if !self.insecure_dev_keys {
				return Err(format!(
					"REFUSED: the chain spec's GRANDPA authorities include the well-known \
					 development key of {name}, whose secret is public: anyone can forge finality \
					 for this chain. Check the receipt against your network's own chain spec, or \
					 pass --insecure-dev-keys to accept it for a test."
				));
			}
			eprintln!("warning: {name}'s development key is a genesis authority: test chain only");
		}
		let receipt = Receipt::from_json(&json).map_err(|b| format!("INVALID receipt: {b}"))?;
		let verified =
			polity_receipt::verify(&receipt, &root).map_err(|b| format!("INVALID receipt: {b}"))?;
		print(&verified, &root);
		Ok(())
	}
}

/// The first genesis GRANDPA authority whose key is a well-known development key, by name.
pub fn dev_authority(root: &TrustRoot) -> Option<String> {
	use polkadot_sdk::sp_keyring::Ed25519Keyring;
	Ed25519Keyring::iter().find_map(|k| {
		let public = k.public();
		root.authorities
			.iter()
			.any(|(id, _)| AsRef::<[u8]>::as_ref(id) == AsRef::<[u8]>::as_ref(&public))
			.then(|| k.to_seed())
	})
}

/// The genesis hash and GRANDPA authorities of a chain spec.
pub fn trust_root(spec: &dyn sc_service::ChainSpec) -> Result<TrustRoot, String> {
	let storage = spec
		.build_storage()
		.map_err(|e| format!("cannot build the genesis of the chain spec: {e}"))?;
	if !storage.children_default.is_empty() {
		return Err(
			"the chain spec has child storage at genesis, which receipts do not support".into()
		);
	}
	TrustRoot::from_genesis_storage(&storage.top).map_err(|b| format!("bad chain spec: {b}"))
}

fn ss58(who: &AccountId32) -> String {
	who.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` from milliseconds since the Unix epoch.
pub fn utc(ms: u64) -> String {
	let secs = ms / 1000;
	let days = (secs / 86_400) as i64;
	let rem = secs % 86_400;
	// Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z.rem_euclid(146_097);
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = doy - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + i64::from(month <= 2);
	format!(
		"{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
		rem / 3600,
		(rem % 3600) / 60,
		rem % 60,
		ms % 1000
	)
}

fn print(v: &Verified, root: &TrustRoot) {
	let r = &v.record;
	let status = match r.status {
		ProvenStatus::Active => "active".to_string(),
		ProvenStatus::Superseded { by } => format!("superseded by {by:?}"),
		ProvenStatus::Revoked { at } => format!("revoked at block #{at}"),
		ProvenStatus::Purged { at } => format!("purged at block #{at}"),
	};
	println!("VALID receipt");
	println!("content hash:  {:?}", v.content_hash);
	println!("owner:         {}", ss58(&r.owner));
	println!("registrant:    {}", ss58(&r.registrant));
	println!(
		"registered:    block #{} at {} ({} ms)",
		r.registered_at,
		utc(r.timestamp),
		r.timestamp
	);
	println!("title:         {}", String::from_utf8_lossy(&r.title));
	println!("version:       {} (first version {:?})", r.version, r.root);
	println!("status:        {status}");
	println!("proven at:     block #{} {:?}", v.block_number, v.block_hash);
	println!(
		"finalized:     by GRANDPA authority set #{} (justification of block #{}; {} set change(s) since genesis checked)",
		v.set_id, v.finalized_number, v.set_id
	);
	println!(
		"chain:         genesis {:?} ({} genesis validators)",
		root.genesis_hash,
		root.authorities.len()
	);
}

#[cfg(test)]
mod tests {
	use super::utc;
	use codec::Encode;
	use pallet_data_ownership::{Metadata, Record, RecordOf, RecordStatus, Records};
	use polity_receipt::{ProvenRecord, ProvenStatus};
	use polity_runtime::Runtime;
	use polkadot_sdk::{
		frame_support::BoundedVec, frame_system, pallet_grandpa, sp_core::crypto::AccountId32,
		sp_core::H256,
	};

	/// The verifier computes the keys without the runtime: they must be the runtime's.
	#[test]
	fn the_verifier_reads_the_runtimes_keys() {
		let hash = H256::repeat_byte(0x42);
		assert_eq!(polity_receipt::record_key(&hash), Records::<Runtime>::hashed_key_for(hash));
		assert_eq!(
			polity_receipt::genesis_hash_key(),
			frame_system::BlockHash::<Runtime>::hashed_key_for(0)
		);
		assert_eq!(
			polity_receipt::grandpa_authorities_key(),
			pallet_grandpa::Authorities::<Runtime>::hashed_key().to_vec()
		);
	}

	/// The verifier decodes the runtime's record without the runtime's types.
	#[test]
	fn the_verifier_decodes_the_runtimes_record() {
		let owner = AccountId32::new([1; 32]);
		let record: RecordOf<Runtime> = Record {
			owner: owner.clone(),
			registrant: AccountId32::new([2; 32]),
			registered_at: 7,
			timestamp: 1_795_000_000_123,
			metadata: Metadata {
				title: BoundedVec::truncate_from(b"deed".to_vec()),
				media_type: BoundedVec::truncate_from(b"application/pdf".to_vec()),
				uri: BoundedVec::truncate_from(b"ipfs://x".to_vec()),
				schema: Some(H256::repeat_byte(3)),
			},
			root: H256::repeat_byte(4),
			version: 2,
			supersedes: Some(H256::repeat_byte(5)),
			status: RecordStatus::Revoked { at: 9 },
			deposit: 123_456,
		};
		let proven = <ProvenRecord as codec::DecodeAll>::decode_all(&mut &record.encode()[..])
			.expect("same layout");
		assert_eq!(proven.owner, owner);
		assert_eq!((proven.registered_at, proven.timestamp), (7, 1_795_000_000_123));
		assert_eq!(proven.title, b"deed".to_vec());
		assert_eq!(proven.schema, Some(H256::repeat_byte(3)));
		assert_eq!((proven.version, proven.supersedes), (2, Some(H256::repeat_byte(5))));
		assert_eq!(proven.status, ProvenStatus::Revoked { at: 9 });
		assert_eq!(proven.deposit, 123_456);
	}

	#[test]
	fn formats_utc() {
		assert_eq!(utc(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(utc(1_795_466_286_123), "2026-11-23T20:38:06.123Z");
		assert_eq!(utc(951_782_400_000), "2000-02-29T00:00:00.000Z");
	}
}
