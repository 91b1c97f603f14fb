package jp.mamori.certification;

/** A certificate request that is refused; the message is a translation key for the person who asked. */
public class CertificateRefusedException extends RuntimeException {

    public CertificateRefusedException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
