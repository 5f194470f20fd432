package dev.attest.wallet.rest;

import java.util.List;

/** One page of a listing; {@code next_page_token} goes back as {@code page_token} for the next one. */
public record PageView<T>(List<T> items, String nextPageToken) {}
