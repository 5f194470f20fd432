package dev.attest.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service that stops at a byte limit. A declared Content-Length is
 * checked before anything is sent; this catches bodies of unknown length (chunked) while they stream.
 */
final class LimitedBody implements ReadStream<Buffer> {
    private final ReadStream<Buffer> body;
    private final long limit;
    private final Runnable onOverflow;
    private long received;
    private boolean overflowed;

    LimitedBody(ReadStream<Buffer> body, long limit, Runnable onOverflow) {
        this.body = body;
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (overflowed) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                overflowed = true;
                onOverflow.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(end -> {
            if (!overflowed && endHandler != null) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
