package jp.mamori.certification;

/** Where a certificate stands at a given moment. */
public enum CertificateStatus {
    VALID,
    EXPIRED,
    REVOKED;

    public String labelKey() {
        return "certificate.status." + name();
    }
}
