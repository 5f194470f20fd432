package dev.attest.evm;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends a JSON-RPC request again when the node answers that the block it was asked about has no state any more.
 *
 * <p>anvil run with {@code --prune-history} (the local stack's and the tests' node, see docs/performance.md "Memory")
 * keeps the state of the newest block only. A read at {@code latest} ({@code eth_call}, {@code eth_estimateGas},
 * {@code eth_getBalance}, ...) first resolves the newest block's number; when a block is mined before the state is
 * read, that state is gone and the node answers {@code BlockOutOfRangeError: block height is N+1 but requested was
 * N} (about 2% of reads while blocks are mined back to back). The same read a moment later resolves the new block.
 * Only that answer is retried: a request is sent again only when the node did not use it, so even a
 * transaction is never sent twice. Anything else, a revert included, is the caller's. Clients that speak JSON-RPC
 * without web3j (document-service's) retry on the same answer with {@link #stateGone(String)}.
 */
public final class LatestStateRetry implements Interceptor {
    /** What the node answers when the newest block moved on between resolving {@code latest} and reading it. */
    public static final String STATE_GONE = "BlockOutOfRangeError";
    /** Each retry resolves the newest block again; several blocks mined in a row within one read are rare. */
    public static final int ATTEMPTS = 5;
    /** The error answer is short; a long answer is a result, whatever it contains. */
    private static final long PEEK_BYTES = 512;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        for (int attempt = 1; attempt < ATTEMPTS && stateGone(response); attempt++) {
            response.close();
            response = chain.proceed(chain.request());
        }
        return response;
    }

    /** Whether a JSON-RPC error's message says the state read was of a block the node no longer keeps. */
    public static boolean stateGone(String errorMessage) {
        return errorMessage != null && errorMessage.startsWith(STATE_GONE);
    }

    private static boolean stateGone(Response response) throws IOException {
        if (!response.isSuccessful() || response.body() == null) {
            return false;
        }
        String start = response.peekBody(PEEK_BYTES).string();
        return start.length() < PEEK_BYTES && start.contains("\"error\"") && start.contains(STATE_GONE);
    }
}
