package dev.attest.sandbox.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyIsReplayedWithinItsLifetimeAndActsAsNewAfterIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), clock);
        AtomicInteger calls = new AtomicInteger();

        ApiResponse first = store.once("key", "idem-1", "/inquiries", BODY, () -> answer(calls));
        clock.now = clock.now.plus(Duration.ofHours(23));
        ApiResponse replayed = store.once("key", "idem-1", "/inquiries", BODY, () -> answer(calls));
        clock.now = clock.now.plus(Duration.ofHours(2));
        ApiResponse afterLifetime = store.once("key", "idem-1", "/inquiries", BODY, () -> answer(calls));

        assertThat(replayed).isSameAs(first);
        assertThat(afterLifetime).isNotSameAs(first);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void otherParametersUnderTheSameKeyAreAnErrorAndAnotherApiKeysKeyIsItsOwn() {
        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        store.once("key", "idem-2", "/inquiries", BODY, () -> answer(calls));

        ApiResponse other =
                store.once("key", "idem-2", "/inquiries", "{}".getBytes(StandardCharsets.UTF_8), () -> answer(calls));
        ApiResponse otherApiKey = store.once("key-2", "idem-2", "/inquiries", BODY, () -> answer(calls));

        assertThat(other.status()).isEqualTo(400);
        assertThat(otherApiKey.status()).isEqualTo(201);
        assertThat(calls.get()).isEqualTo(2);
    }

    private static ApiResponse answer(AtomicInteger calls) {
        calls.incrementAndGet();
        return new ApiResponse(201, PersonaJson.MAPPER.createObjectNode().put("n", calls.get()));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
