package dev.attest.wallet.rest;

import dev.attest.wallet.service.ResultPage;
import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code next_page_token} goes back as {@code page_token} for the next one. */
public record PageView<T>(List<T> items, String nextPageToken) {

    /** The view of a service's page, each item made a view by {@code view}. */
    public static <S, T> PageView<T> of(ResultPage<S> page, Function<S, T> view) {
        return new PageView<>(
                page.items().stream().map(view).toList(), page.nextPageToken().orElse(null));
    }
}
