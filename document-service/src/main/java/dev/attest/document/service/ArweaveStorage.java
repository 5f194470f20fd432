package dev.attest.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.work.DurableWork;
import dev.attest.common.work.RetrySchedule;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.client.ArweaveException;
import dev.attest.document.client.ArweaveGateway;
import dev.attest.document.client.ArweaveTransaction;
import dev.attest.document.client.ArweaveWallet;
import dev.attest.document.client.Base64Url;
import dev.attest.document.config.DocumentConfig;
import dev.attest.document.events.DocumentEvents;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.CiphertextRepository;
import dev.attest.document.repository.DocumentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The durable queue from received ciphertext to Arweave. A pass claims due documents ({@code for update skip
 * locked}, leased), and moves each one step:
 *
 * <ul>
 *   <li>received: the transaction is signed once and kept <em>before</em> it is first posted; then, unless the gateway
 *       already knows its id, it is posted. A crash anywhere leaves either no signed transaction (nothing was posted)
 *       or the same one to ask about and post again: the id is the hash of the signature, so a document is never
 *       stored twice. A refused transaction (a stale anchor) never landed, so it is dropped and signed anew.
 *   <li>stored: its status is read until it has the configured confirmations; then its data is fetched back and
 *       must hash to the declared SHA-256; only then is it confirmed and the local ciphertext deleted.
 * </ul>
 *
 * Failures are retried by {@code storage.retry-schedule}; after the last one the document has failed.
 */
@ApplicationScoped
public class ArweaveStorage implements DurableWork {
    public static final String NAME = "arweave-storage";
    private static final Logger LOG = Logger.getLogger(ArweaveStorage.class);
    private static final int BATCH = 10;

    private final DocumentRepository documents;
    private final CaseRepository cases;
    private final CiphertextRepository ciphertexts;
    private final ArweaveGateway gateway;
    private final Optional<ArweaveWallet> wallet;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final DocumentConfig config;
    private final RetrySchedule retries;
    private final Clock clock;

