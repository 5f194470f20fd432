import { describe, expect, it } from 'vitest';
import { consolePathOf } from './notificationLinks';
import { claimOf, claimStatusWords, identitySettled, txLink } from './identity';
import { nextStepOf, walletStatusWords } from './overview';
import { shorten } from './parts';

const verified = { case_id: 'c', kyc_status: 'verified', kyc_message: 'Your identity is verified.', next_action: 'none' };
const provisioned = { status: 'provisioned', wallet_id: 'w', address: '0x000000000000000000000000000000000000dEaD' };
const ready = { status: 'ready', identity_address: '0xabc', claims: [{ topic: 1, status: 'issued', tx_hash: '0x1' }] };

describe('nextStepOf', () => {
  it('asks to start, resume, wait or contact support from the KYC next action', () => {
    expect(nextStepOf(undefined, undefined, undefined)).toBeNull();
    expect(nextStepOf({ kyc_status: 'pending', next_action: 'start' }, undefined, undefined)).toMatchObject({
      to: '/kyc',
      label: 'Start verification',
    });
    expect(nextStepOf({ kyc_status: 'pending', next_action: 'resume' }, undefined, undefined)?.label).toBe(
      'Resume verification',
    );
    expect(nextStepOf({ kyc_status: 'review', next_action: 'wait' }, undefined, undefined)?.label).toBe('View status');
    expect(nextStepOf({ kyc_status: 'rejected', next_action: 'contact_support' }, undefined, undefined)?.text).toContain(
      'rejected',
    );
  });

  it('follows the wallet and the identity once verified', () => {
    expect(nextStepOf(verified, { status: 'pending' }, null)?.text).toContain('wallet is being created');
    expect(nextStepOf(verified, { status: 'failed' }, null)?.text).toContain('could not be created');
    expect(nextStepOf(verified, provisioned, null)?.text).toContain('identity is being created');
    expect(nextStepOf(verified, provisioned, { status: 'creating' })?.text).toContain('identity is being created');
    expect(nextStepOf(verified, provisioned, ready)).toMatchObject({ to: '/wallet', label: 'Make a transfer' });
    expect(nextStepOf(verified, provisioned, { ...ready, claims: [{ topic: 1, status: 'revoked' }] })?.text).toContain(
      'not valid',
    );
  });
});

describe('identity helpers', () => {
  it('finds the KYC claim and knows when nothing moves any more', () => {
    expect(claimOf(ready)?.status).toBe('issued');
    expect(claimOf({ claims: [{ topic: 7 }] })).toBeNull();
    expect(identitySettled(null)).toBe(false);
    expect(identitySettled({ status: 'creating' })).toBe(false);
    expect(identitySettled({ status: 'ready', claims: [{ topic: 1, status: 'issuing' }] })).toBe(false);
    expect(identitySettled(ready)).toBe(true);
    expect(claimStatusWords('revoked').label).toBe('Revoked');
  });

  it('links transactions to the explorer only when there is one', () => {
    const chain = { name: 'x', explorer_tx_url: 'https://scan.test/tx/{hash}', explorer_address_url: null };
    expect(txLink(chain, '0xabc')).toBe('https://scan.test/tx/0xabc');
    expect(txLink({ ...chain, explorer_tx_url: null }, '0xabc')).toBeNull();
    expect(txLink(chain, null)).toBeNull();
  });
});

describe('consolePathOf', () => {
  it('leads each notification type to its page', () => {
    expect(consolePathOf('kyc.verified')).toBe('/kyc');
    expect(consolePathOf('wallet.provisioned')).toBe('/wallet');
    expect(consolePathOf('transfer.confirmed')).toBe('/wallet');
    expect(consolePathOf('claim.issued')).toBe('/identity');
    expect(consolePathOf('document.approved')).toBe('/documents');
    expect(consolePathOf('document.failed')).toBe('/documents');
    expect(consolePathOf('document.storage-failed')).toBeNull();
    expect(consolePathOf('provider.credentials-rejected')).toBeNull();
    expect(consolePathOf(undefined)).toBeNull();
  });
});

describe('wallet words', () => {
  it('says each provisioning status', () => {
    expect(walletStatusWords('none').label).toBe('No wallet yet');
    expect(walletStatusWords('pending')).toMatchObject({ label: 'Being created', tone: 'info' });
    expect(walletStatusWords('provisioned')).toMatchObject({ label: 'Ready', tone: 'success' });
    expect(walletStatusWords('failed').text).toContain('could not be created');
  });

  it('shortens long hex values for tables', () => {
    expect(shorten('0x000000000000000000000000000000000000dEaD')).toBe('0x0000…dEaD');
    expect(shorten('0xabc')).toBe('0xabc');
  });
});
