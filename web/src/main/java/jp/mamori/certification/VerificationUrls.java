package jp.mamori.certification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the public verification page of a code is: {@code <mamori.base-url>/verify/<code>}. */
@Component
class VerificationUrls {

    private final String publicUrl;

    VerificationUrls(@Value("${mamori.base-url:http://localhost:8080}") String publicUrl) {
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("mamori.base-url must start with http:// or https://: " + publicUrl);
        }
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The public address of this installation, without a trailing slash. */
    String base() {
        return publicUrl;
    }

    String of(String canonicalCode) {
        return publicUrl + "/verify/" + CertificateCode.grouped(canonicalCode);
    }
}