    ArweaveStorage(
            DocumentRepository documents,
            CaseRepository cases,
            CiphertextRepository ciphertexts,
            ArweaveGateway gateway,
            Outbox outbox,
            ObjectMapper mapper,
            DocumentConfig config,
            Clock clock) {
        this.documents = documents;
        this.cases = cases;
        this.ciphertexts = ciphertexts;
        this.gateway = gateway;
        this.wallet = config.arweave().wallet().filter(w -> !w.isBlank()).map(ArweaveWallet::fromJwk);
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.retries = new RetrySchedule(config.storage().retrySchedule());
        this.clock = clock;
        if (wallet.isEmpty()) {
            LOG.warn("no Arweave wallet configured (attest.document.arweave.wallet): documents are not stored");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.storage().pollInterval();
    }

    @Override
    public Pass runPass() {
        if (wallet.isEmpty()) {
            return Pass.NOTHING;
        }
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Document> due = documents.lockDue(now, BATCH);
            due.forEach(d -> d.nextAttemptAt = now.plus(config.storage().lease()));
            return due.stream().map(d -> d.id).toList();
        });
        for (UUID id : claimed) {
            step(id);
        }
        return Pass.ofBatch(claimed.size(), BATCH);
    }

    private void step(UUID id) {
        Document document = QuarkusTransaction.requiringNew().call(() -> documents.findById(id));
        try {
            if (Document.RECEIVED.equals(document.state)) {
                store(document);
            } else if (Document.STORED.equals(document.state)) {
                confirm(document);
            }
        } catch (ArweaveException e) {
            failed(id, e);
        }
    }

    private void store(Document document) {
        byte[] data = ciphertexts.readOutsideTransaction(document.id);
        ArweaveTransaction tx = document.arweaveTx == null ? signAndKeep(document, data) : read(document.arweaveTx);
        if (gateway.status(tx.id()).kind() == ArweaveGateway.Status.Kind.UNKNOWN) {
            gateway.post(tx, data);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Document stored = documents.findById(document.id);
            stored.state = Document.STORED;
            stored.lastError = null;
            stored.updatedAt = clock.instant();
            stored.nextAttemptAt = stored.updatedAt.plus(config.storage().confirmationInterval());
            outbox.publish(DocumentEvents.stored(stored, owner(stored)));
        });
        LOG.infof("document %s stored as Arweave transaction %s", document.id, tx.id());
    }

    private ArweaveTransaction signAndKeep(Document document, byte[] data) {
        ArweaveTransaction tx = ArweaveTransaction.sign(
                wallet.orElseThrow(),
                data,
                List.of(
                        new ArweaveTransaction.Tag("Content-Type", "application/octet-stream"),
                        new ArweaveTransaction.Tag("App-Name", "Attest"),
                        new ArweaveTransaction.Tag("Attest-Document", document.id.toString())),
                gateway.price(data.length),
                gateway.anchor());
        QuarkusTransaction.requiringNew().run(() -> {
            Document kept = documents.findById(document.id);
            kept.arweaveTx = write(tx);
            kept.arweaveTxId = tx.id();
        });
        return tx;
    }

    private void confirm(Document document) {
        ArweaveGateway.Status status = gateway.status(document.arweaveTxId);
        Instant now = clock.instant();
        if (status.kind() == ArweaveGateway.Status.Kind.UNKNOWN) {
            // Never mined and forgotten by the gateway: post the same transaction again.
            QuarkusTransaction.requiringNew().run(() -> {
                Document again = documents.findById(document.id);
                again.state = Document.RECEIVED;
                again.nextAttemptAt = now;
            });
            return;
        }
        if (status.kind() != ArweaveGateway.Status.Kind.MINED
                || status.confirmations() < config.arweave().confirmations()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> documents.findById(document.id).nextAttemptAt =
                            now.plus(config.storage().confirmationInterval()));
            return;
        }
        byte[] served = gateway.data(document.arweaveTxId);
        if (!Base64Url.encode(Uploads.sha256(served)).equals(document.ciphertextSha256)) {
            throw new ArweaveException("the gateway serves other bytes than were stored", false);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Document confirmed = documents.findById(document.id);
            confirmed.state = Document.CONFIRMED;
            confirmed.blockHeight = status.blockHeight();
            confirmed.nextAttemptAt = null;
            confirmed.updatedAt = now;
            ciphertexts.delete(confirmed.id);
            outbox.publish(DocumentEvents.confirmed(confirmed, owner(confirmed)));
        });
    }

    private void failed(UUID id, ArweaveException e) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document document = documents.findById(id);
            Instant now = clock.instant();
            document.attempts++;
            document.lastError = e.getMessage();
            document.updatedAt = now;
            if (e.rejected() && Document.RECEIVED.equals(document.state)) {
                document.arweaveTx = null; // refused, so never stored: sign anew with a fresh anchor
                document.arweaveTxId = null;
            }
            Optional<Instant> next = retries.next(document.attempts, now);
            if (Document.STORED.equals(document.state)) {
                // Already on Arweave: a gateway that cannot say how deep does not make it fail; ask again later.
                document.nextAttemptAt = next.orElse(now.plus(config.storage()
                        .retrySchedule()
                        .get(config.storage().retrySchedule().size() - 1)));
                LOG.warnf("document %s: %s; asking again at %s", id, e.getMessage(), document.nextAttemptAt);
            } else if (next.isEmpty()) {
                document.state = Document.FAILED;
                document.nextAttemptAt = null;
                outbox.publish(DocumentEvents.storageFailed(document, owner(document)));
                LOG.errorf("document %s failed for good after %d attempts: %s", id, document.attempts, e.getMessage());
            } else {
                document.nextAttemptAt = next.get();
                LOG.warnf("document %s: %s; retrying at %s", id, e.getMessage(), document.nextAttemptAt);
            }
        });
    }

    private DocumentCase owner(Document document) {
        return cases.findById(document.caseId);
    }

    private String write(ArweaveTransaction tx) {
        try {
            return mapper.writeValueAsString(tx);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArweaveTransaction read(String json) {
        try {
            return mapper.readValue(json, ArweaveTransaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
