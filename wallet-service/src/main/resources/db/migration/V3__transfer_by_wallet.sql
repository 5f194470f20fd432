-- A user's transfer history (GET /wallets/{wallet_id}/transfers): newest first, keyset-paged by (created_at, id).
create index transfer_wallet on transfer (wallet_id, created_at desc, id desc);
