package jp.mamori.certification;

import java.time.Instant;

/** The answer to one lookup on the public verification page. */
public sealed interface VerificationResult {

    /** The code (or a credential with a valid signature) names a certificate. */
    record Found(Verification certificate) implements VerificationResult {
    }

    /** Unknown, malformed and altered codes alike: the page cannot tell them apart, and neither can a visitor. */
    record NotFound() implements VerificationResult {
    }

    /** An uploaded credential that is not a valid one of this installation; nothing from it is shown. */
    record Rejected(CredentialProblem problem) implements VerificationResult {
    }

    /** Too many lookups from this address; no lookup was made. */
    record Limited(Instant retryAt) implements VerificationResult {
    }
}
