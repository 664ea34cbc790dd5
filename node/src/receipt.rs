//! `polity-node verify-receipt`: checks a data-ownership receipt offline, trusting no node.
//!
//! Verified: the header hashes to the receipt's block hash; the storage key is the record of the
//! receipt's content hash; the trie proof is valid under the header's state root and proves
//! exactly the record bytes. Not verified offline: that the block is finalized (the receipt
//! carries a GRANDPA justification when the node keeps one, but checking it needs the
//! authority set of that block) — compare the block hash with a node or explorer you trust.

use codec::Decode;
use pallet_data_ownership::{RecordOf, RecordStatus, Records};
use pallet_data_ownership_rpc::Receipt;
use polity_runtime::{Header, Runtime, SS58_PREFIX};
use polkadot_sdk::{
	sp_core::{
		crypto::{Ss58AddressFormat, Ss58Codec},
		H256,
	},
	sp_runtime::traits::{BlakeTwo256, Header as _},
	sp_state_machine::read_proof_check,
	sp_trie::StorageProof,
};
use std::{io::Read, path::PathBuf};

/// Verify a data-ownership receipt (from `dataOwnership_receipt`) offline.
#[derive(Debug, clap::Parser)]
pub struct VerifyReceiptCmd {
	/// The receipt as JSON; `-` reads standard input.
	pub file: PathBuf,
}

/// What a valid receipt proves.
pub struct Verified {
	/// The content hash.
	pub content_hash: H256,
	/// The block the proof is anchored in.
	pub block_hash: H256,
	/// Its number.
	pub block_number: u32,
	/// The record as proven.
	pub record: RecordOf<Runtime>,
}

impl VerifyReceiptCmd {
	/// Reads, verifies and prints the receipt.
	pub fn run(&self) -> Result<(), String> {
		let mut json = String::new();
		if self.file.as_os_str() == "-" {
			std::io::stdin().read_to_string(&mut json).map_err(|e| e.to_string())?;
		} else {
			json = std::fs::read_to_string(&self.file)
				.map_err(|e| format!("cannot read {}: {e}", self.file.display()))?;
		}
		let receipt: Receipt<H256, u32> =
			serde_json::from_str(&json).map_err(|e| format!("not a receipt: {e}"))?;
		let verified = verify(&receipt)?;
		print(&verified);
		Ok(())
	}
}

/// Checks `receipt` and returns the record it proves.
pub fn verify(receipt: &Receipt<H256, u32>) -> Result<Verified, String> {
	let header = Header::decode(&mut &receipt.header[..])
		.map_err(|e| format!("INVALID: the header does not decode: {e}"))?;
	if header.hash() != receipt.block_hash {
		return Err(format!(
			"INVALID: the header hashes to {:?}, not to the receipt's block {:?}",
			header.hash(),
			receipt.block_hash
		));
	}
	if *header.number() != receipt.block_number {
		return Err(format!(
			"INVALID: the header is block #{}, the receipt says #{}",
			header.number(),
			receipt.block_number
		));
	}
	let key = Records::<Runtime>::hashed_key_for(receipt.content_hash);
	if key != receipt.storage_key.0 {
		return Err(format!(
			"INVALID: the storage key is not the record of {:?}",
			receipt.content_hash
		));
	}
	let proof = StorageProof::new(receipt.proof.iter().map(|node| node.0.clone()));
	let proven = read_proof_check::<BlakeTwo256, _>(*header.state_root(), proof, [&key])
		.map_err(|e| format!("INVALID: the proof does not check against the state root: {e}"))?
		.remove(&key)
		.flatten()
		.ok_or("INVALID: the proof shows no record for this content hash")?;
	if proven != receipt.record.0 {
		return Err("INVALID: the receipt's record differs from the one proven".into());
	}
	let record = RecordOf::<Runtime>::decode(&mut &proven[..])
		.map_err(|e| format!("INVALID: the proven record does not decode: {e}"))?;
	Ok(Verified {
		content_hash: receipt.content_hash,
		block_hash: receipt.block_hash,
		block_number: receipt.block_number,
		record,
	})
}

fn ss58(who: &polity_runtime::AccountId) -> String {
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

fn print(v: &Verified) {
	let r = &v.record;
	let status = match r.status {
		RecordStatus::Active => "active".to_string(),
		RecordStatus::Superseded { by } => format!("superseded by {by:?}"),
		RecordStatus::Revoked { at } => format!("revoked at block #{at}"),
		RecordStatus::Purged { at } => format!("purged at block #{at}"),
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
	println!("title:         {}", String::from_utf8_lossy(&r.metadata.title));
	println!("version:       {} (first version {:?})", r.version, r.root);
	println!("status:        {status}");
	println!("proven at:     block #{} {:?}", v.block_number, v.block_hash);
	println!("not verified:  that this block is finalized; compare its hash with a node you trust");
}

#[cfg(test)]
mod tests {
	use super::utc;

	#[test]
	fn formats_utc() {
		assert_eq!(utc(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(utc(1_795_466_286_123), "2026-11-23T20:38:06.123Z");
		assert_eq!(utc(951_782_400_000), "2000-02-29T00:00:00.000Z");
	}
}
