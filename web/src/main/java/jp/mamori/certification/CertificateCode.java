package jp.mamori.certification;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A certificate's verification code: 100 random bits written as 20 Crockford base32 characters and shown in five
 * groups of four ({@code 7K3M-Q9TX-…}). People type codes from paper, so input is read case-insensitively, without
 * dashes or spaces, and with Crockford's look-alikes (O as 0, I and L as 1).
 */
public final class CertificateCode {

    /** Crockford's alphabet: no I, L, O, U, so nothing is misread. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 20;
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCode() {
    }

    /** A new canonical code (20 characters, no dashes) from a secure random source. */
    static String generate() {
        return generate(RANDOM);
    }

    static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The canonical form of what a person typed, or empty when it cannot be a code (wrong length or a character
     * outside the alphabet).
     */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : Normalizer.normalize(input, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ', '\u2010', '\u2012', '\u2013', '\u2014', '\u2212', '\u30FC' -> {
                    // Dashes and spaces (full-width ones are folded by NFKC above) only separate the groups.
                }
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> {
                    if (ALPHABET.indexOf(c) < 0) {
                        return Optional.empty();
                    }
                    code.append(c);
                }
            }
            if (code.length() > LENGTH) {
                return Optional.empty();
            }
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** The code as printed and shown: five groups of four joined by dashes. */
    public static String grouped(String canonical) {
        StringBuilder shown = new StringBuilder(canonical.length() + canonical.length() / GROUP);
        for (int i = 0; i < canonical.length(); i += GROUP) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(canonical, i, Math.min(canonical.length(), i + GROUP));
        }
        return shown.toString();
    }
}
