// Accounts: the well-known development accounts on a development chain, and on any chain the
// accounts a browser wallet injects (Polkadot.js extension, Talisman, SubWallet: the standard
// injected-accounts interface).

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { signal } from './store.js';
import { chain } from './chain.js';

export const accounts = signal([]);
export const current = signal(localStorage.getItem('polity.account') || '');

const DEV = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

export async function loadDevAccounts() {
  if (!chain.dev) return;
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: chain.api.registry.chainSS58 ?? 42 });
  const list = DEV.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', pair };
  });
  accounts.set([...list, ...accounts.get().filter((a) => a.source !== 'dev')]);
  if (!accounts.get().some((a) => a.address === current.get())) select(list[0].address);
}

/** Asks the browser's wallets for their accounts; resolves with how many were added. */
export async function loadWalletAccounts() {
  const extensions = await web3Enable('Polity portal');
  if (!extensions.length) return 0;
  const injected = await web3Accounts();
  const list = injected.map((a) => ({ address: a.address, name: a.meta.name || a.meta.source, source: a.meta.source }));
  accounts.set([...accounts.get().filter((a) => a.source === 'dev'), ...list]);
  if (list.length && !accounts.get().some((a) => a.address === current.get())) select(list[0].address);
  return list.length;
}

export function select(address) {
  localStorage.setItem('polity.account', address);
  current.set(address);
}

export const currentAccount = () => accounts.get().find((a) => a.address === current.get());

/** The same account in any SS58 format. */
export function samePublicKey(a, b) {
  try { return u8aToHex(decodeAddress(a)) === u8aToHex(decodeAddress(b)); } catch (_) { return false; }
}

export const nameOf = (address) => accounts.get().find((a) => samePublicKey(a.address, address))?.name;

/** What `signAndSend` needs for `account`: its key pair, or the wallet's signer. */
export async function signerOf(account) {
  if (account.pair) return { from: account.pair, options: {} };
  const injector = await web3FromAddress(account.address);
  return { from: account.address, options: { signer: injector.signer } };
}

/** An address for a sentence: the account's name and short address when it is ours. */
export function label(address) {
  const name = nameOf(address);
  return name ? `${name} (${address.slice(0, 6)}…${address.slice(-4)})` : address;
}
