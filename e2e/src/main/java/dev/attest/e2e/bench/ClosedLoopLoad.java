package dev.attest.e2e.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is answered, for a
 * warm-up (not counted) and then a measured period. Throughput is what the server sustains at that concurrency;
 * each latency is one request's round trip, so a slow answer is never hidden by a missed send.
 */
public final class ClosedLoopLoad {
    /**
     * The measured period: answers, failures (non-2xx or I/O errors) and the latencies of the answers; the first
     * failure, described, if there was one.
     */
    public record Result(long answered, long failed, String firstFailure, Duration measured, Latencies latencies) {
        public double perSecond() {
            return answered / (measured.toNanos() / 1e9);
        }
    }

    private final HttpClient client;
    private final int concurrency;

    public ClosedLoopLoad(int concurrency) {
        // HTTP/1.1 as the providers send webhooks; one connection per client thread.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.concurrency = concurrency;
    }

    public Result run(Supplier<HttpRequest> requests, Duration warmUp, Duration measured) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(requests, measureFrom, end);
            workers.add(worker);
            worker.thread.start();
        }
        long answered = 0;
        long failed = 0;
        String firstFailure = null;
        int samples = 0;
        for (Worker worker : workers) {
            worker.thread.join();
            answered += worker.answered;
            failed += worker.failed;
            samples += worker.count;
            firstFailure = firstFailure == null ? worker.firstFailure : firstFailure;
        }
        long[] all = new long[samples];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.nanos, 0, all, at, worker.count);
            at += worker.count;
        }
        return new Result(answered, failed, firstFailure, measured, Latencies.ofNanos(all));
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "bench-client");
        final Supplier<HttpRequest> requests;
        final long measureFrom;
        final long end;
        long[] nanos = new long[4096];
        int count;
        long answered;
        long failed;
        String firstFailure;

        Worker(Supplier<HttpRequest> requests, long measureFrom, long end) {
            this.requests = requests;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            while (true) {
                HttpRequest request = requests.get();
                long sent = System.nanoTime();
                if (sent >= end) {
                    return;
                }
                String failure;
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    failure = status / 100 == 2 ? null : "HTTP " + status;
                } catch (IOException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long took = System.nanoTime() - sent;
                if (sent < measureFrom) {
                    continue;
                }
                if (failure != null) {
                    failed++;
                    firstFailure = firstFailure == null ? failure : firstFailure;
                    continue;
                }
                answered++;
                if (count == nanos.length) {
                    nanos = java.util.Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = took;
            }
        }
    }
}
