package dev.attest.wallet.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing and the token of the next one (none: the last page). */
public record ResultPage<T>(List<T> items, Optional<String> nextPageToken) {
    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
