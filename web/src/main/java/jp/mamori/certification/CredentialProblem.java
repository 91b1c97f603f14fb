package jp.mamori.certification;

/** Why an uploaded Open Badges credential is not accepted; the page says no more than this. */
public enum CredentialProblem {
    /** Larger than {@link OpenBadgeCredentials#MAX_FILE_BYTES}: not even read. */
    TOO_LARGE,
    /** Not a signed credential (a compact JWS) at all. */
    MALFORMED,
    /** Signed, but not with this installation's key, or about no certificate of it. */
    NOT_OURS,
    /** Names this installation's key, but the signature does not match the content: changed after issue. */
    TAMPERED;

    public String labelKey() {
        return "verify.credential." + name();
    }
}
