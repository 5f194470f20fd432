package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/** Dfns list paging: {@code limit} and {@code paginationToken} in, {@code {items, nextPageToken?}} out. */
final class Pages {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private Pages() {}

    /** {@code all} in creation order; the token is the id of the last item of the previous page. */
    static <T> ObjectNode page(
            List<T> all, Function<T, String> id, Function<T, ObjectNode> json, Integer limit, String token) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DfnsApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        int start = 0;
        if (token != null && !token.isBlank()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(token)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw DfnsApiException.badRequest("paginationToken is not valid");
            }
        }
        int end = Math.min(all.size(), start + size);
        ObjectNode answer = DfnsJson.object();
        ArrayNode items = answer.putArray("items");
        all.subList(start, end).forEach(item -> items.add(json.apply(item)));
        if (end < all.size()) {
            answer.put("nextPageToken", id.apply(all.get(end - 1)));
        }
        return answer;
    }
}
