package dev.attest.compliance.repository;

import java.util.Optional;
import java.util.UUID;

/** The locks KYC and business case repositories both offer (see {@link CaseQueries}), for code serving either. */
public interface LockableCases<T> {
    /** The case, locked for this transaction: concurrent changes to it queue up. */
    Optional<T> lockInOrg(String orgId, UUID id);

    /** The case of the provider's reference (its inquiry or applicant), locked for this transaction. */
    Optional<T> lockByReference(String orgId, String provider, String reference);
}
