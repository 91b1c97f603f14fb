package jp.mamori.attestation;

import java.time.Instant;

/** Published inside the transaction that stores a signature, so listeners' work commits with it or not at all. */
public record DeclarationSigned(long signatureId, long userId, String declarationId, int version, int fiscalYear,
                                Instant signedAt) {
}
