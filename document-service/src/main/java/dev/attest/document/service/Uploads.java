package dev.attest.document.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.work.Workers;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.DocumentRequirement;
import dev.attest.document.KeyGrant;
import dev.attest.document.PartyKey;
import dev.attest.document.client.Base64Url;
import dev.attest.document.config.DocumentConfig;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.CiphertextRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.GrantRepository;
import dev.attest.document.repository.RequirementRepository;
import dev.attest.document.rest.GrantInput;
import dev.attest.document.rest.NewDocumentInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Documents from creation to the last byte: the checks before anything is stored (the case, the requirement's type
 * and size, a grant for the user and for every reviewer, each wrapped under the key it names), then the resumable
 * upload of the ciphertext (the tus protocol's offsets: a chunk is taken only at the offset the server has), and at
 * the end the declared SHA-256, which a changed byte breaks. A document whose ciphertext does not match is deleted
 * with its bytes and grants: nothing of it is kept.
 */
@ApplicationScoped
public class Uploads {
    /** AES-GCM ciphertext as the console writes it: a 12-byte nonce, at least one byte, a 16-byte tag. */
    static final int MIN_CIPHERTEXT = 12 + 1 + 16;

    private final CaseRepository cases;
    private final RequirementRepository requirements;
    private final DocumentRepository documents;
    private final CiphertextRepository ciphertexts;
    private final GrantRepository grants;
    private final PartyKeys keys;
    private final Workers workers;
    private final DocumentConfig config;
    private final Clock clock;

    Uploads(
            CaseRepository cases,
            RequirementRepository requirements,
            DocumentRepository documents,
            CiphertextRepository ciphertexts,
            GrantRepository grants,
            PartyKeys keys,
            Workers workers,
            DocumentConfig config,
            Clock clock) {
        this.cases = cases;
        this.requirements = requirements;
        this.documents = documents;
        this.ciphertexts = ciphertexts;
        this.grants = grants;
        this.keys = keys;
        this.workers = workers;
        this.config = config;
        this.clock = clock;
    }

    /** Where an upload stands: the bytes the server has and the total. */
    public record Offset(long offset, long length, String state) {}

    @Transactional
    public Document create(String orgId, String userId, UUID caseId, NewDocumentInput input) {
        DocumentCase owner = cases.inOrg(orgId, caseId)
                .filter(c -> c.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("The case"));
        if (!owner.isOpen()) {
            throw ProblemException.conflict("case-decided", "The case was decided: it takes no more documents.");
        }
        DocumentRequirement requirement = requirements
                .of(orgId, owner.projectId, input.requirement())
                .orElseThrow(() -> ProblemException.badRequest(
                        "unknown-requirement", "The project does not require " + input.requirement() + "."));
        if (!Arrays.asList(requirement.acceptedTypes).contains(input.contentType())) {
            throw new ProblemException(
                    415,
                    "unsupported-document-type",
                    "Unsupported document type",
                    "A " + requirement.kind + " is accepted as " + String.join(", ", requirement.acceptedTypes) + ".");
        }
        if (input.size() > requirement.maxBytes) {
            throw new ProblemException(
                    413,
                    "document-too-large",
                    "Document too large",
                    "A " + requirement.kind + " is at most " + requirement.maxBytes + " bytes encrypted.");
        }
        if (input.size() < MIN_CIPHERTEXT) {
            throw ProblemException.badRequest(
                    "invalid-ciphertext", "An AES-GCM ciphertext is at least " + MIN_CIPHERTEXT + " bytes.");
        }
        checkGrants(owner, input);

        Instant now = clock.instant();
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.orgId = orgId;
        document.caseId = caseId;
        document.requirement = requirement.kind;
        document.contentType = input.contentType();
        document.size = input.size();
        document.ciphertextSha256 = input.ciphertextSha256();
        document.state = Document.UPLOADING;
        document.createdAt = now;
        document.updatedAt = now;
        documents.persist(document);
        documents.flush();
        ciphertexts.create(document.id);
        for (GrantInput grant : input.grants()) {
            boolean isUser = grant.subject().equals(userId);
            KeyGrant kept = new KeyGrant();
            kept.id = UUID.randomUUID();
            kept.orgId = orgId;
            kept.documentId = document.id;
            kept.party = isUser ? KeyGrant.USER : KeyGrant.REVIEWER;
            kept.subject = grant.subject();
            kept.keyId = grant.keyId();
            kept.wrappedKey = grant.wrappedKey();
            kept.conditions = (isUser
                            ? AccessConditions.user(userId)
                            : AccessConditions.reviewer(grant.subject(), orgId, caseId.toString()))
                    .toString();
            kept.createdAt = now;
            grants.persist(kept);
        }
        return document;
    }

    /**
     * Every grant must be the user's or a reviewer's, wrapped under the key that party has registered (a stale key
     * would make a key nobody can unwrap), and the user and every registered reviewer must have one.
     */
    private void checkGrants(DocumentCase owner, NewDocumentInput input) {
        Set<String> subjects = new HashSet<>();
        Set<String> reviewers = new HashSet<>();
        keys.reviewers(owner.orgId).forEach(k -> reviewers.add(k.subject));
        for (GrantInput grant : input.grants()) {
            if (!subjects.add(grant.subject())) {
                throw ProblemException.badRequest("invalid-grants", "Two grants name " + grant.subject() + ".");
            }
            PartyKey key = keys.of(owner.orgId, grant.subject())
                    .filter(k -> grant.subject().equals(owner.userId) || k.reviewer)
                    .orElseThrow(() -> ProblemException.badRequest(
                            "invalid-grants", "Grant " + grant.subject() + " is neither the user nor a reviewer."));
            if (!key.keyId.equals(grant.keyId())) {
                throw ProblemException.badRequest(
                        "stale-key", "Grant " + grant.subject() + " is wrapped under a key that is not registered.");
            }
            if (decodedLength(grant.wrappedKey()) != keys.modulusBytes(key)) {
                throw ProblemException.badRequest(
                        "invalid-grants", "Grant " + grant.subject() + " is not an RSA-OAEP block of its key's size.");
            }
        }
        if (!subjects.contains(owner.userId)) {
            throw ProblemException.badRequest("invalid-grants", "The data key must be wrapped for its owner too.");
        }
        reviewers.removeAll(subjects);
        if (!reviewers.isEmpty()) {
            throw ProblemException.badRequest(
                    "invalid-grants",
                    "The data key must be wrapped for every reviewer: " + reviewers.size() + " missing.");
        }
    }

    public Offset offset(String orgId, String userId, UUID documentId) {
        Document document = own(orgId, userId, documentId, false);
        return new Offset(document.receivedBytes, document.size, document.state);
    }

    /**
     * Appends a chunk at {@code offset}, which must be where the upload stands (a chunk out of order is refused and
     * changes nothing). The last chunk completes the upload: the ciphertext's hash is checked, and the document,
     * received, joins the queue to Arweave.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Offset append(String orgId, String userId, UUID documentId, long offset, byte[] chunk) {
        Document document = own(orgId, userId, documentId, true);
        if (!Document.UPLOADING.equals(document.state)) {
            throw ProblemException.conflict("upload-complete", "The upload is complete.");
        }
        if (offset != document.receivedBytes) {
            throw ProblemException.conflict(
                    "upload-offset-mismatch",
                    "The upload stands at offset " + document.receivedBytes + ", not " + offset + ".");
        }
        if (chunk.length == 0 || offset + chunk.length > document.size) {
            throw new ProblemException(
                    413,
                    "upload-exceeds-length",
                    "Upload exceeds its length",
                    "The upload is " + document.size + " bytes; this chunk would end at " + (offset + chunk.length)
                            + ".");
        }
        ciphertexts.append(document.id, chunk);
        document.receivedBytes += chunk.length;
        document.updatedAt = clock.instant();
        if (document.receivedBytes == document.size) {
            byte[] whole = ciphertexts.read(document.id).orElseThrow();
            if (!Base64Url.encode(sha256(whole)).equals(document.ciphertextSha256)) {
                // Refused as a whole: the document, its bytes and its grants go; nothing of it remains.
                documents.delete(document);
                throw new ProblemException(
                        422,
                        "ciphertext-mismatch",
                        "Ciphertext does not match",
                        "The uploaded bytes do not have the SHA-256 declared for them: the document was discarded.");
            }
            document.state = Document.RECEIVED;
            document.nextAttemptAt = document.updatedAt;
            workers.wakeAfterCommit(ArweaveStorage.NAME);
        }
        return new Offset(document.receivedBytes, document.size, document.state);
    }

    private Document own(String orgId, String userId, UUID documentId, boolean lock) {
        Document document = (lock ? documents.lockInOrg(orgId, documentId) : documents.inOrg(orgId, documentId))
                .orElseThrow(() -> ProblemException.notFound("The upload"));
        cases.inOrg(orgId, document.caseId)
                .filter(c -> c.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("The upload"));
        return document;
    }

    private static int decodedLength(String base64Url) {
        try {
            return Base64Url.decode(base64Url).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
