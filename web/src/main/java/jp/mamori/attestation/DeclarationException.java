package jp.mamori.attestation;

import jp.mamori.shared.TranslatedException;

/** A signature refused for a reason the examiner can fix. */
public class DeclarationException extends TranslatedException {

    public DeclarationException(String messageKey, Object... params) {
        super(messageKey, params);
    }
}
