package jp.mamori.certification;

import jp.mamori.shared.TranslatedException;

/** A certificate request that is refused, with the reason for the person who asked. */
public class CertificateRefusedException extends TranslatedException {

    public CertificateRefusedException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
