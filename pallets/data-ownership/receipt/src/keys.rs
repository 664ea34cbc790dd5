//! The storage keys a receipt proves, computed as the runtime computes them.

use alloc::vec::Vec;
use codec::Encode;
use sp_core::H256;
use sp_crypto_hashing::{blake2_128, twox_128, twox_64};

fn prefix(pallet: &[u8], item: &[u8]) -> Vec<u8> {
	let mut key = twox_128(pallet).to_vec();
	key.extend_from_slice(&twox_128(item));
	key
}

/// `DataOwnership::Records(hash)`: `Blake2_128Concat` of the content hash.
pub fn record_key(hash: &H256) -> Vec<u8> {
	let mut key = prefix(b"DataOwnership", b"Records");
	key.extend_from_slice(&blake2_128(hash.as_bytes()));
	key.extend_from_slice(hash.as_bytes());
	key
}

/// `System::BlockHash(0)`: the genesis hash, which frame-system keeps for good.
pub fn genesis_hash_key() -> Vec<u8> {
	let mut key = prefix(b"System", b"BlockHash");
	let number = 0u32.encode();
	key.extend_from_slice(&twox_64(&number));
	key.extend_from_slice(&number);
	key
}

/// `Grandpa::Authorities`: the GRANDPA authority set, read from genesis storage.
pub fn grandpa_authorities_key() -> Vec<u8> {
	prefix(b"Grandpa", b"Authorities")
}
