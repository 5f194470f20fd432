package dev.attest.wallet.client;

import java.util.List;
import java.util.Optional;

/** One page of a Dfns list; {@code nextPageToken} goes back as {@code paginationToken}. */
public record DfnsPage<T>(List<T> items, Optional<String> nextPageToken) {}
